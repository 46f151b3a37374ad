import {
  canonicalSourceUrl,
  freeTextIdentity,
  mixesdbCanonicalUrl,
  mixesdbTitleFromKey,
  tracklists1001CanonicalUrl,
} from './source-identity';

describe('mixesdbTitleFromKey', () => {
  it.each([
    ['/w/1995-02-19_-_Evil_Eddie_Richards_-_Essential_Mix', '1995-02-19 - Evil Eddie Richards - Essential Mix'],
    // real keys of data/mixesdb-wikitext are %-escaped
    ['/w/2000-04-09_-_Parks_%26_Wilson_-_Essential_Mix', '2000-04-09 - Parks & Wilson - Essential Mix'],
    ['https://www.mixesdb.com/w/2008-07-12_-_John_O%27Callaghan_-_Essential_Mix', "2008-07-12 - John O'Callaghan - Essential Mix"],
    ['https://www.mixesdb.com/w/index.php?title=2017-12-08_-_DVS1_-_fabric_96&action=raw', '2017-12-08 - DVS1 - fabric 96'],
    ['2017-12-08 - DVS1 - fabric 96', '2017-12-08 - DVS1 - fabric 96'],
    ['100%_Pure_Mix', '100% Pure Mix'],
  ])('%s -> %s', (key, title) => expect(mixesdbTitleFromKey(key)).toBe(title));

  it('has no title for an empty key', () => expect(mixesdbTitleFromKey('/w/')).toBeNull());
});

it('a MixesDB title has the page URL a person opens, as the crawler writes it', () => {
  expect(mixesdbCanonicalUrl('1995-03-26 - Pete Tong, Paul Bleasdale - Essential Mix')).toBe(
    'https://www.mixesdb.com/w/1995-03-26_-_Pete_Tong,_Paul_Bleasdale_-_Essential_Mix',
  );
});

it('a saved 1001tracklists page is the tracklist on the live origin, whatever host saved it', () => {
  expect(tracklists1001CanonicalUrl('http://1001tracklists.com/tracklist/1gz59x6t/bicep.html?x=1#top')).toBe(
    'https://www.1001tracklists.com/tracklist/1gz59x6t/bicep.html',
  );
  expect(tracklists1001CanonicalUrl('https://www.1001tracklists.com/track/18uj2vdx/john-summit-show-me/index.html')).toBeNull();
});

describe('free-text identity', () => {
  it('is the given URL in one spelling', () => {
    expect(canonicalSourceUrl('http://WWW.SoundCloud.com/dj/set-1/?utm_source=x&si=abc#t=1')).toBe('https://soundcloud.com/dj/set-1');
    expect(freeTextIdentity('A - B', 'https://soundcloud.com/dj/set-1').sourceUrl).toBe('https://soundcloud.com/dj/set-1');
  });

  it('is a hash of the text when no URL is given, blind to line endings and blank lines', () => {
    const a = freeTextIdentity('A - One\r\n\r\nB - Two  \r\n', null);
    const b = freeTextIdentity('A - One\nB - Two', null);
    expect(a).toEqual(b);
    expect(a.sourceUrl).toMatch(/^urn:sha256:[0-9a-f]{64}$/);
    expect(freeTextIdentity('A - One\nB - Three', null).sourceUrl).not.toBe(a.sourceUrl);
  });

  it('ignores a URL that is not http(s)', () => {
    expect(freeTextIdentity('A - One', 'javascript:alert(1)').sourceUrl).toMatch(/^urn:sha256:/);
  });
});
