import { splitArtistCredit, splitFeaturing } from './artist-credit';

describe('splitArtistCredit', () => {
  it.each([
    // never split: one act, or not safe to tell
    ['Above & Beyond', ['Above & Beyond']],
    ['2000 and One', ['2000 and One']],
    ['Stil & Bense', ['Stil & Bense']],
    ['Spen + Karizma', ['Spen + Karizma']],
    ['Buddy Johnson and His Orchestra', ['Buddy Johnson and His Orchestra']],
    ['Ian Pooley & The Jaguar', ['Ian Pooley & The Jaguar']],
    ['Manaca, Chus & Ceballos', ['Manaca, Chus & Ceballos']],
    ['Chemical Brothers, The', ['Chemical Brothers, The']],
    ['Tom Petty & The Heartbreakers', ['Tom Petty & The Heartbreakers']],
    ['Earth, Wind & Fire', ['Earth, Wind & Fire']],
    ['Crosby, Stills & Nash', ['Crosby, Stills & Nash']],
    ['Tyler, The Creator', ['Tyler, The Creator']],
    ['Push/Pull', ['Push/Pull']],
    ['Florence + The Machine', ['Florence + The Machine']],
    ['Ø [Phase]', ['Ø [Phase]']],
    ['4×U', ['4×U']],
    // split: two or more named people, or joiners that never sit inside a name
    ['Cisco Ferreira & Colin Mcbean', ['Cisco Ferreira', 'Colin Mcbean']],
    // one side a full name: two artists ("Prosumer & Murat Tepeli", "Lane 8 & PARIS", "Perc & Passarella Death Squad")
    ['Prosumer & Murat Tepeli', ['Prosumer', 'Murat Tepeli']],
    ['Lane 8 & PARIS', ['Lane 8', 'PARIS']],
    ['Perc & Passarella Death Squad', ['Perc', 'Passarella Death Squad']],
    ['DJ Phantasy + DJ Gemini', ['DJ Phantasy', 'DJ Gemini']],
    ['Marco Bailey & Steve RedHead & Soulwatcher', ['Marco Bailey', 'Steve RedHead', 'Soulwatcher']],
    ['Noir & Haze, Solomun', ['Noir & Haze', 'Solomun']],
    ['Celeda, Jesus Fernandez, Karl8 & Andrea Monta', ['Celeda', 'Jesus Fernandez', 'Karl8', 'Andrea Monta']],
    ['Tony Hewitt, Chus & Ceballos', ['Tony Hewitt', 'Chus', 'Ceballos']],
    ['Guy Gerber And Shlomi Aber', ['Guy Gerber', 'Shlomi Aber']],
    ['Ben Klock, Marcel Dettmann & Len Faki', ['Ben Klock', 'Marcel Dettmann', 'Len Faki']],
    ['Surgeon, Regis', ['Surgeon', 'Regis']],
    ['Insync vs Mysteron', ['Insync', 'Mysteron']],
    ['Romboy Vs. Robert Owens', ['Romboy', 'Robert Owens']],
    ['DVS1 b2b Rødhåd', ['DVS1', 'Rødhåd']],
    ['Skream x Ben Klock', ['Skream', 'Ben Klock']],
    ['Rainer Weichhold vs. Dandi & Ugo', ['Rainer Weichhold', 'Dandi & Ugo']],
    ['Ben Klock feat. Elif Biçer', ['Ben Klock']],
    ['', []],
  ])('%s', (credit, expected) => {
    expect(splitArtistCredit(credit)).toEqual(expected);
  });
});

describe('splitFeaturing', () => {
  it.each([
    ['Ben Klock feat. Elif Biçer', 'Ben Klock', ['Elif Biçer']],
    ['System F. Feat. Marc Almond', 'System F.', ['Marc Almond']],
    ['Zinc ft Foreign Beggars', 'Zinc', ['Foreign Beggars']],
    ['Nic Fanciulli Feat. Bernard Fowler & The Peechboys', 'Nic Fanciulli', ['Bernard Fowler & The Peechboys']],
    ['Game Over (feat. Jay Dee and Phat Kat)', 'Game Over', ['Jay Dee', 'Phat Kat']],
    ['Daft Punk', 'Daft Punk', []],
    ['Left Foot', 'Left Foot', []],
  ])('%s', (text, main, featured) => {
    expect(splitFeaturing(text)).toEqual({ main, featured });
  });
});
