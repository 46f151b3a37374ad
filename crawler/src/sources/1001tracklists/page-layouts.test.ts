import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedSetlist, ParsedTrackLine } from '@songnodes/parsing';
import { parse1001Tracklist, parse1001TracklistRows } from './parse-tracklist';

// Every real page under fixtures/more (SOURCE.md there): a 2021 page with mashup parts in two captures, the 2018
// table layout in two captures, row fragments of the 2024 layout, two more anti-bot pages.
const read = (name: string): string => readFileSync(join(__dirname, 'fixtures', 'more', name), 'utf8');
const rowsOf = (setlist: ParsedSetlist): ParsedTrackLine[] => setlist.parts.flatMap((part) => part.rows);
const REPLAY = 'http://127.0.0.1:40001';

const CURBI_URL = 'https://www.1001tracklists.com/tracklist/nsgpmht/curbi-tape-06-2021-03-12.html';
const CURBI_ROWS = [
  'Curbi & Tchami ft. Kyan Palmer - Make Amends',
  "Chico Rose x 71 Digits & Bancali vs. AC Slater & Curbi - Somebody's Watching Me vs. Navigator (Mike Williams Mashup)",
  "Chico Rose x 71 Digits - Somebody's Watching Me (Bancali Remix)",
  'AC Slater & Curbi - Navigator',
  'Cassius - Cassius 1999 (Curbi Remix)',
  'Chocolate Puma - Megablast',
  'Biscits - Do It Like This',
  'Kage - Feel Me',
  'Moksi & Mike Cervello - Brooklyn',
  'Miley Cyrus - Midnight Sky (ID Remix)',
  'Antoine Delvig & JP Candela - HEY',
  'Walker & Royce ft. VNSSA - Word (Chris Lorenzo Remix)',
  'Psycho Boys Club vs. Riton & Kah-Lo - Backspin Boogie vs. Rinse & Repeat (Curbi Edit)',
  'Psycho Boys Club - Backspin Boogie',
  'Riton ft. Kah-Lo - Rinse & Repeat (Acappella)',
  'Curbi - Too Much',
  'Wiwek ft. MX2 - STEREOPLEIN',
  'Curbi - Flip It',
  'Curbi - Jaw Drop',
  "Curbi & RayRay - Don't Stop",
  'Curbi - Redeem',
  'Curbi - What You Like',
  'Curbi & Hasse de Moor - ADHD',
  'Dog Blood - Turn Off The Lights',
  'Sihk & RayRay - Where Are My Friends (Curbi Remix)',
  'Curbi & Hasse de Moor - Alcoholic',
  'Yellow Claw ft. Fatman Scoop - Reckless (Psycho Boys Club Remix)',
  'No Mana - Nine',
  'Dog Blood & Josh Pan & X&G - 4 Mind (Good Times Ahead Remix)',
  'Reece Low - Wait A Minute',
  'HI-LO & Chocolate Puma - LazersX999',
];

describe.each(['curbi-tape-06-2021-03-12.html', 'curbi-tape-06-2021-03-12.capture1.html'])('Curbi @ Tape 06 (2021 layout, %s)', (file) => {
  const setlist = parse1001Tracklist(read(file), { sourceUrl: `${REPLAY}/tracklist/nsgpmht/curbi-tape-06-2021-03-12.html` });
  const rows = rowsOf(setlist);

  it('is ok, with its canonical identity and metadata, and every row in order', () => {
    expect(setlist).toMatchObject({
      status: 'ok',
      statusReason: null,
      sourceId: 'nsgpmht',
      sourceUrl: CURBI_URL,
      title: 'Curbi @ Tape 06 2021-03-12',
      djs: ['Curbi'],
      event: 'Tape 06',
      date: '2021-03-12',
      warnings: [],
    });
    expect(rows.map((row) => row.raw)).toEqual(CURBI_ROWS);
  });

  it('reconciles the 31 tracks the page declares: 27 positions + 4 mashup parts, each its own row', () => {
    expect(rows).toHaveLength(31);
    expect(rows.filter((row) => !row.layered)).toHaveLength(27);
  });

  it('keeps mashup parts after their mashup, flagged as layered, never folded into it', () => {
    const layered = rows.flatMap((row, index) => (row.layered ? [index] : []));
    expect(layered).toEqual([2, 3, 13, 14]);
    expect(rows[1]).toMatchObject({ layered: false, cue: '2:24', cueSeconds: 144, label: "SPINNIN'" });
    expect(rows[2]).toMatchObject({ artist: 'Chico Rose x 71 Digits', version: 'Bancali Remix', cue: null, layered: true });
    expect(rows[2]?.warnings).toContain('part of the mashup at row 2');
    expect(rows[14]).toMatchObject({ artist: 'Riton ft. Kah-Lo', featured: ['Kah-Lo'], version: 'Acappella' });
    expect(rows[14]?.warnings).toContain('part of the mashup at row 13');
  });

  it('keeps the "(ID Remix)" row 08 shows though its microdata says only "Midnight Sky"', () => {
    expect(rows[9]).toMatchObject({ artist: 'Miley Cyrus', title: 'Midnight Sky', version: 'ID Remix', label: 'RCA' });
    expect(rows[9]?.warnings).toContain('1001tracklists marks this row as not IDed');
  });

  it('reads cues and label badges without the parent company', () => {
    expect(rows.slice(0, 5).map((row) => [row.cue, row.cueSeconds])).toEqual([
      ['0:07', 7],
      ['2:24', 144],
      [null, null],
      [null, null],
      ['3:55', 235],
    ]);
    expect(rows.map((row) => row.label).filter((label) => label?.includes('('))).toEqual([]);
    expect([rows[23]?.label, rows[26]?.label, rows[28]?.label]).toEqual(['ATLANTIC', 'ROC NATION', 'HARD RECS']);
  });
});

const SWACQ_URL =
  'https://www.1001tracklists.com/tracklist/ltk7cx9/swacq-revealed-night-q-factory-amsterdam-amsterdam-dance-event-netherlands-2018-10-20.html';

describe.each(['swacq-revealed-night-ade-2018-10-20.html', 'swacq-revealed-night-ade-2018-10-20.browser-dom.html'])(
  'SWACQ @ Revealed Night, ADE (2018 table layout, %s)',
  (file) => {
    const setlist = parse1001Tracklist(read(file), { sourceUrl: `${REPLAY}/tracklist/ltk7cx9/x.html` });
    const rows = rowsOf(setlist);

    it('is ok (it has no #tlTab), with the identity and metadata it declares', () => {
      expect(setlist).toMatchObject({
        status: 'ok',
        sourceId: 'ltk7cx9',
        sourceUrl: SWACQ_URL,
        title: 'SWACQ @ Revealed Night, Q-Factory Amsterdam, Amsterdam Dance Event, Netherlands 2018-10-20',
        djs: ['SWACQ'],
        event: 'Revealed Night',
        venue: 'Q-Factory Amsterdam, Amsterdam Dance Event',
        location: 'Netherlands',
        date: '2018-10-20',
        warnings: [],
      });
    });

    it('reads its 9 rows in order, the bare "ID - ID" row 7 unidentified and "(ID Remix)" kept on row 6', () => {
      expect(rows.map((row) => row.raw)).toEqual([
        'SWACQ ft. Jordiz - Kayos',
        'Quintino - Inferno',
        'SWACQ - ID',
        'GTA & Damien N-Drix - Dun Dun',
        'JOYRYDE & Skrillex - Agen Wida',
        'J Balvin & Willy William - Mi Gente (ID Remix)',
        'ID - ID',
        'Oomloud - Rumbabox',
        'Sandjake - Shine (Steff Da Campo Remix)',
      ]);
      expect(rows.map((row) => row.unidentified)).toEqual([false, false, true, false, false, false, true, false, false]);
      expect(rows[5]).toMatchObject({ title: 'Mi Gente', version: 'ID Remix' });
      expect(rows.every((row) => !row.layered)).toBe(true);
    });

    it('takes labels from the bracketed badges the row shows, not from its text', () => {
      expect(rows.map((row) => row.label)).toEqual([
        'MUSICAL FREEDOM',
        "SPINNIN'",
        null,
        'MAD DECENT',
        'OWSLA',
        'SCORPIO',
        null,
        'HYSTERIA',
        null,
      ]);
      expect(rows[0]).toMatchObject({ artist: 'SWACQ ft. Jordiz', title: 'Kayos', featured: ['Jordiz'] });
    });
  },
);

describe('row fragments of the 2024 layout (more/rows)', () => {
  it('reads a track row: label badge without its parent ("GEFFEN (UMG)")', () => {
    expect(parse1001TracklistRows(read('rows/row_track.html'))).toEqual([
      expect.objectContaining({ raw: 'Nirvana - Smells Like Teen Spirit', label: 'GEFFEN', layered: false, cue: null }),
    ]);
  });

  it('reads a "w/" row as layered, with the artists the row links one by one', () => {
    const [row] = parse1001TracklistRows(read('rows/row_track_concurrent.html'));
    expect(row).toMatchObject({ artist: 'Dillon Francis & Julian Jordan', title: 'The Sound', label: 'STMPD', layered: true });
    expect(row?.primaryArtists).toEqual(['Dillon Francis', 'Julian Jordan']);
    expect(row?.warnings).toContain('played together with the previous track ("w/")');
  });

  it.each(['row_suggestion.html', 'row_player_widget.html', 'row_save_footer.html', 'row_text.html'])('finds no row in %s', (file) => {
    expect(parse1001TracklistRows(read(`rows/${file}`))).toEqual([]);
  });

  it('keeps the track rows of all fragments together, in order, and nothing else', () => {
    const files = ['row_track', 'row_suggestion', 'row_track_concurrent', 'row_text', 'row_player_widget', 'row_save_footer'];
    const together = files.map((name) => read(`rows/${name}.html`)).join('\n');
    expect(parse1001TracklistRows(together).map((row) => [row.raw, row.layered])).toEqual([
      ['Nirvana - Smells Like Teen Spirit', false],
      ['Dillon Francis & Julian Jordan - The Sound', true],
    ]);
  });
});

describe.each(['captcha-track-page-john-summit-show-me.html', 'captcha-tracklist-drinks-on-me-001.html'])('anti-bot page %s', (file) => {
  it('is blocked, with no rows and no metadata taken from it', () => {
    const setlist = parse1001Tracklist(read(file), { sourceUrl: `${REPLAY}/tracklist/x/y.html` });
    expect(setlist).toMatchObject({ status: 'blocked', parts: [], title: null, sourceId: null });
    expect(setlist.statusReason).toMatch(/anti-bot/);
  });
});
