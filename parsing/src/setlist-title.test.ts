import { parseMixesdbTitle } from './setlist-title';

describe('parseMixesdbTitle', () => {
  it.each([
    [
      '2017-10-22 - Ben Klock @ Awakenings x Klockworks Pres. Photon, Gashouder, ADE',
      {
        date: '2017-10-22',
        dateText: '2017-10-22',
        djs: ['Ben Klock'],
        event: 'Awakenings x Klockworks Pres. Photon',
        venue: 'Gashouder',
        location: 'ADE',
      },
    ],
    ['2017-12-08 - DVS1 - fabric 96', { date: '2017-12-08', djs: ['DVS1'], event: 'fabric 96', venue: null, location: null }],
    [
      '2024-06-02 - Ben Klock B2B Marcel Dettmann @ 909 Festival, Amsterdamse Bos, NL',
      { djs: ['Ben Klock', 'Marcel Dettmann'], event: '909 Festival', venue: 'Amsterdamse Bos', location: 'NL' },
    ],
    [
      '2009-06-06 - Ben Klock, Marcel Dettmann @ Free Your Mind Festival, NL',
      { djs: ['Ben Klock', 'Marcel Dettmann'], event: 'Free Your Mind Festival', venue: null, location: 'NL' },
    ],
    ['2019-09-21 - DVS1 b2b Rødhåd @ Tresor, Berlin', { djs: ['DVS1', 'Rødhåd'], event: 'Tresor', location: 'Berlin' }],
    [
      '2010-05 - Marcel Dettmann - Train Wreck Mix, RBMA Radio',
      { date: null, dateText: '2010-05', djs: ['Marcel Dettmann'], event: 'Train Wreck Mix, RBMA Radio' },
    ],
    ['1994 - Luke Slater @ Kiss 100 FM', { date: null, dateText: '1994', event: 'Kiss 100 FM' }],
    ['200X - Robert Hood @ Fuse (Bleep, 2009-06)', { date: null, dateText: '200X', djs: ['Robert Hood'], event: 'Fuse', location: null }],
    [
      '2020-05-22 - JakoJako, Âme, Trikk & Frank Wiedemann @ United We Stream 54 - Innervisions, Art Biesenthal, Berlin',
      {
        djs: ['JakoJako', 'Âme', 'Trikk', 'Frank Wiedemann'],
        event: 'United We Stream 54 - Innervisions',
        venue: 'Art Biesenthal',
        location: 'Berlin',
      },
    ],
    [
      '2021-07-29 - Ben Klock X Etapp Kyle (Live PA) @ 16 Years Ostgut Ton, Halle, Berghain, Berlin (ARTE Concert)',
      { djs: ['Ben Klock', 'Etapp Kyle'], event: '16 Years Ostgut Ton', venue: 'Halle, Berghain', location: 'Berlin' },
    ],
    [
      '2005-07-10 - DJ Sneak, Richie Hawtin vs Ricardo Villalobos @ T In The Park (Essential Mix)',
      { djs: ['DJ Sneak', 'Richie Hawtin', 'Ricardo Villalobos'], event: 'T In The Park' },
    ],
    ['2011-10-01 - Dr Hoffmann, Luke Slater (London) - Blind Spot 121', { djs: ['Dr Hoffmann', 'Luke Slater'], event: 'Blind Spot 121' }],
    ['2009-02-30 - Ben Klock @ Berghain', { date: null, dateText: '2009-02-30' }],
    ['2017-12-08_-_DVS1_-_fabric_96', { date: '2017-12-08', djs: ['DVS1'], event: 'fabric 96' }],
    ['Ben Klock @ Berghain', { date: null, dateText: null, djs: ['Ben Klock'], event: 'Berghain' }],
  ])('%s', (title, expected) => {
    expect(parseMixesdbTitle(title)).toMatchObject(expected);
  });

  it.each(['', ' ', '2017-10-22 - ', '@', ' - - ', '2017-10-22 - @ Berghain'])('never leaves djs empty for "%s"', (title) => {
    expect(parseMixesdbTitle(title).djs.length).toBeGreaterThan(0);
  });

  it('names no DJ "Unknown" rather than inventing one from the place', () => {
    expect(parseMixesdbTitle('2017-10-22 - @ Berghain')).toMatchObject({ djs: ['Unknown'], event: 'Berghain' });
  });
});
