import { blankSetlist } from '@songnodes/parsing';
import type { ParsedSetlist } from '@songnodes/parsing';
import { withCanonicalIdentity } from './setlist-identity';

const parsed = (source: ParsedSetlist['source'], sourceUrl: string, sourceId: string | null, status: ParsedSetlist['status'] = 'ok') =>
  blankSetlist(source, sourceUrl, status, null, sourceId);

describe('a setlist is known by its source identity, never by the origin it was fetched from', () => {
  // Page titles and the URLs MediaWiki links them with, as stored in the MixesDB Essential Mix corpus
  // (Kalli/EssentialMixStats data.json keys, see /work/shared/data/mixesdb-wikitext/SOURCE.md).
  it.each([
    ["2008-07-12 - John O'Callaghan - Essential Mix", '2008-07-12_-_John_O%27Callaghan_-_Essential_Mix'],
    [
      '2003-06-29 - Erol Alkan, Mr. C, Layo & Bushwacka! @ Glastonbury Festival - Essential Mix',
      '2003-06-29_-_Erol_Alkan,_Mr._C,_Layo_%26_Bushwacka!_@_Glastonbury_Festival_-_Essential_Mix',
    ],
    [
      '2002-06-02 - Pete Tong, Laurent Garnier, Tiësto @ Homelands - Essential Mix',
      '2002-06-02_-_Pete_Tong,_Laurent_Garnier,_Ti%C3%ABsto_@_Homelands_-_Essential_Mix',
    ],
    [
      '2007-03-23 - VA @ Radio 1 Pool Party, WMC (Essential Mix, 2007-04-01)',
      '2007-03-23_-_VA_@_Radio_1_Pool_Party,_WMC_(Essential_Mix,_2007-04-01)',
    ],
  ])('MixesDB "%s" is that title on www.mixesdb.com', (title, path) => {
    const origin = `http://127.0.0.1:41234/w/index.php?title=${encodeURIComponent(title.replace(/ /g, '_'))}&action=raw`;
    expect(withCanonicalIdentity(parsed('mixesdb', origin, title))).toMatchObject({
      status: 'ok',
      sourceId: title,
      sourceUrl: `https://www.mixesdb.com/w/${path}`,
    });
  });

  it('reads a MixesDB title written with underscores or doubled spaces as the same title', () => {
    const a = withCanonicalIdentity(parsed('mixesdb', 'x', '2017-12-08_-_DVS1_-_fabric_96'));
    const b = withCanonicalIdentity(parsed('mixesdb', 'y', ' 2017-12-08 -  DVS1 - fabric 96 '));
    expect(a.sourceId).toBe('2017-12-08 - DVS1 - fabric 96');
    expect(b).toMatchObject({ sourceId: a.sourceId, sourceUrl: a.sourceUrl });
  });

  // The real page: crawler/src/sources/1001tracklists/fixtures/tracklist.html (SOURCE.md there).
  const BICEP = '/tracklist/1gz59x6t/bicep-the-warehouse-project-rdm-rotterdam-netherlands-2023-04-28.html';
  it('gives a 1001tracklists page loaded from the replay server its tracklist id and its page on the site', () => {
    expect(withCanonicalIdentity(parsed('1001tracklists', `http://127.0.0.1:39999${BICEP}`, '1gz59x6t'))).toMatchObject({
      sourceId: '1gz59x6t',
      sourceUrl: `https://www.1001tracklists.com${BICEP}`,
    });
    // no id from the page: the one in its URL; a URL naming another id: the id alone
    expect(withCanonicalIdentity(parsed('1001tracklists', `http://127.0.0.1:39999${BICEP}?x=1#top`, null)).sourceId).toBe('1gz59x6t');
    expect(withCanonicalIdentity(parsed('1001tracklists', `https://www.1001tracklists.com${BICEP}`, '2hjnqr0t')).sourceUrl).toBe(
      'https://www.1001tracklists.com/tracklist/2hjnqr0t/',
    );
  });

  it("keeps setlist.fm's own page for its setlist id", () => {
    // crawler/src/sources/setlistfm/fixtures/phish-setlists-response.json, setlist 235d0827
    const url = 'https://www.setlist.fm/setlist/phish/2025/hollywood-bowl-los-angeles-ca-235d0827.html';
    expect(withCanonicalIdentity(parsed('setlistfm', url, '235d0827'))).toMatchObject({ sourceId: '235d0827', sourceUrl: url });
    expect(withCanonicalIdentity(parsed('setlistfm', url.replace('https://www.', 'http://'), '235d0827')).sourceUrl).toBe(url);
  });

  it('refuses a complete parse that has no identity, keeping what was found for bronze', () => {
    const noTitle = withCanonicalIdentity(parsed('mixesdb', 'http://127.0.0.1:1/w/index.php?action=raw', 'http://127.0.0.1:1/w/x'));
    expect(noTitle).toMatchObject({ status: 'error', sourceId: null, sourceUrl: 'http://127.0.0.1:1/w/index.php?action=raw' });
    expect(noTitle.statusReason).toMatch(/no MixesDB page title/);
    expect(withCanonicalIdentity(parsed('1001tracklists', 'http://127.0.0.1:1/dj/bicep/index.html', null)).status).toBe('error');
    expect(withCanonicalIdentity(parsed('setlistfm', 'http://127.0.0.1:1/rest/1.0/setlist/235d0827', '235d0827')).status).toBe('error');
    // a page that was not complete keeps its own status and reason
    const blocked = withCanonicalIdentity({ ...parsed('1001tracklists', 'http://127.0.0.1:1/', null, 'blocked'), statusReason: 'captcha' });
    expect(blocked).toMatchObject({ status: 'blocked', statusReason: 'captcha', sourceId: null });
  });

  it('is idempotent: a canonical setlist stays as it is', () => {
    const once = withCanonicalIdentity(parsed('1001tracklists', `http://127.0.0.1:5${BICEP}`, '1gz59x6t'));
    expect(withCanonicalIdentity(once)).toEqual(once);
  });
});
