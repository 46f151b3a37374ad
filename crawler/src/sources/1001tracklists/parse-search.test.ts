import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderSearchResultsPage } from '../../replay';
import { canonicalTracklistUrl } from './page-metadata';
import { parse1001SearchResults, rebase1001TracklistUrl, type Search1001Result } from './parse-search';

const fixture = (path: string): string => readFileSync(join(__dirname, 'fixtures', path), 'utf8');
const BASE = 'http://127.0.0.1:4100';
const LIVE = 'https://www.1001tracklists.com';
const MATRODA = '/tracklist/l3uw499/matroda-club-space-miami-united-states-2023-08-05.html';

describe('parse1001SearchResults on real search pages (2026)', () => {
  it('reads the one card of a search result page with everything it shows', () => {
    const page = parse1001SearchResults(fixture('search/search-result.html'), BASE);
    expect(page.totalResults).toBe(1);
    expect(page.refs).toEqual([{ url: `${BASE}${MATRODA}`, label: 'Matroda @ Club Space Miami, United States 2023-08-05' }]);
    expect(page.results).toEqual([
      {
        tracklistId: 'l3uw499',
        title: 'Matroda @ Club Space Miami, United States',
        url: `${LIVE}${MATRODA}`,
        date: '2023-08-05',
        creatorName: 'rwsantos',
        creatorUrl: `${LIVE}/user/rwsantos/index.html`,
        // the card shows "6.2k"; the page's tlData script holds the exact count and the likes
        views: 6172,
        idedTracks: 26,
        totalTracks: 28,
        playTime: '1h 28m',
        likes: 13,
        styles: 'House, Tech House',
      },
    ]);
  });

  it('reads all 30 cards of a results page in order, one per tracklist id, and the total the page states', () => {
    const page = parse1001SearchResults(fixture('search/search-gorgon-multi.html'), BASE);
    expect(page.totalResults).toBe(1000);
    expect(page.results).toHaveLength(30);
    expect(new Set(page.results.map((result) => result.tracklistId)).size).toBe(30);
    expect(page.results.filter((result) => result.title === 'Gorgon City @ Club Space Miami, United States').length).toBeGreaterThanOrEqual(5);
    expect(page.results[0]).toMatchObject({ tracklistId: '2r65b051', date: '2025-12-27', idedTracks: 53, totalTracks: 65, playTime: '3h 59m' });
    // "all/16": every track IDed
    expect(page.results[11]).toMatchObject({ idedTracks: 16, totalTracks: 16 });
    expect(page.refs.map((ref) => ref.url)).toEqual(page.results.map((result) => `${BASE}${new URL(result.url).pathname}`));
  });

  it('finds no result on the "no result" page, though its side columns link ten tracklists', () => {
    const html = fixture('search/search-no-result.html');
    expect(html.match(/href="\/tracklist\//g)?.length).toBeGreaterThanOrEqual(10);
    expect(parse1001SearchResults(html, BASE)).toEqual({ refs: [], results: [], totalResults: null });
  });
});

describe('parse1001SearchResults on a real DJ page (excerpt of "Tracklists By Adam Beyer")', () => {
  const page = parse1001SearchResults(fixture('search/dj-adam-beyer.excerpt.html'), BASE);

  it('reads the same cards, with the DJ\'s tracklist count from its Tracklists tab', () => {
    expect(page.totalResults).toBe(664);
    expect(page.results.map((result) => result.tracklistId)).toEqual(['28bww6l1', '2llnprg9', '18pfdfxt']);
  });

  it('gives the records of the per-DJ index (shared/data/1001tracklists-index), exact numbers only', () => {
    expect(page.results[0]).toEqual<Search1001Result>({
      tracklistId: '28bww6l1',
      title: 'Adam Beyer @ Drumcode Radio 843 (Resistance, Amnesia Ibiza, Spain 2026-09-16)',
      url: `${LIVE}/tracklist/28bww6l1/adam-beyer-drumcode-radio-843-resistance-amnesia-ibiza-spain-2026-09-16-2026-09-25.html`,
      date: '2026-09-25',
      creatorName: 'swiftacid69',
      creatorUrl: `${LIVE}/user/swiftacid69/index.html`,
      views: 219,
      idedTracks: 6,
      totalTracks: 14,
      playTime: null,
      likes: null,
      styles: 'Tech House, Techno',
    });
    // "1.2k" is not a count; the excerpt has no tlData script to give the exact one
    expect(page.results[1]).toMatchObject({ views: null, playTime: '1h 58m', idedTracks: 30, totalTracks: 32 });
    expect(page.results[2]).toMatchObject({ idedTracks: 9, totalTracks: 9, styles: 'Techno, Melodic House/Techno' });
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
    expect(rebase1001TracklistUrl(`${LIVE}${MATRODA}?ref=search#tlTab`, BASE)).toBe(`${BASE}${MATRODA}`);
    expect(rebase1001TracklistUrl(MATRODA, BASE)).toBe(`${BASE}${MATRODA}`);
    expect(rebase1001TracklistUrl('/dj/matroda/index.html', BASE)).toBeNull();
    expect(rebase1001TracklistUrl('http://[broken', BASE)).toBeNull();
  });
});

describe('parse1001SearchResults on the replay server\'s page', () => {
  it('reads the cards the replay renders in the real shape, once per tracklist', () => {
    const html = renderSearchResultsPage('Matroda', [
      { path: MATRODA, title: 'Matroda @ Club Space Miami, United States', date: '2023-08-05' },
      { path: MATRODA, title: 'listed twice', date: null },
      { path: '/tracklist/2hjnqr0t/bicep-nts-radio.html', title: 'Bicep - NTS Radio' },
    ]);
    const page = parse1001SearchResults(html, BASE);
    expect(page.totalResults).toBe(2);
    expect(page.refs).toEqual([
      { url: `${BASE}${MATRODA}`, label: 'Matroda @ Club Space Miami, United States 2023-08-05' },
      { url: `${BASE}/tracklist/2hjnqr0t/bicep-nts-radio.html`, label: 'Bicep - NTS Radio' },
    ]);
  });

  it('finds nothing on its page without results', () => {
    expect(parse1001SearchResults(renderSearchResultsPage('nothing here', []), BASE)).toEqual({ refs: [], results: [], totalResults: null });
  });
});
