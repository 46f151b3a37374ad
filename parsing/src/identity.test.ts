import { artistKey, trackKey } from './identity';
import { parseTrackLine } from './track-line';

/** The key of a row as a MixesDB tracklist writes it. */
const keyOfRow = (row: string) => trackKey(parseTrackLine(row));

describe('artistKey', () => {
  it.each([
    // pairs written differently in the MixesDB fixtures that are the same artist
    ['DJ T-1000', 'DJ T 1000'],
    ['V.C.P.', 'V.C.P'],
    ['Sebastian Krämer', 'Sebastian Kramer'],
    ['Rødhåd', 'Rodhad'],
    ['François X', 'Francois X'],
    ['jb³', 'JB3'],
    ['K-Hand', 'K. Hand'],
    ['Edit Select', 'Edit-Select'],
    ['Sub Space', 'Subspace'],
    ["Lil' Louis", 'Lil Louis'],
    ['Dettmann/Klock', 'Dettmann / Klock'],
    ['DVS1', 'Dvs1'],
    // rules beyond the fixtures
    ['The Black Dog', 'Black Dog'],
    ['Above & Beyond', 'Above and Beyond'],
    ['Æ', 'ae'],
    ['Straßenbahn', 'Strassenbahn'],
    ['Sónar\u00a0Kollektiv', 'Sonar Kollektiv'],
  ])('%s = %s', (left, right) => {
    expect(artistKey(left)).toBe(artistKey(right));
  });

  it.each([
    ['Rødhåd', 'rodhad'],
    ['Ø [Phase]', 'ophase'],
    ['4×U', '4u'],
    ['Юрий Титов', 'юрийтитов'],
    ['The The', 'the'],
    ['???', ''],
  ])('%s -> %s', (name, key) => {
    expect(artistKey(name)).toBe(key);
  });

  it('keeps different artists apart', () => {
    expect(artistKey('Theo Parrish')).not.toBe(artistKey('Parrish'));
    expect(artistKey('Marcel Dettmann')).not.toBe(artistKey('Marcel Fengler'));
  });
});

describe('trackKey', () => {
  it.each([
    // rows from different mixes in the fixtures that are the same track
    ['Martyn - Is This Insanity? (Ben Klock Remix)', 'Martyn Feat. Spaceape - Is This Insanity (Ben Klock Remix)'],
    ['Bill Youngman - Cells Regenerate (Hanno Hinkelbein Remix)', 'Bill Youngman - Cells Regenerate (Hanno Hinkelbein Rmx)'],
    ["JB3 - Forklift (Luke Slater's Filtered Remix)", "jb³ - Forklift (Luke Slater's Filtered Remix)"],
    ['Marc Romboy vs. Chelonis R. Jones - The Beat (Robert Hood Remix)', 'Marc Romboy vs Chelonis R. Jones - The Beat (Robert Hood Remix)'],
    ['TronikHouse – Up Tempo (Original Mix) [KMS – KMS-036]', 'Tronikhouse - Uptempo'],
    ['Norman Nodge - ManMade', 'Norman Nodge - Man Made'],
    ['Ben Klock Feat. Elif Biçer - OK (Kenny Larkin Remix)', 'Ben Klock Feat. Elif Bicer - Ok (Kenny Larkin Remix)'],
    ['Nic Fanciulli Feat. Bernard Fowler & The Peechboys - Caller ID (Radio Slave Remix)', 'Nic Fanciulli - Caller Id (Radio Slave Remix)'],
    ['Jeff Mills - DNA', 'Jeff Mills - D.N.A.'],
    ['Experimental Products - Who Is Kip Jones', 'Experimental Products - Who Is Kip Jones?'],
    ['Armando - 100% Of Dissin You', "Armando - 100% Of Dissin' You"],
    // rules beyond the fixtures
    ['Marcel Dettmann & Ben Klock - Dawning', 'Ben Klock & Marcel Dettmann - Dawning'],
    ['Deadmau5 - Strobe (Original Mix)', 'deadmau5 - Strobe'],
    ['Above & Beyond - Sun & Moon', 'Above and Beyond - Sun and Moon'],
    ['The Black Dog - Pt. 2', 'Black Dog - Part 2'],
    ['Robert Hood - Minus [M-Plant - MP 001]', 'Robert Hood - Minus'],
  ])('%s = %s', (left, right) => {
    expect(keyOfRow(left)).not.toBeNull();
    expect(keyOfRow(left)).toBe(keyOfRow(right));
  });

  it.each([
    ['Deadmau5 - Strobe', 'Deadmau5 - Strobe (Dubfire Remix)'],
    ['Deadmau5 - Strobe (Dubfire Remix)', 'Deadmau5 - Strobe (Dubfire Dub)'],
    ['Ø [Phase] - Binary Opposition (Ben Klock Process)', 'Ø [Phase] - Binary Opposition (Ben Klock Remix)'],
    ['Robert Hood - Minus', 'Robert Hood - Minus 2'],
    ['Insync vs Mysteron - Down', 'Insync - Down'],
  ])('%s != %s', (left, right) => {
    expect(keyOfRow(left)).not.toBe(keyOfRow(right));
  });

  it('moves a version still written in the title out of it', () => {
    expect(trackKey({ artist: 'Deadmau5', title: 'Strobe (Dubfire Remix)', version: null })).toBe(
      trackKey({ artist: 'Deadmau5', title: 'Strobe', version: 'Dubfire Remix' }),
    );
    expect(trackKey({ artist: 'Deadmau5', title: 'Strobe', version: 'Original Mix' })).toBe(
      trackKey({ artist: 'Deadmau5', title: 'Strobe', version: null }),
    );
  });

  it('spells the key out as primary artists | title | version', () => {
    expect(keyOfRow('Ø [Phase] - Binary Opposition (Ben Klock Process) [Token - 20RD]')).toBe('ophase|binaryopposition|benklockprocess');
    expect(keyOfRow('Cisco Ferreira & Colin Mcbean - Untitled')).toBe('ciscoferreira+colinmcbean|untitled|');
  });

  it.each(['ID - ID', 'Unknown - Variance III', 'Cisco Ferreira & Colin Mcbean - ?', 'CRAVO - ID', 'Intro', '?', ''])(
    'gives no key to the unidentified row "%s"',
    (row) => {
      expect(keyOfRow(row)).toBeNull();
    },
  );
});
