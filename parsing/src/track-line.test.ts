import { parseTrackLine, parseTrackRows, isUnknownTitle } from './track-line';

describe('parseTrackLine cues', () => {
  it.each([
    ['[12] Robert Hood - Minus', '12', 720],
    ['[045] Ø [Phase] - Binary Opposition', '045', 2700],
    ['[146] Len Faki - Mekong Delta', '146', 8760],
    ['[1:02:33] Surgeon - Klonk', '1:02:33', 3753],
    ['[028:48] Roy Davis Jr - Heart Attack', '028:48', 1728],
    ['(0:45) Guy Gerber And Shlomi Aber - Sea Of Sand', '0:45', 45],
    ['1:02:33 Surgeon - Klonk', '1:02:33', 3753],
    ['[?] Shed - Atmosphere', '?', null],
    ['[1?] Shed - Atmosphere', '1?', null],
    ['[4?:??] Thomas P. Heckmann - Back Up', '4?:??', null],
    ['[019:95] Robert Hood - The Pace', '019:95', null],
  ])('%s -> cue %s (%s s)', (line, cue, cueSeconds) => {
    expect(parseTrackLine(line)).toMatchObject({ cue, cueSeconds });
  });

  it.each([
    ['20:20 Vision - Lifeforce', '20:20 Vision'],
    ['808 State - Pacific State', '808 State'],
    ['2000 and One - Tropical Melons', '2000 and One'],
    ['[a]pendics.shuffle - Cosmic Translations', '[a]pendics.shuffle'],
  ])('reads no cue in "%s"', (line, artist) => {
    expect(parseTrackLine(line)).toMatchObject({ cue: null, cueSeconds: null, artist });
  });
});

describe('parseTrackLine labels', () => {
  it.each([
    ['Trevino - Sombre Tones [Klockworks - KW 20]', 'Sombre Tones', 'Klockworks', 'KW 20'],
    ['Robert Hood – School [Music Man Records – MM 127]', 'School', 'Music Man Records', 'MM 127'],
    ['Tiga vs Audion - Stabbed In The Back [Turbo]', 'Stabbed In The Back', 'Turbo', null],
    ['Mike Dehnert - Umlaut (Remix 1) [Fachwerk - FW/ALBUM6]', 'Umlaut', 'Fachwerk', 'FW/ALBUM6'],
    ["Gerd - Arkest's Blaze (Music Man - MM 048)", "Arkest's Blaze", 'Music Man', 'MM 048'],
  ])('%s', (line, title, label, catalog) => {
    expect(parseTrackLine(line)).toMatchObject({ title, label, catalog });
  });

  it('reads an unclosed label bracket and says so', () => {
    const parsed = parseTrackLine('X – Track [Label - Cat');
    expect(parsed).toMatchObject({ artist: 'X', title: 'Track', label: 'Label', catalog: 'Cat' });
    expect(parsed.warnings).toContain('label bracket not closed');
  });

  it('ignores a running time where the label would be', () => {
    const parsed = parseTrackLine('Orlando Voorn - At Last [4:50]');
    expect(parsed).toMatchObject({ title: 'At Last', label: null });
    expect(parsed.warnings).toContain('running time [4:50] ignored');
  });
});

describe('parseTrackLine versions', () => {
  it.each([
    ['Underworld - Jumbo (Dubfire Remix)', 'Jumbo', 'Dubfire Remix', ['Dubfire']],
    ['Ø [Phase] - Binary Opposition (Ben Klock Process) [Token - 20RD]', 'Binary Opposition', 'Ben Klock Process', ['Ben Klock']],
    ['Dave Clarke - Wisdom To The Wise (Radikal Victory Edit)', 'Wisdom To The Wise', 'Radikal Victory Edit', ['Radikal Victory']],
    ['Ben Klock feat. Elif Biçer - Goodly Sin (Robert Hood Remix)', 'Goodly Sin', 'Robert Hood Remix', ['Robert Hood']],
    ['TronikHouse – Up Tempo (Original Mix) [KMS – KMS-036]', 'Up Tempo', null, []],
    ['Prosumer & Murat Tepeli - Turn Around (Dub Mix)', 'Turn Around', 'Dub Mix', []],
    ['Trevor Rockcliffe - Visions Of You (Foreplay Mix)', 'Visions Of You', 'Foreplay Mix', []],
    ['Michel De Hey vs. Literon - Transmitter (Jamie Anderson Mix)', 'Transmitter', 'Jamie Anderson Mix', ['Jamie Anderson']],
    ['Emptyset - Altogether Lost (Ben Klock’s Glowing Clap Mix)', 'Altogether Lost', 'Ben Klock’s Glowing Clap Mix', ['Ben Klock']],
    [
      'Acid Blood - Acid Blood (Trax-X vs Sinesweeper Remix) [Missile]',
      'Acid Blood',
      'Trax-X vs Sinesweeper Remix',
      ['Trax-X', 'Sinesweeper'],
    ],
    ['Inner City - Big Fun - Jon Rundell Remix', 'Big Fun', 'Jon Rundell Remix', ['Jon Rundell']],
    ['The Rapture - W.A.Y.U.H. (Whoo! Alright - Yeah ... Uh Huh) People', 'W.A.Y.U.H. (Whoo! Alright - Yeah ... Uh Huh) People', null, []],
    ['Dabrye - Game Over (feat. Jay Dee and Phat Kat) (Ghostly International)', 'Game Over (Ghostly International)', null, []],
  ])('%s', (line, title, version, remixers) => {
    expect(parseTrackLine(line)).toMatchObject({ title, version, remixers });
  });

  it('reads a version whose bracket is never closed', () => {
    const parsed = parseTrackLine('Nina Kraviz Feat. Naughty Wood) - Best Friend (DVS1 Forever Mix [Rekids - 073]');
    expect(parsed).toMatchObject({ title: 'Best Friend', version: 'DVS1 Forever Mix', featured: ['Naughty Wood'], label: 'Rekids' });
    expect(parsed.warnings).toContain('version bracket not closed');
  });
});

describe('parseTrackLine artists and featuring', () => {
  it.each([
    ['Pinch Feat. Killa P - Party [Tectonic]', 'Pinch Feat. Killa P', ['Killa P'], ['Pinch']],
    ['Zinc feat Foreign Beggars - Move (Bingo Bass)', 'Zinc feat Foreign Beggars', ['Foreign Beggars'], ['Zinc']],
    ["Pastaboys Featuring Osunlade - Deep Musique (Trus'me Spritz Mix)", 'Pastaboys Featuring Osunlade', ['Osunlade'], ['Pastaboys']],
    ['Push/Pull Feat. Lady E And Niqué D - Africa', 'Push/Pull Feat. Lady E And Niqué D', ['Lady E', 'Niqué D'], ['Push/Pull']],
    ['Dabrye - Game Over (feat. Jay Dee and Phat Kat)', 'Dabrye', ['Jay Dee', 'Phat Kat'], ['Dabrye']],
    ['Aux 88 - Astral Projections (Detroit Mix Feat. Ice Truck)', 'Aux 88', ['Ice Truck'], ['Aux 88']],
    ['Above &amp; Beyond - Sun &amp; Moon', 'Above & Beyond', [], ['Above & Beyond']],
    ['Cisco Ferreira & Colin Mcbean - Untitled', 'Cisco Ferreira & Colin Mcbean', [], ['Cisco Ferreira', 'Colin Mcbean']],
    ['Guy Gerber And Shlomi Aber - Sea Of Sand', 'Guy Gerber And Shlomi Aber', [], ['Guy Gerber', 'Shlomi Aber']],
    ['2000 and One - Tropical Melons', '2000 and One', [], ['2000 and One']],
    ['Insync vs Mysteron - Down', 'Insync vs Mysteron', [], ['Insync', 'Mysteron']],
    ['Rainer Weichhold vs. Dandi & Ugo - Infinite Template', 'Rainer Weichhold vs. Dandi & Ugo', [], ['Rainer Weichhold', 'Dandi & Ugo']],
  ])('%s', (line, artist, featured, primaryArtists) => {
    expect(parseTrackLine(line)).toMatchObject({ artist, featured, primaryArtists, artistValid: true, unidentified: false });
  });
});

describe('parseTrackLine on a line with tracks played together', () => {
  it('returns the first track and names the others in a warning (parseTrackRows reads them all)', () => {
    const parsed = parseTrackLine('[12] Artist A - Track A vs. Artist B - Track B (B Remix)');
    expect(parsed).toMatchObject({ artist: 'Artist A', title: 'Track A', version: null, layered: false, cue: '12' });
    expect(parsed.warnings).toContain('line holds 2 tracks played together; the others: "Artist B - Track B"');
  });

  it.each(['w/ Shed - Atmosphere', '+ ?', '+ Surgeon - Electric Chicken [Downwards - LINO 10]'])('flags "%s" as layered', (line) => {
    expect(parseTrackLine(line).layered).toBe(true);
  });

  it.each([
    'Insync vs Mysteron - Down',
    'Scott Ferguson - Keep On Lovin Me (Detroit vs Chicago Mix) [Ferrispark]',
    'Mike Dehnert - Live PA Cut 2 [Fachwerk - FW/ALBUM6]',
    '+44 - When Your Heart Stops Beating',
    '+plattform - Sour [Ploink - PL007NK]',
  ])('does not flag "%s"', (line) => {
    expect(parseTrackRows(line)).toEqual([expect.objectContaining({ layered: false })]);
  });
});

describe('parseTrackLine unidentified rows', () => {
  it.each([
    ['ID - ID', 'ID', 'ID', false],
    ['?', null, '?', false],
    ['??? - ???', '???', '???', false],
    ['Unknown - Variance III (Marcel Dettmann Edit)', 'Unknown', 'Variance III', false],
    ['Cisco Ferreira & Colin Mcbean - ?', 'Cisco Ferreira & Colin Mcbean', '?', true],
    ['CRAVO - ID', 'CRAVO', 'ID', true],
    ['Lex Gorrie - Unknown (Developer Remix 1)', 'Lex Gorrie', 'Unknown', true],
    ['? (unknown subzero remix)', null, '?', false],
    ['Intro', null, 'Intro', false],
    ['VA - Din Daa Daa [Essential Media]', 'VA', 'Din Daa Daa', false],
  ])('%s', (line, artist, title, artistValid) => {
    expect(parseTrackLine(line)).toMatchObject({ artist, title, artistValid, unidentified: true });
  });

  it('still names the remixer of an unidentified track, but not a placeholder one', () => {
    expect(parseTrackLine('Lex Gorrie - Unknown (Developer Remix 1)').remixers).toEqual(['Developer']);
    expect(parseTrackLine('? (unknown subzero remix)').remixers).toEqual([]);
  });

  it('reads an empty row as empty and unidentified', () => {
    expect(parseTrackLine('[05:00] ')).toMatchObject({ cue: '05:00', cueSeconds: 300, artist: null, title: null, unidentified: true });
  });

  it.each(['Where We At?', 'Untitled 8', 'Idris', 'Silence Is Golden'])('knows "%s" is a real title', (title) => {
    expect(isUnknownTitle(title)).toBe(false);
  });
});

describe('parseTrackLine text clean-up', () => {
  it.each([
    ['Tom &amp; Jerry - Don&#39;t &quot;Stop&quot;&nbsp;Now', 'Tom & Jerry', 'Don\'t "Stop" Now'],
    ['Shed&#x2013;Call &#8211; Me', 'Shed–Call', 'Me'],
    ['ROD - Anindica [Klockworks 11] <!-- NOT Dionigi / SDK -->', 'ROD', 'Anindica'],
    ["[[Ben Klock]] - '''Subzero''' {{Tl|x}}", 'Ben Klock', 'Subzero'],
    ['[[Ostgut Ton|Shed]]  -\tSilent<nowiki>:</nowiki> Witness', 'Shed', 'Silent: Witness'],
    ['Derrick Carter vs Freaks - [https://www.discogs.com/release/456351 Legacy] [Wash House]', 'Derrick Carter vs Freaks', 'Legacy'],
    ['New Signal–\tSteppenwolf', 'New Signal', 'Steppenwolf'],
    ['Marcel Dettmann — Shiver', 'Marcel Dettmann', 'Shiver'],
  ])('%s', (line, artist, title) => {
    expect(parseTrackLine(line)).toMatchObject({ artist, title });
  });

  it('keeps the row as found, minus markup, in raw', () => {
    expect(parseTrackLine('[12] [[Shed]] -  Atmosphere').raw).toBe('[12] Shed - Atmosphere');
  });

  it('never throws, whatever the input', () => {
    const nasty = [
      '',
      ' ',
      '[',
      ']',
      '(((',
      '[[[[',
      '{{{{',
      '<!--',
      '- - -',
      ' - ',
      '\u0000\u0001',
      '\ud800',
      'w/',
      '+',
      'vs',
      '#',
      ';',
      '[12]',
      '(',
      'a'.repeat(20000),
      `[${'('.repeat(5000)}`,
      '&#99999999;',
      '&#xD800;',
    ];
    for (const line of nasty) expect(() => parseTrackLine(line)).not.toThrow();
    expect(() => parseTrackLine(undefined as unknown as string)).not.toThrow();
  });
});
