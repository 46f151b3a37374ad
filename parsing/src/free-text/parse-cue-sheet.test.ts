import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCueSheet } from './parse-cue-sheet';

const matZo = readFileSync(join(__dirname, 'fixtures', 'mat-zo-abgt500-2022-10-15.cue'), 'utf8');

describe('parseCueSheet on a real sheet made from a 1001tracklists page (Mat Zo @ ABGT 500)', () => {
  const sheet = parseCueSheet(matZo);
  const rows = sheet.parts.flatMap((part) => part.rows);

  it('takes the set from the FILE name: title, DJ, date, place', () => {
    expect(sheet).toMatchObject({
      title: 'Mat Zo @ ABGT 500, Banc of California Stadium Los Angeles, United States 2022-10-15',
      djs: ['Mat Zo'],
      dateText: '2022-10-15',
      date: '2022-10-15',
      event: 'ABGT 500',
      venue: 'Banc of California Stadium Los Angeles',
      location: 'United States',
    });
    expect(sheet.parts).toHaveLength(1);
  });

  it('reads all 12 tracks in order, PERFORMER as the credit and TITLE as the title side', () => {
    expect(rows.map((row) => [row.artist, row.title, row.version])).toEqual([
      ['Mat Zo ft. GQ', 'The Next Chapter', null],
      ['Mat Zo ft. OLAN', 'Problems', null],
      ['Mat Zo', 'Yoyo Ma', null],
      ['Mat Zo', 'Left To Right', 'VIP'],
      ['Mat Zo', 'Astatine', null],
      ['Meshuggah', 'Bleed', 'Mat Zo Remix'],
      ['Mat Zo', 'ID', null],
      ['Mat Zo', 'Soul Food', null],
      ['Mat Zo', 'Love Songs', null],
      ['Mat Zo ft. Chuck D', 'Pyramid Scheme', 'Club Mix'],
      ['Mat Zo ft. OLAN', 'Colours', null],
      ['Mat Zo', 'ID', null],
    ]);
    expect(rows[0]).toMatchObject({ featured: ['GQ'], primaryArtists: ['Mat Zo'] });
    expect(rows.map((row) => row.unidentified)).toEqual([false, false, false, false, false, false, true, false, false, false, false, true]);
  });

  it('reads INDEX 01 mm:ss:ff as the cue (frames dropped)', () => {
    expect(rows.map((row) => row.cue)).toEqual([
      '0:00',
      '7:00',
      '14:00',
      '19:00',
      '24:00',
      '30:00',
      '35:00',
      '40:00',
      '42:00',
      '47:00',
      '50:00',
      '55:00',
    ]);
    expect(rows[11]?.cueSeconds).toBe(3300);
  });
});

describe('parseCueSheet', () => {
  it('takes the set performer and title from before the first TRACK, and a REM DATE', () => {
    const sheet = parseCueSheet(
      [
        'REM DATE 2019-04-11',
        'PERFORMER "Ben Klock & Marcel Dettmann"',
        'TITLE "Berghain Klubnacht"',
        'FILE "cd1.flac" WAVE',
        '  TRACK 01 AUDIO',
        '    TITLE "Sombre Tones"',
        '    PERFORMER "Trevino"',
        '    INDEX 01 01:02:74',
        'FILE "cd2.flac" WAVE',
        '  TRACK 02 AUDIO',
        '    TITLE "Subzero (Len Faki Remix)"',
        '    PERFORMER "Ben Klock"',
        '    INDEX 00 61:58:00',
        '    INDEX 01 62:00:10',
      ].join('\r\n'),
    );
    expect(sheet).toMatchObject({
      title: 'Berghain Klubnacht',
      djs: ['Ben Klock', 'Marcel Dettmann'],
      dateText: '2019-04-11',
      date: '2019-04-11',
    });
    expect(
      sheet.parts.map((part) => [part.name, part.rows.map((row) => [row.artist, row.title, row.version, row.cue, row.cueSeconds])]),
    ).toEqual([
      ['cd1', [['Trevino', 'Sombre Tones', null, '1:02', 62]]],
      ['cd2', [['Ben Klock', 'Subzero', 'Len Faki Remix', '62:00', 3720]]],
    ]);
  });

  it('keeps a track without PERFORMER as an unidentified row, and invents nothing for an empty sheet', () => {
    const sheet = parseCueSheet('FILE "x.wav" WAVE\nTRACK 01 AUDIO\nTITLE "Intro"\nINDEX 01 00:00:00');
    expect(sheet.parts[0]?.rows[0]).toMatchObject({ artist: null, title: 'Intro', unidentified: true });
    expect(sheet.parts[0]?.rows[0]?.warnings).toContain('track 01 has no PERFORMER: no artist');
    const empty = parseCueSheet('REM nothing here');
    expect(empty).toMatchObject({ parts: [], djs: [], title: null });
    expect(empty.warnings).toContain('no TRACK in the CUE sheet');
  });
});
