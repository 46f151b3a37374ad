import { parseTrackRows } from './track-line';

const read = (line: string) =>
  parseTrackRows(line).map((row) => [row.artist, row.title, row.version, row.label, row.layered, row.unidentified]);

describe('parseTrackRows: tracks played together on one line become one row each (docs/parsing.md, "Layered rows")', () => {
  it.each([
    [
      "The Limit - Get Stoned [Emotif] '''+''' Q Project - Champion Sound (Doc Scott Remix) [Legend]",
      [
        ['The Limit', 'Get Stoned', null, 'Emotif', false, false],
        ['Q Project', 'Champion Sound', 'Doc Scott Remix', 'Legend', true, false],
      ],
    ],
    [
      'Soccio - Remember (Santiagos Edit) [Atlantic] vs Kraftwerk - Robots (Edit) [Capitol]',
      [
        ['Soccio', 'Remember', 'Santiagos Edit', 'Atlantic', false, false],
        ['Kraftwerk', 'Robots', 'Edit', 'Capitol', true, false],
      ],
    ],
    [
      '[003] Jark Prongo - Helios w M People - Moving On Up (Sanchez Dub)',
      [
        ['Jark Prongo', 'Helios', null, null, false, false],
        ['M People', 'Moving On Up', 'Sanchez Dub', null, true, false],
      ],
    ],
    [
      'Hardwell - Spaceman w/ Zhu (Faded)',
      [
        ['Hardwell', 'Spaceman', null, null, false, false],
        ['Zhu', 'Faded', null, null, true, false],
      ],
    ],
    [
      'Martin Garrix - Animals + ID',
      [
        ['Martin Garrix', 'Animals', null, null, false, false],
        [null, 'ID', null, null, true, true],
      ],
    ],
    [
      'Timo Maas vs. Danny Tenaglia - Der Schieber / Elements',
      [
        ['Timo Maas', 'Der Schieber', null, null, false, false],
        ['Danny Tenaglia', 'Elements', null, null, true, false],
      ],
    ],
    [
      'Ekon - Existence vs E-Craig - First Time vs Way Out West - The Fall (Bootleg)',
      [
        ['Ekon', 'Existence', null, null, false, false],
        ['E-Craig', 'First Time', null, null, true, false],
        ['Way Out West', 'The Fall', 'Bootleg', null, true, false],
      ],
    ],
  ])('%s', (line, rows) => {
    expect(read(line)).toEqual(rows);
  });

  it('gives the cue to the first row and the whole line as raw to every row', () => {
    const rows = parseTrackRows('[12] A - X vs. B - Y');
    expect(rows.map((row) => [row.cue, row.raw])).toEqual([
      ['12', '[12] A - X vs. B - Y'],
      [null, '[12] A - X vs. B - Y'],
    ]);
  });

  it.each([
    'Insync vs Mysteron - Down',
    'Julia Decay - Boy vs Girl [Pro-Jex]',
    'Danny Tenaglia + Celeda - Music Is The Answer [Twisted]',
    'Thomas Bangalter - Spinal Beats + Spinal Scratch [Roule]',
    'Steve Bicknell - Lost Recordings #1 - Why? + For Whom? (C1)',
    'Olivier Giacomotto vs DJ T. - Superskank vs Dis (Riva Starr Mashup)',
    'Kristine W - Feel What You Want',
    'U.F.O. - L.O.V.E. (Kruder + Dorfmeister) [Mercury / Japan]',
  ])('keeps "%s" one row (one side of the join is no whole track)', (line) => {
    expect(parseTrackRows(line)).toHaveLength(1);
  });

  it('reads "w/" or "+" at the start as a row layered over the previous one', () => {
    expect(read('w/ Shed - Atmosphere')).toEqual([['Shed', 'Atmosphere', null, null, true, false]]);
    expect(read("[0??] + Hijack - The Badman Is Robin' (Acapella) [Epic]")).toEqual([
      ['Hijack', "The Badman Is Robin'", 'Acapella', 'Epic', true, false],
    ]);
  });

  it('reads at most 8 tracks from one line', () => {
    const rows = parseTrackRows(Array.from({ length: 12 }, (_, index) => `A${index} - T${index}`).join(' vs '));
    expect(rows).toHaveLength(8);
    expect(rows[0]?.warnings).toContain('more than 8 tracks on one line: the rest kept in the last row');
  });
});
