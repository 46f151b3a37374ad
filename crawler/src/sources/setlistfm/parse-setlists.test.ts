import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedSetlist } from '@songnodes/parsing';
import { parseSetlistfmSearch, parseSetlistfmSetlist } from './parse-setlists';

function readFixture(relativePath: string): unknown {
  return JSON.parse(readFileSync(join(__dirname, 'fixtures', relativePath), 'utf8')) as unknown;
}

const songTitles = (setlist: ParsedSetlist): Array<string | null> => setlist.parts.flatMap((part) => part.rows.map((row) => row.title));

const rowCount = (setlist: ParsedSetlist): number => setlist.parts.reduce((sum, part) => sum + part.rows.length, 0);

function findSetlist(setlists: ParsedSetlist[], id: string): ParsedSetlist {
  const found = setlists.find((setlist) => setlist.sourceId === id);
  if (!found) throw new Error(`fixture has no setlist ${id}`);
  return found;
}

describe('parseSetlistfmSearch on the real Phish page', () => {
  const page = parseSetlistfmSearch(readFixture('phish-setlists-response.json'));

  it('reads the paging fields and points at the next page', () => {
    expect(page.error).toBeNull();
    expect(page).toMatchObject({ page: 1, total: 2073, itemsPerPage: 20, nextPage: 2 });
    expect(page.setlists).toHaveLength(20);
    expect(page.setlists.every((setlist) => setlist.status === 'ok')).toBe(true);
  });

  it('yields every song in order: 369 songs, none of them tapes', () => {
    expect(page.setlists.reduce((sum, setlist) => sum + rowCount(setlist), 0)).toBe(369);
  });

  it('maps the Hollywood Bowl show: metadata, parts and songs in order', () => {
    const show = findSetlist(page.setlists, '235d0827');
    expect(show).toMatchObject({
      source: 'setlistfm',
      sourceUrl: 'https://www.setlist.fm/setlist/phish/2025/hollywood-bowl-los-angeles-ca-235d0827.html',
      title: 'Phish @ Hollywood Bowl, Los Angeles, United States 2025-04-27',
      djs: ['Phish'],
      event: 'Spring Tour 2025',
      venue: 'Hollywood Bowl',
      location: 'Los Angeles, United States',
      dateText: '27-04-2025',
      date: '2025-04-27',
      statusReason: null,
    });
    expect(show.parts.map((part) => [part.index, part.name, part.rows.length])).toEqual([
      [0, 'Set 1', 9],
      [1, 'Set 2', 7],
      [2, 'Encore 1', 1],
    ]);
    const titles = songTitles(show);
    expect(titles[0]).toBe('The Landlady');
    expect(titles.at(-1)).toBe('Fuego');
    expect(show.parts[0]?.rows[0]).toMatchObject({ artist: 'Phish', primaryArtists: ['Phish'], version: null });
  });

  it('credits a cover to its original artist, not to the performer', () => {
    const show = findSetlist(page.setlists, '235d0827');
    const timber = show.parts[0]?.rows[6];
    expect(timber).toMatchObject({ title: 'Timber', artist: 'Josh White', artistValid: true, unidentified: false });
    expect(timber?.raw).toBe('Josh White - Timber');
  });

  it('keeps named parts (New Year run: three sets and an encore; "Encore:" without a number)', () => {
    const nye = findSetlist(page.setlists, 'b50fd06');
    expect(nye.parts.map((part) => part.name)).toEqual(['Set 1', 'Set 2', 'Set 3', 'Encore 1']);
    expect(rowCount(nye)).toBe(29);
    expect(songTitles(nye)[0]).toBe("Mike's Song");
    expect(songTitles(nye).at(-1)).toBe('Tweezer Reprise');
    const named = findSetlist(page.setlists, '1b50fd00');
    expect(named.parts.map((part) => part.name)).toEqual(['Set 1', 'Set 2', 'Encore']);
    expect(songTitles(named).at(-1)).toBe('Harry Hood');
  });

  it('drops bare segue markers but keeps real notes as row warnings', () => {
    const show = findSetlist(page.setlists, '235d0827');
    expect(show.parts[0]?.rows[1]).toMatchObject({ title: 'Cavern', warnings: [] });
    const notes = page.setlists.flatMap((setlist) => setlist.parts.flatMap((part) => part.rows.flatMap((row) => row.warnings)));
    expect(notes).toContain('setlist.fm note: Teased Black Magic Woman');
    expect(notes.some((note) => note === 'setlist.fm note: >')).toBe(false);
  });
});

describe('parseSetlistfmSearch on the ruby-setlistfm captures', () => {
  it('reads 20 BABYMETAL setlists (181 songs) and their encores', () => {
    const page = parseSetlistfmSearch(readFixture('ruby-setlistfm-fixtures/search/setlists/200.json'));
    expect(page).toMatchObject({ page: 1, total: 214, itemsPerPage: 20, nextPage: 2, error: null });
    expect(page.setlists.reduce((sum, setlist) => sum + rowCount(setlist), 0)).toBe(181);
    const palladium = findSetlist(page.setlists, '5be4b34c');
    expect(palladium.parts.map((part) => [part.name, part.rows.length])).toEqual([
      [null, 11],
      ['Encore 1', 2],
    ]);
    expect(songTitles(palladium)[0]).toBe('BABYMETAL DEATH');
    expect(songTitles(palladium).at(-1)).toBe('Road of Resistance');
  });

  it('marks shows without sets as empty and keeps covers, guests and nameless songs apart', () => {
    const page = parseSetlistfmSearch(readFixture('ruby-setlistfm-fixtures/user/edited/200.json'));
    expect(page.setlists).toHaveLength(20);
    expect(page.setlists.filter((setlist) => setlist.status === 'empty')).toHaveLength(10);
    const noSets = findSetlist(page.setlists, '73e3aa0d');
    expect(noSets.statusReason).toMatch(/no sets/);
    expect(noSets.parts).toEqual([]);

    const tyler = findSetlist(page.setlists, '43e2c3db');
    expect(tyler.djs).toEqual(['Steven Tyler']);
    expect(tyler.parts[0]?.rows[0]).toMatchObject({
      title: 'Dream On',
      artist: 'Aerosmith',
      featured: ['JuniOrchestra'],
    });

    const captainJack = findSetlist(page.setlists, '33e2a4d9');
    expect(captainJack.parts[0]?.rows[0]).toMatchObject({
      title: null,
      artist: null,
      unidentified: true,
      artistValid: false,
    });
    expect(captainJack.parts[0]?.rows[1]).toMatchObject({ title: 'In the Army Now', artist: 'Status Quo' });
  });
});

describe('parseSetlistfmSetlist', () => {
  it('reads a single setlist object with a nameless song as an unidentified row', () => {
    const fotos = parseSetlistfmSetlist(readFixture('ruby-setlistfm-fixtures/setlist/200.json'));
    expect(fotos).toMatchObject({ status: 'ok', sourceId: '6bd6ca6e', date: '2008-01-15', djs: ['Fotos'] });
    expect(rowCount(fotos)).toBe(13);
    expect(fotos.parts[0]?.rows[4]).toMatchObject({ unidentified: true, title: null });
    expect(songTitles(fotos).at(-1)).toBe('Remmidemmi');
  });

  it('reads a venue without a city and an old "(X cover)" song name', () => {
    const blocParty = parseSetlistfmSetlist(readFixture('ruby-setlistfm-fixtures/setlist/version/200.json'));
    expect(blocParty).toMatchObject({ status: 'ok', venue: 'Civic Hall, Wolverhampton, UK', location: null });
    expect(blocParty.parts.map((part) => part.name)).toEqual([null, 'Encore 1', 'Encore 2']);
    expect(blocParty.parts[2]?.rows[0]).toMatchObject({ title: 'Call The Shots', artist: 'Girls Aloud' });
    expect(songTitles(blocParty).at(-1)).toBe('Flux');
  });

  it('leaves tapes out of the rows and names them in the warnings', () => {
    // Derived from the real Fotos capture: no stored capture has a tape, so the walk-on and outro are added here.
    const real = readFixture('ruby-setlistfm-fixtures/setlist/200.json') as {
      sets: { set: Array<{ song: Array<Record<string, unknown>> }> };
    };
    const firstSet = real.sets.set[0]!;
    const withTapes = {
      ...real,
      sets: {
        set: [
          { ...firstSet, song: [{ name: 'Intro Music', tape: true }, ...firstSet.song] },
          ...real.sets.set.slice(1),
          { song: [{ name: 'Outro Music', tape: true }] },
        ],
      },
    };
    const parsed = parseSetlistfmSetlist(withTapes);
    expect(rowCount(parsed)).toBe(13);
    expect(songTitles(parsed)[0]).toBe('Wiederhole Deinen Rhythmus');
    expect(parsed.parts[2]?.rows).toEqual([]);
    expect(parsed.warnings).toEqual([
      'tape left out (played from a recording, not live): "Intro Music"',
      'tape left out (played from a recording, not live): "Outro Music"',
    ]);
  });

  it('reads a trailing "(X Remix)" as the version', () => {
    const parsed = parseSetlistfmSetlist({
      id: 'x1',
      eventDate: '01-02-2020',
      url: 'https://www.setlist.fm/setlist/x1.html',
      artist: { name: 'Bicep' },
      sets: { set: [{ song: [{ name: 'Glue (Dubfire Remix)' }] }] },
    });
    expect(parsed.parts[0]?.rows[0]).toMatchObject({
      title: 'Glue',
      version: 'Dubfire Remix',
      remixers: ['Dubfire'],
    });
  });
});

describe('bad input never throws', () => {
  it('turns the API 404 body into an error page', () => {
    const page = parseSetlistfmSearch(readFixture('ruby-setlistfm-fixtures/search/artists/404.json'));
    expect(page).toMatchObject({ setlists: [], nextPage: null, apiStatus: 404 });
    expect(page.error).toBe('setlist.fm API error 404: Not Found');
    const single = parseSetlistfmSetlist({ code: 404, status: 'Not Found', message: 'not found' });
    expect(single).toMatchObject({ status: 'error', statusReason: 'setlist.fm API error 404: not found' });
  });

  it.each([
    ['null', null],
    ['a number', 42],
    ['an array', []],
    ['text that is not JSON', '<html>rate limited</html>'],
    ['a page without paging fields', { type: 'setlists', setlist: [] }],
  ])('gives an error page for %s', (_label, body) => {
    const page = parseSetlistfmSearch(body);
    expect(page.setlists).toEqual([]);
    expect(page.error).toEqual(expect.any(String));
  });

  it('marks one malformed setlist as error and keeps the others', () => {
    const page = readFixture('phish-setlists-response.json') as { setlist: Array<Record<string, unknown>> };
    const broken = { ...page.setlist[1], sets: { set: [{ song: [{ name: 7 }] }] } };
    const parsed = parseSetlistfmSearch({ ...page, setlist: [page.setlist[0], broken, { id: 3 }] });
    expect(parsed.setlists.map((setlist) => setlist.status)).toEqual(['ok', 'error', 'error']);
    expect(parsed.setlists[1]).toMatchObject({ sourceId: '3b5d0820', parts: [] });
    expect(parsed.setlists[1]?.statusReason).toMatch(/sets\.set\.0\.song\.0\.name/);
  });

  it('accepts the JSON text as well as the decoded value', () => {
    const text = readFileSync(join(__dirname, 'fixtures', 'ruby-setlistfm-fixtures/setlist/200.json'), 'utf8');
    expect(parseSetlistfmSetlist(text).status).toBe('ok');
  });
});
