import { detectFormat, isIgnoredInFolder } from './detect-format';

describe('detectFormat', () => {
  it.each([
    ['pages.json', '{"/w/x": {"tracklist": ""}}', 'mixesdb-wikitext'],
    ['2017-12-08_-_DVS1_-_fabric_96.wiki', "'''x'''\n== Tracklist ==", 'mixesdb-wikitext'],
    ['Ben_Klock_tracklists.csv', 'mix_title,mix_url,part,position,timestamp,artist,title,raw\n', 'mixesdb-csv'],
    ['tracklist.html', '<!DOCTYPE html><html><head><title>Bicep @ … | 1001Tracklists</title>', '1001tracklists-html'],
    ['mat-zo.cue', 'PERFORMER "Mat Zo"\nTITLE "ABGT 500"\n', 'cue'],
    ['set.txt', 'PERFORMER "Mat Zo"\nFILE "x.opus" MP3\n  TRACK 01 AUDIO\n', 'cue'],
    ['set.txt', 'DJ: Ben Klock\n1. Trevino - Sombre Tones\n', 'text'],
    ['page', "'''x'''\n\n== Tracklist ==\n# A - B\n", 'mixesdb-wikitext'],
    ['export', 'part,position,timestamp,artist,title,raw\n', 'mixesdb-csv'],
  ])('%s is %s', (name, head, format) => expect(detectFormat(name, head)).toEqual({ format }));

  it.each([
    ['package.json', '[1, 2]'],
    ['index.html', '<html><head><title>My blog</title>'],
    ['photo.bin', '\u0000\u0001PNG'],
    ['notes', '<svg></svg>'],
  ])('refuses %s with a reason', (name, head) => {
    const detection = detectFormat(name, head);
    expect(detection.format).toBeNull();
    expect('reason' in detection && detection.reason.length).toBeGreaterThan(0);
  });
});

it('a folder import passes over the notes beside the data', () => {
  expect(['SOURCE.md', 'README', '.DS_Store', 'x.json', 'x.txt'].filter((n) => !isIgnoredInFolder(n))).toEqual(['x.json', 'x.txt']);
});
