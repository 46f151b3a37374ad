import { readListStyle } from './line-style';

describe('readListStyle', () => {
  it('reads "Artist - Title - Label" from a list where a quarter of the rows end that way, not from one row', () => {
    expect(readListStyle(['A - X - Label One', 'B - Y (Z Remix) - Label Two', 'C - Z - Label Three', 'D - W']).labelAfterDash).toBe(true);
    expect(readListStyle(['Spooky - J - Pfer', 'A - X', 'B - Y', 'C - Z']).labelAfterDash).toBe(false);
    expect(readListStyle(['A - Big Fun - Jon Rundell Remix', 'B - X - Y Remix', 'C - Z - W Dub']).labelAfterDash).toBe(false);
  });

  it('reads hyphen-only and slash lists from most of their rows', () => {
    expect(readListStyle(['Miret-Sabio Espejo', 'Umoja-La Piragua', 'Kino Todo-Yasmin', 'Jay-Z - X']).tightHyphen).toBe(true);
    expect(readListStyle(['Miret-Sabio Espejo', 'A - B', 'C - D', 'E - F']).tightHyphen).toBe(false);
    expect(
      readListStyle(['Ackermann / Pure', 'traKKman / Jack 2 The Groove - Sound Factory Bar mix', 'YNNY / Take 5']).slashSeparator,
    ).toBe(true);
  });

  it('reads "Title - Artist" only from a remix named left of the dash with none right of it', () => {
    expect(readListStyle(['Twisted Katt - Natasha Kitty Katt', 'Summertime (TZ Remix) - Judy Hipps', 'Cat Lady - Fouk']).titleFirst).toBe(
      true,
    );
    expect(readListStyle(['Moderat (Live) - Bad Kingdom', 'A - B', 'C - D']).titleFirst).toBe(false);
    expect(readListStyle(['Summertime (TZ Remix) - Judy Hipps', 'A - B (C Remix)', 'D - E']).titleFirst).toBe(false);
  });

  it('reads "Artist - Title (Label)" from a list where a quarter of the rows end in a plain bracket and none in [Label]', () => {
    const scruff = [
      'Ils - Next Level (Marine Parade)',
      'Martyn - Broken (Revolver)',
      'Smith & Mighty - B Line Fi Blow (K7)',
      'Soil & Pimp Sessions - Sahara (Zed Bias Mix) (Brownswood)',
    ];
    expect(readListStyle(scruff).labelInParentheses).toBe(true);
    expect(
      readListStyle([
        'A - B (Set Me Free)',
        'C - D',
        'E - F',
        'G - H',
        'I - J',
        'K - L',
        'M - N',
        'O - P',
        'Q - R',
        'S - T',
        'U - V',
        'W - X',
      ]).labelInParentheses,
    ).toBe(false);
    expect(readListStyle(['A - B (Foo) [L]', 'C - D (Bar) [M]', 'E - F (Baz) [N]', 'G - H (Qux)']).labelInParentheses).toBe(false);
    expect(
      readListStyle(['[0:00:00] A - Environments (2:29)', '[0:02:29] B - Cascade (1:01)', '[0:03:30] C - D (1:06)']).labelInParentheses,
    ).toBe(false);
  });
});
