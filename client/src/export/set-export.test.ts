import { DOMParser } from '@xmldom/xmldom';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { setToCsv, setToM3u8, setToRekordboxXml, type SetStep } from './set-export';

const steps: SetStep[] = [
  { track: { id: '11', title: 'Range', version: null, artistCredit: 'Robert Hood' }, weight: null, djs: null },
  { track: { id: '22', title: 'Salsa Life', version: 'Rhythm Mix', artistCredit: 'Rhythm Is Rhythm' }, weight: 3, djs: 2 },
  // quotes, commas, ampersands, angle brackets and a line break: every escaping rule at once
  { track: { id: '33', title: 'Say "Yes", <Now>', version: null, artistCredit: 'Above & Beyond\nfeat. X' }, weight: 1, djs: 1 },
  { track: { id: '11', title: 'Range', version: null, artistCredit: 'Robert Hood' }, weight: null, djs: null },
];

function parseXml(text: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    errorHandler: { warning: () => {}, error: (message) => errors.push(message), fatalError: (message) => errors.push(message) },
  }).parseFromString(text, 'text/xml');
  expect(errors).toEqual([]);
  return doc as unknown as Document;
}

describe('set export', () => {
  it('writes extended M3U: a header, then #EXTINF and the track page per position, in order', () => {
    const lines = setToM3u8('Friday', steps, 'http://localhost:4000/').trimEnd().split('\n');
    expect(lines.slice(0, 2)).toEqual(['#EXTM3U', '#PLAYLIST:Friday']);
    const entries = lines.slice(2);
    expect(entries).toHaveLength(steps.length * 2);
    expect(entries[0]).toBe('#EXTINF:-1,Robert Hood - Range');
    expect(entries[1]).toBe('http://localhost:4000/?track=11');
    expect(entries[2]).toBe('#EXTINF:-1,Rhythm Is Rhythm - Salsa Life (Rhythm Mix)');
    expect(entries[4]).toBe('#EXTINF:-1,Above & Beyond feat. X - Say "Yes", <Now>');
    // no file path is invented: every location is the explorer's URL for the track
    for (let i = 1; i < entries.length; i += 2) expect(entries[i]).toMatch(/^http:\/\/localhost:4000\/\?track=\d+$/);
  });

  it('writes RFC 4180 CSV that parses back to the set in order', () => {
    const records = parse(setToCsv(steps), { columns: true }) as Record<string, string>[];
    expect(records.map((r) => r.track_id)).toEqual(['11', '22', '33', '11']);
    expect(records[1]).toEqual({
      position: '2',
      artist: 'Rhythm Is Rhythm',
      title: 'Salsa Life',
      version: 'Rhythm Mix',
      track_id: '22',
      setlists_from_previous: '3',
      djs_from_previous: '2',
    });
    expect(records[2]!.title).toBe('Say "Yes", <Now>');
    expect(records[2]!.artist).toBe('Above & Beyond\nfeat. X');
    expect(records[0]!.setlists_from_previous).toBe('');
  });

  it('writes rekordbox XML: a collection without file locations and the playlist in order', () => {
    const doc = parseXml(setToRekordboxXml('Friday <late>', steps));
    const root = doc.documentElement;
    expect(root.nodeName).toBe('DJ_PLAYLISTS');
    const collection = root.getElementsByTagName('COLLECTION')[0]!;
    const tracks = Array.from(collection.getElementsByTagName('TRACK'));
    expect(tracks).toHaveLength(3);
    expect(collection.getAttribute('Entries')).toBe('3');
    expect(tracks.map((t) => [t.getAttribute('TrackID'), t.getAttribute('Name'), t.getAttribute('Artist')])).toEqual([
      ['1', 'Range', 'Robert Hood'],
      ['2', 'Salsa Life (Rhythm Mix)', 'Rhythm Is Rhythm'],
      ['3', 'Say "Yes", <Now>', 'Above & Beyond feat. X'],
    ]);
    for (const track of tracks) expect(track.hasAttribute('Location')).toBe(false);

    const playlists = root.getElementsByTagName('PLAYLISTS')[0]!;
    const nodes = Array.from(playlists.getElementsByTagName('NODE'));
    expect(nodes.map((n) => [n.getAttribute('Type'), n.getAttribute('Name')])).toEqual([
      ['0', 'ROOT'],
      ['1', 'Friday <late>'],
    ]);
    const playlist = nodes[1]!;
    expect(playlist.getAttribute('KeyType')).toBe('0');
    expect(playlist.getAttribute('Entries')).toBe('4');
    expect(Array.from(playlist.getElementsByTagName('TRACK')).map((t) => t.getAttribute('Key'))).toEqual(['1', '2', '3', '1']);
  });
});
