import { parseGoldUris } from './gold-pool';

describe('parseGoldUris', () => {
  it('reads one URI, or several separated by commas or whitespace, once each and in order', () => {
    expect(parseGoldUris('bolt://127.0.0.1:7688')).toEqual(['bolt://127.0.0.1:7688']);
    expect(parseGoldUris(' bolt://gold-0:7687, bolt://gold-1:7687,,bolt://gold-0:7687\nbolt://gold-2:7687 ')).toEqual([
      'bolt://gold-0:7687',
      'bolt://gold-1:7687',
      'bolt://gold-2:7687',
    ]);
  });

  it('gives no URI for an empty or separator-only value (the pool then refuses to start)', () => {
    expect(parseGoldUris('')).toEqual([]);
    expect(parseGoldUris(' , ')).toEqual([]);
  });
});
