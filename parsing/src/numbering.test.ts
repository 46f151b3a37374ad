import { readListNumber } from './numbering';

describe('readListNumber', () => {
  it.each([
    ['05. Stil & Bense - Soft Core (Abstraal Remix)', 5, 'Stil & Bense - Soft Core (Abstraal Remix)'],
    ['01.Lifeblood - Gravitational Force Of Destiny', 1, 'Lifeblood - Gravitational Force Of Destiny'],
    ['3) Rossiter - Shabba', 3, 'Rossiter - Shabba'],
    ['#12 Sisto - Under Pressure', 12, 'Sisto - Under Pressure'],
    ['1 - Gonzalo Sacc - You & Me', 1, 'Gonzalo Sacc - You & Me'],
    ['12 – Wassu & Haums - Blue Meadow HMWL', 12, 'Wassu & Haums - Blue Meadow HMWL'],
  ])('%s -> %s', (line, number, rest) => {
    expect(readListNumber(line)).toEqual({ number, rest });
  });

  it.each([
    '808 State - Pacific State',
    '4 Hero - Mr Kirk',
    '2000 and One - Tropical Melons',
    '2 Bad Mice - Bombscare (Remix)',
    '10AM - Good Times',
    '11.59 - TG [Ticking Time]',
    '16+ - Wet Love',
    '1 Aykut Bilir - Humans (Original Mix) Mousike Records',
  ])('keeps the number of "%s" (a bare number is read only inside a numbered list)', (line) => {
    expect(readListNumber(line)).toEqual({ number: null, rest: line });
  });

  it('reads a bare number when the caller knows the list counts', () => {
    expect(readListNumber('1 Aykut Bilir - Humans', { bare: true })).toEqual({ number: 1, rest: 'Aykut Bilir - Humans' });
    expect(readListNumber('5 808 State - Pacific State', { bare: true })).toEqual({ number: 5, rest: '808 State - Pacific State' });
  });
});
