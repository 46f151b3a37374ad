import { describe, expect, it } from 'vitest';
import { EMPTY_LENS, EMPTY_URL_STATE, formatUrlState, lensInput, parseUrlState, type UrlState } from './url-state';

const full: UrlState = {
  page: 'explore',
  centreId: '42',
  expandedIds: ['7', '9'],
  filters: { minWeight: 2, depth: 2, direction: 'OUT' },
  selectedIds: ['42', '7'],
  selectedEdgeId: '42->7',
  path: { fromId: '42', toId: '99' },
  lens: { djIds: ['3', '8'], from: '2005-01-01', to: '2012-12-31' },
  setIds: ['42', '7'],
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
    const state = parseUrlState(
      '?track=42&expand=7,9&minWeight=2&depth=2&dir=out&sel=42,7&edge=42-%3E7&path=42,99&djs=3,8&from=2005-01-01&to=2012-12-31&set=42,7',
    );
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

  it('reads the lens: DJs, and an era whose ends are real dates, swapped when written backwards', () => {
    expect(parseUrlState('?djs=5,6&from=2010-02-01').lens).toEqual({ djIds: ['5', '6'], from: '2010-02-01', to: null });
    expect(parseUrlState('?from=2015-01-01&to=2001-01-01').lens).toEqual({ djIds: [], from: '2001-01-01', to: '2015-01-01' });
    expect(parseUrlState('?from=2015-02-30&to=yesterday').lens).toEqual(EMPTY_LENS);
    expect(lensInput(EMPTY_LENS)).toBeNull();
    expect(lensInput({ djIds: ['5'], from: null, to: '2020-01-01' })).toEqual({ djIds: ['5'], to: '2020-01-01' });
    expect(formatUrlState({ ...EMPTY_URL_STATE, lens: { djIds: ['5'], from: '2001-01-01', to: null } })).toBe('?djs=5&from=2001-01-01');
  });

  it('opens the crawl and paste pages by name, the explorer otherwise', () => {
    expect(parseUrlState('?page=crawl').page).toBe('crawl');
    expect(parseUrlState('?page=paste').page).toBe('paste');
    expect(parseUrlState('?page=admin').page).toBe('explore');
    expect(formatUrlState({ ...EMPTY_URL_STATE, page: 'crawl' })).toBe('?page=crawl');
  });

  it('caps long id lists', () => {
    const ids = Array.from({ length: 80 }, (_, i) => String(i + 1));
    expect(parseUrlState(`?expand=${ids.join(',')}`).expandedIds).toHaveLength(50);
  });
});
