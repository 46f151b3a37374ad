import { renderSearchResultsPage } from '../../replay';
import { parse1001SearchResults } from './parse-search';

const BASE = 'http://127.0.0.1:4100';
const BICEP = '/tracklist/1gz59x6t/bicep-the-warehouse-project-rdm-rotterdam-netherlands-2023-04-28.html';
const OTHER = '/tracklist/2hjnqr0t/bicep-nts-radio-2022-06-16.html';

describe('parse1001SearchResults', () => {
  it('reads the replay stand-in page: tracklist links as absolute URLs on the base, with their titles', () => {
    const html = renderSearchResultsPage('Bicep Glue', [
      { path: BICEP, title: 'Bicep @ The Warehouse Project, RDM Rotterdam 2023-04-28' },
      { path: OTHER, title: 'Bicep - NTS Radio 2022-06-16' },
    ]);
    expect(parse1001SearchResults(html, BASE).refs).toEqual([
      { url: `${BASE}${BICEP}`, label: 'Bicep @ The Warehouse Project, RDM Rotterdam 2023-04-28' },
      { url: `${BASE}${OTHER}`, label: 'Bicep - NTS Radio 2022-06-16' },
    ]);
  });

  it('lists a tracklist once even when linked twice, with a query string or from the live origin', () => {
    const html = `<div class="bItm"><a href="${BICEP}">first</a></div>
      <div class="bItm"><a href="${BICEP}?ref=search#tlTab">again</a></div>
      <div class="bItm"><a href="https://www.1001tracklists.com${BICEP}">absolute</a></div>`;
    expect(parse1001SearchResults(html, BASE).refs).toEqual([{ url: `${BASE}${BICEP}`, label: 'first' }]);
  });

  it('ignores links that are not tracklist pages and anchors outside result items', () => {
    const html = `<a href="${OTHER}">navigation, not a result</a>
      <div class="bItm"><a href="/dj/bicep/index.html">Bicep</a><a href="${BICEP}">the set</a><a>no href</a></div>
      <div class="bItm"><a href="http://[broken">broken</a></div>`;
    expect(parse1001SearchResults(html, BASE).refs.map((ref) => ref.url)).toEqual([`${BASE}${BICEP}`]);
  });

  it('uses the URL as the label when a result link has no text', () => {
    const html = `<div class="bItm"><a href="${BICEP}">  </a></div>`;
    expect(parse1001SearchResults(html, BASE).refs[0]?.label).toBe(`${BASE}${BICEP}`);
  });

  it('finds nothing on a page without results or an empty body', () => {
    expect(parse1001SearchResults(renderSearchResultsPage('nothing here', []), BASE).refs).toEqual([]);
    expect(parse1001SearchResults('', BASE).refs).toEqual([]);
  });
});
