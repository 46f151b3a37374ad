import { readLens } from './lens';

describe('readLens', () => {
  it('is no lens when nothing restricts', () => {
    expect(readLens(null)).toBeNull();
    expect(readLens(undefined)).toBeNull();
    expect(readLens({})).toBeNull();
    expect(readLens({ djIds: [], from: null, to: null })).toBeNull();
  });
  it('reads DJs (deduplicated) and dates', () => {
    expect(readLens({ djIds: ['7', '3', '7'] })).toEqual({ djIds: [7, 3], from: null, to: null });
    expect(readLens({ from: '2020-02-29', to: '2020-03-01' })).toEqual({ djIds: null, from: '2020-02-29', to: '2020-03-01' });
  });
  it.each([
    [{ from: '2021-02-29' }, /lens.from must be a calendar date/],
    [{ to: '2021-1-1' }, /lens.to must be a calendar date/],
    [{ from: '2022-01-02', to: '2022-01-01' }, /is after lens.to/],
    [{ djIds: ['12a'] }, /lens.djIds must be/],
    [{ djIds: Array.from({ length: 51 }, (_, i) => String(i)) }, /at most 50 DJs/],
  ])('refuses %j', (input, message) => {
    expect(() => readLens(input)).toThrow(message);
  });
});
