import { readTextFileHeader, readTextTracklistFile } from './read-text-file';

describe('readTextFileHeader', () => {
  it('reads "Key: value" lines at the top, known keys into values and all into fields', () => {
    const header = readTextFileHeader(
      'DJ: Ben Klock b2b Marcel Dettmann\nDate: 2024-05-01\n\nTitle: Klubnacht\nSource: a flyer\n\n01. A - B',
    );
    expect(header.values).toEqual({ djs: 'Ben Klock b2b Marcel Dettmann', date: '2024-05-01', title: 'Klubnacht' });
    expect(header.fields).toEqual({ dj: 'Ben Klock b2b Marcel Dettmann', date: '2024-05-01', title: 'Klubnacht', source: 'a flyer' });
    expect(header.bodyStartLine).toBe(6);
  });

  it('has no header when the file starts with the tracklist or a "Tracklist:" heading', () => {
    expect(readTextFileHeader('01. A - B\n02. C - D')).toMatchObject({ values: {}, bodyStartLine: 0 });
    expect(readTextFileHeader('Tracklist:\n01. A - B')).toMatchObject({ values: {}, bodyStartLine: 0 });
  });
});

describe('readTextTracklistFile', () => {
  it('gives the header fields and the tracklist rows', () => {
    const file = readTextTracklistFile(
      [
        'DJs: Rhadoo & Raresh',
        'Date: 01.05.2024',
        'Venue: Club',
        '',
        'Tracklist:',
        '1. Trevino - Sombre Tones [Klockworks - KW 20]',
        '2. Shed - Atmosphere',
        '3. Ø [Phase] - Binary Opposition (Ben Klock Process)',
      ].join('\n'),
    );
    expect(file).toMatchObject({ djs: ['Rhadoo', 'Raresh'], dateText: '01.05.2024', date: '2024-05-01', venue: 'Club', title: null });
    expect(file.parts[0]?.rows.map((row) => [row.artist, row.title, row.version, row.label])).toEqual([
      ['Trevino', 'Sombre Tones', null, 'Klockworks'],
      ['Shed', 'Atmosphere', null, null],
      ['Ø [Phase]', 'Binary Opposition', 'Ben Klock Process', null],
    ]);
  });

  it('takes DJs and date from a title written "DJ @ Place YYYY-MM-DD" when there is no DJ line', () => {
    const file = readTextTracklistFile('Title: Bicep @ The Warehouse Project, Manchester 2023-04-28\n\nA - B\nC - D\nE - F');
    expect(file).toMatchObject({ djs: ['Bicep'], date: '2023-04-28', event: 'The Warehouse Project', location: 'Manchester' });
  });

  it('says so when the body holds no tracklist or the date is not a full date', () => {
    const file = readTextTracklistFile('DJ: X\nDate: 05/01/2024\n\nJust some words.');
    expect(file).toMatchObject({ parts: [], tracklist: null, date: null, dateText: '05/01/2024' });
    expect(file.warnings).toEqual([
      'no tracklist found in the text',
      'date "05/01/2024" is not a full date (YYYY-MM-DD or DD.MM.YYYY): kept as written',
    ]);
  });
});
