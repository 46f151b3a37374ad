import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { renderSearchResultsPage } from '../../replay';
import { canonicalTracklistUrl } from './page-metadata';
import { parse1001SearchResults, rebase1001TracklistUrl, type Search1001Result } from './parse-search';

// The search and DJ pages here are STAND-INS written by hand in the structure of real 2026 pages that were read,
// not copied (fixtures/SOURCE.md); the parser was checked on the real pages themselves outside the repository.
const fixture = (path: string): string => readFileSync(join(__dirname, 'fixtures', path), 'utf8');
const BASE = 'http://127.0.0.1:4100';
const LIVE = 'https://www.1001tracklists.com';
const HANGAR = '/tracklist/x7q2k9p/nadia-voss-hangar-9-rotterdam-netherlands-2025-03-15.html';

describe('parse1001SearchResults on a search page with one result (stand-in)', () => {
  const page = parse1001SearchResults(fixture('search/search-result.standin.html'), BASE);

  it('reads the card with every field it shows, found by tooltip, and the exact numbers from tlData', () => {
    expect(page.results).toEqual<Search1001Result[]>([
      {
        tracklistId: 'x7q2k9p',
        title: 'Nadia Voss @ Hangar 9, Rotterdam, Netherlands',
        url: `${LIVE}${HANGAR}`,
        date: '2025-03-15',
        creatorName: 'kraanvogel',
        creatorUrl: `${LIVE}/user/kraanvogel/index.html`,
        // the card shows "4.8k" and an empty, hidden likes field; the page's tlData script holds the exact numbers
        views: 4817,
        idedTracks: 31,
        totalTracks: 34,
        playTime: '1h 54m',
        likes: 21,
        styles: 'House, Minimal / Deep Tech',
      },
    ]);
    expect(page.refs).toEqual([{ url: `${BASE}${HANGAR}`, label: 'Nadia Voss @ Hangar 9, Rotterdam, Netherlands 2025-03-15' }]);
  });

  it('takes the total from the results header, not from the Filters tab badge beside it', () => {
    expect(cheerio.load(fixture('search/search-result.standin.html'))('#toogleSideLeft .badge').text()).toBe('2');
    expect(page.totalResults).toBe(1);
  });

  it('reads a card the same whatever the order of its fields (tooltips, not positions)', () => {
    const $ = cheerio.load(fixture('search/search-result.standin.html'));
    const row = $('[data-id="x7q2k9p"] .mediaRow');
    row.prepend(row.children('[title="musicstyle(s)"]'), row.children('[title="IDed tracks / total tracks"]'));
    row.append(row.children('[title="tracklist date"]'));
    expect(row.children().first().attr('title')).toBe('musicstyle(s)');
    expect(parse1001SearchResults($.html(), BASE)).toEqual(page);
  });
});

describe('parse1001SearchResults on a search page with many results (stand-in)', () => {
  const html = fixture('search/search-multi.standin.html');
  const page = parse1001SearchResults(html, BASE);

  it('reads every card in page order, skipping the advertisement rows between them', () => {
    expect(page.results.map((result) => result.tracklistId)).toEqual(['2v81kd4t', '1qz7mw0k', 'wd4n8r2', 'ky5g2hp', '1m3c8s5t', 's4p9xn2']);
    expect(page.refs.map((ref) => ref.url)).toEqual(page.results.map((result) => `${BASE}${new URL(result.url).pathname}`));
    expect(page.refs[2]?.label).toBe('Kestrel Ray & Lumen Arc @ Warehouse Sessions, Fabrik Madrid, Spain 2025-10-04');
  });

  it('gives the total the header states for all pages, not the cards of this page nor the side column counts', () => {
    const $ = cheerio.load(html);
    expect($('ul.pagination li').last().text()).toBe('Next');
    expect(
      $('#csLeft .badge')
        .toArray()
        .map((badge) => $(badge).text()),
    ).toEqual(['312', '87', '12']);
    expect(page.totalResults).toBe(1000);
  });

  it('reads the results column only: a card-shaped box in a side column is not a result', () => {
    // No real page read has one, but the side columns do list tracklists (see the no-result page below).
    const $ = cheerio.load(html);
    const box = $('[data-id="2v81kd4t"]').clone().attr('id', '2sidebox').attr('data-id', '2sidebox');
    box.find('.bTitle a').attr('href', '/tracklist/2sidebox/side-box.html');
    $('#csLeft').append(box);
    expect($('#csLeft .bItm.oItm .bTitle a[href="/tracklist/2sidebox/side-box.html"]')).toHaveLength(1);
    expect(parse1001SearchResults($.html(), BASE)).toEqual(page);
  });

  it('reads each field as shown or as tlData states it', () => {
    expect(page.results[0]).toEqual<Search1001Result>({
      tracklistId: '2v81kd4t',
      title: 'Kestrel Ray @ The Warehouse Project, Depot Mayfield, United Kingdom',
      url: `${LIVE}/tracklist/2v81kd4t/kestrel-ray-the-warehouse-project-depot-mayfield-united-kingdom-2025-11-22.html`,
      date: '2025-11-22',
      creatorName: 'mcrgrid',
      creatorUrl: `${LIVE}/user/mcrgrid/index.html`,
      views: 2291,
      idedTracks: 47,
      totalTracks: 52,
      playTime: '3h 2m',
      likes: 9,
      styles: 'House, Tech House',
    });
    expect(page.results[1]).toMatchObject({ views: 863, likes: 4, playTime: '1h', idedTracks: 22, totalTracks: 24 });
    // "all/16": every track IDed
    expect(page.results[2]).toMatchObject({
      title: 'Kestrel Ray & Lumen Arc @ Warehouse Sessions, Fabrik Madrid, Spain',
      idedTracks: 16,
      totalTracks: 16,
      views: 1104,
    });
    // no play time field; tlData says "likes":0 as a number
    expect(page.results[3]).toMatchObject({
      title: 'Kestrel Ray @ Warehouse Rave, Zürich, Switzerland',
      playTime: null,
      likes: 0,
      idedTracks: 11,
      totalTracks: 19,
    });
    expect(page.results[4]).toMatchObject({ views: 6581, likes: 27, playTime: '4h', styles: 'House, Tech House, Techno' });
    expect(page.results[5]).toMatchObject({ views: 98, idedTracks: 12, totalTracks: 12, playTime: '58m', creatorName: 'kraanvogel' });
  });
});

describe('parse1001SearchResults on a search page without results (stand-in)', () => {
  it('finds no result, though its side column lists tracklists with the tooltips of result cards', () => {
    const html = fixture('search/search-no-result.standin.html');
    const $ = cheerio.load(html);
    expect($('#csLeft a[href^="/tracklist/"]')).toHaveLength(6);
    expect($('#csLeft [title="tracklist date"]')).toHaveLength(6);
    expect(parse1001SearchResults(html, BASE)).toEqual({ refs: [], results: [], totalResults: null });
  });
});

describe('parse1001SearchResults on a DJ page (stand-in, "Tracklists By …")', () => {
  const page = parse1001SearchResults(fixture('search/dj-page.standin.html'), BASE);

  it("reads the same cards, with the DJ's tracklist count from the Tracklists tab (not Tracks or Supports)", () => {
    expect(page.totalResults).toBe(287);
    expect(page.results.map((result) => result.tracklistId)).toEqual(['2t9fk31w', '1c8xw5qm', 'wq6r0zd', '25kdp8rt', '1x0bq7vh']);
  });

  it('gives the records of the per-DJ index (shared/data/1001tracklists-index), exact numbers only', () => {
    expect(page.results[0]).toEqual<Search1001Result>({
      tracklistId: '2t9fk31w',
      // a radio show names the event's own date in its title; the card's date is the show's
      title: 'Halden Vire @ Pulse Radio 214 (Dockside Festival, Hamburg, Germany 2025-08-30)',
      url: `${LIVE}/tracklist/2t9fk31w/halden-vire-pulse-radio-214-dockside-festival-hamburg-germany-2025-08-30-2025-09-12.html`,
      date: '2025-09-12',
      creatorName: 'tiefgang',
      creatorUrl: `${LIVE}/user/tiefgang/index.html`,
      views: 184,
      idedTracks: 9,
      totalTracks: 15,
      playTime: null,
      likes: 3,
      styles: 'Techno',
    });
    // "1.3k" is not a count: the exact one comes from tlData
    expect(page.results[1]).toMatchObject({
      views: 1262,
      likes: 8,
      playTime: '1h 59m',
      idedTracks: 27,
      totalTracks: 30,
      styles: 'Techno, Hard Dance',
    });
    expect(page.results[2]).toMatchObject({ idedTracks: 11, totalTracks: 11, likes: 0, styles: 'Melodic House/Techno, Techno' });
    expect(page.results[3]).toMatchObject({ title: 'Halden Vire & Ines Falk @ Harbour Stage, Sea Lights Festival, Portugal', views: 2391 });
  });

  it('keeps what the cards show when the tlData script is missing, and never turns "1.3k" into a number', () => {
    const withoutScript = fixture('search/dj-page.standin.html').replace(/<script>let tlData[\s\S]*?<\/script>/, '');
    const results = parse1001SearchResults(withoutScript, BASE).results;
    expect(results).toHaveLength(5);
    expect(results[0]).toMatchObject({ views: 184, likes: null });
    expect(results[1]).toMatchObject({ views: null, likes: null });
  });
});

describe('tracklist ids and URLs', () => {
  it.each(['lane8', 'cloonee'])('agree with the real %s index records: the id is the first path segment', (dj) => {
    const records = JSON.parse(fixture(`index/${dj}.json`)) as Array<{ tracklist_id: string; url: string }>;
    expect(records.length).toBeGreaterThan(50);
    expect(records.filter((record) => canonicalTracklistUrl(record.url)?.id !== record.tracklist_id)).toEqual([]);
    expect(records.filter((record) => canonicalTracklistUrl(record.url)?.url !== record.url)).toEqual([]);
  });

  it('rebases tracklist links onto the configured origin, dropping query and fragment; other links are none', () => {
    expect(rebase1001TracklistUrl(`${LIVE}${HANGAR}?ref=search#tlTab`, BASE)).toBe(`${BASE}${HANGAR}`);
    expect(rebase1001TracklistUrl(HANGAR, BASE)).toBe(`${BASE}${HANGAR}`);
    expect(rebase1001TracklistUrl('/artist/halden-vire/tracklists.html', BASE)).toBeNull();
    expect(rebase1001TracklistUrl('http://[broken', BASE)).toBeNull();
  });
});

describe("parse1001SearchResults on the replay server's page", () => {
  it('reads the cards the replay renders in the real shape, once per tracklist', () => {
    const html = renderSearchResultsPage('Nadia Voss', [
      { path: HANGAR, title: 'Nadia Voss @ Hangar 9, Rotterdam, Netherlands', date: '2025-03-15' },
      { path: HANGAR, title: 'listed twice', date: null },
      { path: '/tracklist/2hjnqr0t/bicep-nts-radio.html', title: 'Bicep - NTS Radio' },
    ]);
    const page = parse1001SearchResults(html, BASE);
    expect(page.totalResults).toBe(2);
    expect(page.refs).toEqual([
      { url: `${BASE}${HANGAR}`, label: 'Nadia Voss @ Hangar 9, Rotterdam, Netherlands 2025-03-15' },
      { url: `${BASE}/tracklist/2hjnqr0t/bicep-nts-radio.html`, label: 'Bicep - NTS Radio' },
    ]);
  });

  it('finds nothing on its page without results', () => {
    expect(parse1001SearchResults(renderSearchResultsPage('nothing here', []), BASE)).toEqual({
      refs: [],
      results: [],
      totalResults: null,
    });
  });
});
