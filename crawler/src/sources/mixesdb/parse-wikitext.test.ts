import { parseMixesdbWikitext } from './parse-wikitext';

const page = {
  sourceUrl: 'https://www.mixesdb.com/w/2017-10-22_-_Ben_Klock_@_Awakenings_x_Klockworks_Pres._Photon,_Gashouder,_ADE',
  pageTitle: '2017-10-22 - Ben Klock @ Awakenings x Klockworks Pres. Photon, Gashouder, ADE',
};

const wikitext = [
  '{{Mix|artist=Ben Klock|date=2017-10-22}}',
  "'''Ben Klock''' at [[Awakenings]].",
  '',
  '== Tracklist ==',
  '<div class="list">',
  '# [000] [[Trevino]] - Sombre Tones [Klockworks - KW 20]',
  '#: via the Klockworks label night',
  ';Part 2',
  '# [045] Ø [Phase] - Binary Opposition (Ben Klock Process) [[[Token]] - 20RD]',
  '#* note on the row above',
  '## nested list item',
  '# [?] ID - ID',
  ';Chameleon Club Mix<nowiki>:</nowiki> B.Traits b2b Kate Simko',
  '# [1:02:33] Cisco Ferreira &amp; Colin Mcbean - ?',
  '#',
  '</div>',
  '',
  '== Comments ==',
  '# [99] Not - A Row',
].join('\n');

describe('parseMixesdbWikitext', () => {
  const setlist = parseMixesdbWikitext(wikitext, page);

  it('reads the page title into DJs, event, venue, location and date', () => {
    expect(setlist).toMatchObject({
      source: 'mixesdb',
      sourceUrl: page.sourceUrl,
      sourceId: page.pageTitle,
      title: page.pageTitle,
      djs: ['Ben Klock'],
      event: 'Awakenings x Klockworks Pres. Photon',
      venue: 'Gashouder',
      location: 'ADE',
      dateText: '2017-10-22',
      date: '2017-10-22',
      status: 'ok',
      statusReason: null,
    });
  });

  it('splits parts on ";" lines; rows before the first one make an unnamed part 0', () => {
    expect(setlist.parts.map((part) => [part.index, part.name, part.rows.length])).toEqual([
      [0, null, 1],
      [1, 'Part 2', 2],
      [2, 'Chameleon Club Mix: B.Traits b2b Kate Simko', 2],
    ]);
  });

  it('reads rows with markup removed and skips "#:", "#*" and "##" comment lines', () => {
    const rows = setlist.parts.flatMap((part) => part.rows);
    expect(rows.map((row) => [row.cue, row.artist, row.title, row.unidentified])).toEqual([
      ['000', 'Trevino', 'Sombre Tones', false],
      ['045', 'Ø [Phase]', 'Binary Opposition', false],
      ['?', 'ID', 'ID', true],
      ['1:02:33', 'Cisco Ferreira & Colin Mcbean', '?', true],
      [null, null, null, true],
    ]);
    expect(rows[1]).toMatchObject({ version: 'Ben Klock Process', label: 'Token', catalog: '20RD', cueSeconds: 2700 });
  });

  it('stops at the next heading of the same level, and treats a lower-level heading as a part', () => {
    const text = '=== Tracklist ===\n# A - One\n==== CD2 ====\n# B - Two\n=== Notes ===\n# C - Three';
    const parsed = parseMixesdbWikitext(text, page);
    expect(parsed.parts.map((part) => [part.name, part.rows.map((row) => row.artist)])).toEqual([
      [null, ['A']],
      ['CD2', ['B']],
    ]);
  });

  it('accepts "==Tracklist==" without spaces and CRLF line ends', () => {
    const parsed = parseMixesdbWikitext('==Tracklist==\r\n# Surgeon - Klonk\r\n', page);
    expect(parsed.status).toBe('ok');
    expect(parsed.parts[0]?.rows[0]).toMatchObject({ artist: 'Surgeon', title: 'Klonk' });
  });

  it('warns about a part without rows and leaves it out', () => {
    const parsed = parseMixesdbWikitext('== Tracklist ==\n;CD1\n;CD2\n# A - One', page);
    expect(parsed.parts.map((part) => part.name)).toEqual(['CD2']);
    expect(parsed.warnings).toEqual(['part "CD1" has no rows']);
  });
});

describe('parseMixesdbWikitext on pages without a usable tracklist', () => {
  it.each([
    ['no tracklist section', "'''Ben Klock''' at Berghain.\n== Comments ==\n# A - B", 'empty', 'no "== Tracklist ==" section'],
    ['a tracklist without rows', '== Tracklist ==\nTracklist unknown.\n== Comments ==', 'empty', 'tracklist section has no rows'],
    ['an empty body', '', 'empty', 'no "== Tracklist ==" section'],
    ['binary garbage', '\u0000\u0001PK\u0003\u0004 == Tracklist ==', 'error', 'page body contains binary or control characters'],
    ['undecodable bytes', '== Tracklist ==\n# \ufffd\ufffd\ufffd - \ufffd', 'error', 'page body contains binary or control characters'],
    [
      'a page cut off inside a template',
      '{{Mix|artist=Ben Klock\n== Tracklist ==\n# A - B',
      'error',
      'template never closed: page looks truncated',
    ],
    [
      'a page cut off inside a comment',
      '== Tracklist ==\n# A - B <!-- to be continued',
      'error',
      'HTML comment never closed: page looks truncated',
    ],
  ])('%s -> %s', (_case, text, status, statusReason) => {
    const parsed = parseMixesdbWikitext(text, page);
    expect(parsed).toMatchObject({ status, statusReason, parts: [] });
  });

  it('never throws and never says ok without rows, whatever the body', () => {
    const bodies: unknown[] = [
      null,
      undefined,
      42,
      {},
      '== Tracklist ==',
      '== Tracklist ==\n#:\n#*',
      '='.repeat(10000),
      '[[[['.repeat(3000),
    ];
    for (const body of bodies) {
      const parsed = parseMixesdbWikitext(body as string, page);
      expect(parsed.status === 'ok' ? parsed.parts.length : 1).toBeGreaterThan(0);
    }
    expect(parseMixesdbWikitext(null as unknown as string, page)).toMatchObject({
      status: 'error',
      statusReason: 'page body is not text (object)',
    });
  });
});

describe('parseMixesdbWikitext layered rows and page style', () => {
  it("gives two rows for a '''+''' line, the second layered over the first", () => {
    const setlist = parseMixesdbWikitext(
      "== Tracklist ==\n# [12] The Limit - Get Stoned [Emotif] '''+''' Q Project - Champion Sound (Doc Scott Remix) [Legend]\n# Shed - Atmosphere",
      page,
    );
    expect(setlist.parts[0]?.rows.map((row) => [row.cue, row.artist, row.title, row.layered])).toEqual([
      ['12', 'The Limit', 'Get Stoned', false],
      [null, 'Q Project', 'Champion Sound', true],
      [null, 'Shed', 'Atmosphere', false],
    ]);
  });

  it('reads "Artist - Title - Label" on a page that writes its rows that way (Rusko, Essential Mix 2008-12-13)', () => {
    const rows = [
      '# Rusko - Gogogadgetrusko - Sub Soldiers',
      '# Rusko - Jahova - Sub Soldiers',
      '# Chase And Status - Saxon - Ram',
      '# Skream - Meta-Lick',
    ];
    const setlist = parseMixesdbWikitext(`== Tracklist ==\n${rows.join('\n')}`, page);
    expect(setlist.parts[0]?.rows.map((row) => [row.title, row.label])).toEqual([
      ['Gogogadgetrusko', 'Sub Soldiers'],
      ['Jahova', 'Sub Soldiers'],
      ['Saxon', 'Ram'],
      ['Meta-Lick', null],
    ]);
    expect(parseMixesdbWikitext('== Tracklist ==\n# Len Faki - My Black Sheep - Podium\n# A - B', page).parts[0]?.rows[0]).toMatchObject({
      title: 'My Black Sheep - Podium',
      label: null,
    });
  });
});
