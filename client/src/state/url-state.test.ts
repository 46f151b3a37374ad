import { describe, expect, it } from 'vitest';
import { EMPTY_URL_STATE, formatUrlState, parseUrlState, type UrlState } from './url-state';

const full: UrlState = {
  centreId: '42',
  expandedIds: ['7', '9'],
  filters: { minWeight: 2, depth: 2, direction: 'OUT' },
  selectedIds: ['42', '7'],
  selectedEdgeId: '42->7',
  path: { fromId: '42', toId: '99' },
};

describe('URL state', () => {
  it('round-trips a full view', () => {
    expect(parseUrlState(formatUrlState(full))).toEqual(full);
  });

  it('writes nothing for the empty view and leaves defaults out', () => {
    expect(formatUrlState(EMPTY_URL_STATE)).toBe('');
    expect(formatUrlState({ ...EMPTY_URL_STATE, centreId: '5' })).toBe('?track=5');
  });

  it('reads a hand-written link', () => {
    const state = parseUrlState('?track=42&expand=7,9&minWeight=2&depth=2&dir=out&sel=42,7&edge=42-%3E7&path=42,99');
    expect(state).toEqual(full);
  });

  it('falls back to defaults for malformed values instead of failing', () => {
    const state = parseUrlState('?track=&minWeight=-3&depth=9&dir=sideways&edge=nonsense&path=,');
    expect(state).toEqual(EMPTY_URL_STATE);
    expect(parseUrlState('?minWeight=2.5&depth=0').filters).toEqual(EMPTY_URL_STATE.filters);
  });

  it('keeps a path with one end chosen', () => {
    const state = parseUrlState(formatUrlState({ ...EMPTY_URL_STATE, path: { fromId: '3', toId: null } }));
    expect(state.path).toEqual({ fromId: '3', toId: null });
  });

  it('de-duplicates id lists and never lists the centre as expanded', () => {
    expect(parseUrlState('?track=1&expand=1,2,2,,3&sel=4,4').expandedIds).toEqual(['2', '3']);
    expect(parseUrlState('?sel=4,4').selectedIds).toEqual(['4']);
  });

  it('caps long id lists', () => {
    const ids = Array.from({ length: 80 }, (_, i) => String(i + 1));
    expect(parseUrlState(`?expand=${ids.join(',')}`).expandedIds).toHaveLength(50);
  });
});
