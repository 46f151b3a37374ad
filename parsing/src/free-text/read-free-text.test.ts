import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFreeTextTracklist } from './read-free-text';

interface Case {
  file: string;
  url: string | null;
  inSharedSet: boolean;
  expect: null | { lines: number; first?: string; last?: string; text?: string };
}

const FIXTURES = join(__dirname, 'fixtures');
const cases = JSON.parse(readFileSync(join(FIXTURES, 'player-descriptions.json'), 'utf8')) as Case[];
const read = (file: string) => readFreeTextTracklist(readFileSync(join(FIXTURES, 'descriptions', file), 'utf8'));

/** The block as MixesDB's detector writes it: lines by part (";Name" starts a part), blank lines dropped. */
function expectedParts(text: string): Array<{ name: string | null; lines: string[] }> {
  const parts: Array<{ name: string | null; lines: string[] }> = [];
  for (const line of text.split('\n').filter((entry) => entry !== '')) {
    if (line.startsWith(';')) parts.push({ name: line.slice(1), lines: [] });
    else {
      if (parts.length === 0) parts.push({ name: null, lines: [] });
      parts.at(-1)?.lines.push(line);
    }
  }
  return parts;
}

describe('readFreeTextTracklist on real SoundCloud descriptions (fixtures/SOURCE.md)', () => {
  it('has the 21 cases, 6 of them the shared set', () => {
    expect(cases).toHaveLength(21);
    expect(cases.filter((entry) => entry.inSharedSet)).toHaveLength(6);
  });

  it.each(cases.filter((entry) => entry.expect === null).map((entry) => [entry.file]))('%s holds no tracklist: null', (file) => {
    expect(read(file)).toBeNull();
  });

  it.each(cases.filter((entry) => entry.expect?.first !== undefined).map((entry) => [entry.file, entry] as const))(
    '%s: the block has the expected length, first and last line',
    (file, entry) => {
      const tracklist = read(file);
      expect(tracklist?.lines).toHaveLength(entry.expect?.lines ?? -1);
      expect(tracklist?.lines[0]).toBe(entry.expect?.first);
      expect(tracklist?.lines.at(-1)).toBe(entry.expect?.last);
    },
  );

  it.each(cases.filter((entry) => entry.expect?.text !== undefined).map((entry) => [entry.file, entry] as const))(
    '%s: the block is the expected text, line for line and part for part',
    (file, entry) => {
      const tracklist = read(file);
      const parts = expectedParts(entry.expect?.text ?? '');
      expect(tracklist?.lines).toHaveLength(entry.expect?.lines ?? -1);
      expect(tracklist?.partLines).toEqual(parts.map((part) => part.lines));
      // MixesDB names a part after the DJ in its heading ("First Hour - Ollie Blackmore:" -> "Ollie Blackmore");
      // the reader keeps the whole heading.
      expect(tracklist?.parts).toHaveLength(parts.length);
      for (const [index, part] of (tracklist?.parts ?? []).entries()) expect(part.name ?? '').toContain(parts[index]?.name ?? '');
    },
  );
});

describe('readFreeTextTracklist rows', () => {
  const rowsOf = (file: string) => read(file)?.parts.flatMap((part) => part.rows) ?? [];

  it('drops list numbers but keeps numbers that belong to the artist ("10AM", "808 State")', () => {
    const rows = rowsOf('whose-these-records-whose-these-cast-02-by-mar-1.txt');
    expect(rows[2]).toMatchObject({ artist: '10AM', title: 'Good Times' });
    const text = ['Tracklist:', '1 808 State - Pacific State', '2 4 Hero - Mr Kirk', '3 2000 and One - Tropical Melons'].join('\n');
    expect(readFreeTextTracklist(text)?.parts[0]?.rows.map((row) => row.artist)).toEqual(['808 State', '4 Hero', '2000 and One']);
  });

  it('reads "1 - Gonzalo Sacc - You & Me" with the number off', () => {
    expect(rowsOf('pesheto-hernan-cattaneo-resident-3.txt')[0]).toMatchObject({ artist: 'Gonzalo Sacc', title: 'You & Me' });
  });

  it('reads a cue written after the row, and the note after it', () => {
    const rows = rowsOf('sultanshepard-dialekt-radio-339.txt');
    expect(rows[0]).toMatchObject({ artist: 'Dusky', title: 'Bindweed', cue: '00:00:40', cueSeconds: 40 });
    expect(rows[7]).toMatchObject({ artist: 'M.O.S.', title: 'Skywalkers', cue: '00:38:08' });
    expect(rows[7]?.warnings).toContain('note after the cue: "DIALEKT TRACK OF THE WEEK"');
  });

  it('reads labels written bare after the version, and learns them for other rows', () => {
    const rows = rowsOf('soundcloud-url-not-given-14.txt');
    expect(rows[0]).toMatchObject({ artist: 'Aykut Bilir', title: 'Humans', version: null, label: 'Mousike Records' });
    expect(rows[11]).toMatchObject({ artist: 'Wassu & Haums', title: 'Blue Meadow', label: 'HMWL' });
  });

  it('reads "Artist - Title - Label" when the list writes every row that way, and not for one odd row', () => {
    expect(rowsOf('deep-space-helsinki-july-2026.txt')[9]).toMatchObject({
      title: 'Drya',
      version: 'Luigi Tozzi Remix',
      label: 'SubSensory',
    });
    expect(rowsOf('dkmntl-dekmantel-podcast-292-kate-miller.txt')[7]).toMatchObject({ artist: 'Spooky', title: 'J - Pfer', label: null });
  });

  it('splits at the hyphen in a list written "Artist-Title", at the slash in a list written "Artist / Title"', () => {
    expect(rowsOf('ri0d-ri0d-3000-grad-festival-3025-rummelplatz.txt')[2]).toMatchObject({
      artist: "Takeshi's Cashew, Surv",
      title: 'Akihi',
      version: 'Surv Remix',
    });
    expect(rowsOf('anjaschneider-clubroom-431-with-anja.txt')[4]).toMatchObject({
      artist: 'traKKman',
      title: 'Jack 2 The Groove',
      version: 'Sound Factory Bar mix',
    });
  });

  it('reads a part written "Title - Artist" that way', () => {
    const rows = rowsOf('soulheavenrecords-soul-heaven-presents-004-natasha-kitty-katt.txt');
    expect(rows[0]).toMatchObject({ artist: 'Soul Slayerz Feat Karina Nistal', title: 'Call Me' });
    expect(rows[16]).toMatchObject({ artist: 'Judy Hipps', title: 'Summertime', version: 'TZ Remix' });
  });

  it('reads "@name" mentions as names and the "w" joiner as a layered row', () => {
    expect(rowsOf('sattlord-12-faultierdisko-3000grad-festival-2023.txt')[0]).toMatchObject({ artist: 'sailorandi', version: 'Âme Remix' });
    const rows = rowsOf('hardtimesrecordsuk-hard-times-masters-at-work-1st.txt');
    expect(rows.slice(1, 3).map((row) => [row.artist, row.title, row.layered])).toEqual([
      ['Jark Prongo', 'Helios', false],
      ['M People', 'Moving On Up', true],
    ]);
  });

  it('returns null for prose, links and a handle, and for two rows that are no list', () => {
    expect(readFreeTextTracklist('A mix for you.\nhttps://soundcloud.com/x\n@someone')).toBeNull();
    expect(readFreeTextTracklist('Out now - on all platforms\nBig thanks - to everyone')).toBeNull();
    expect(readFreeTextTracklist('')).toBeNull();
  });

  it('splits parts at headings such as "CD1" and "Part 2", and skips hashtags and links inside the list', () => {
    const text = [
      'Our new mix, two discs.',
      '',
      'CD1',
      '1. A - One',
      '2. B - Two (C Remix)',
      '#techno #house',
      '3. D - Three',
      '',
      'CD2:',
      '1. E - Four',
      'https://example.com/e',
      '2. F - Five',
      '3. G - Six [Label]',
      '',
      'Thanks for listening!',
    ].join('\n');
    const tracklist = readFreeTextTracklist(text);
    expect(tracklist?.parts.map((part) => [part.name, part.rows.map((row) => row.title)])).toEqual([
      ['CD1', ['One', 'Two', 'Three']],
      ['CD2', ['Four', 'Five', 'Six']],
    ]);
  });
});
