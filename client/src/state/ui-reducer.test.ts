import { describe, expect, it } from 'vitest';
import { INITIAL_UI_STATE, LIVE_CHANGES_KEPT, toUrlState, uiReducer, type UiAction, type UiState } from './ui-reducer';

const run = (...actions: UiAction[]): UiState => actions.reduce(uiReducer, INITIAL_UI_STATE);

describe('uiReducer', () => {
  it('centring a track resets expansions and selects it', () => {
    const state = run({ type: 'centre', trackId: 'a' }, { type: 'expand', trackId: 'b' }, { type: 'centre', trackId: 'c' });
    expect(state).toMatchObject({ centreId: 'c', expandedIds: [], selectedIds: ['c'], selectedEdgeId: null });
  });

  it('expands each track once, never the centre', () => {
    const state = run(
      { type: 'centre', trackId: 'a' },
      { type: 'expand', trackId: 'a' },
      { type: 'expand', trackId: 'b' },
      { type: 'expand', trackId: 'b' },
    );
    expect(state.expandedIds).toEqual(['b']);
  });

  it('a plain click selects one track; Ctrl/Cmd-click toggles tracks in and out', () => {
    const state = run(
      { type: 'select', trackId: 'a' },
      { type: 'select', trackId: 'b', additive: true },
      { type: 'select', trackId: 'c', additive: true },
      { type: 'select', trackId: 'b', additive: true },
    );
    expect(state.selectedIds).toEqual(['a', 'c']);
    expect(uiReducer(state, { type: 'select', trackId: 'd' }).selectedIds).toEqual(['d']);
  });

  it('selecting an edge replaces the track selection', () => {
    const state = run({ type: 'select', trackId: 'a' }, { type: 'selectEdge', edgeId: 'a->b' });
    expect(state).toMatchObject({ selectedIds: [], selectedEdgeId: 'a->b' });
  });

  it('Escape closes the help first, then clears the selection', () => {
    const open = run({ type: 'select', trackId: 'a' }, { type: 'toggleHelp' });
    const closed = uiReducer(open, { type: 'escape' });
    expect(closed).toMatchObject({ helpOpen: false, selectedIds: ['a'] });
    expect(uiReducer(closed, { type: 'escape' }).selectedIds).toEqual([]);
  });

  it('keeps filters within the API caps', () => {
    const state = run({ type: 'setFilters', filters: { depth: 7, minWeight: 0 } }, { type: 'setFilters', filters: { direction: 'IN' } });
    expect(state.filters).toEqual({ minWeight: 1, depth: 3, direction: 'IN' });
  });

  it('sets path ends one at a time', () => {
    const state = run({ type: 'setPathEnd', end: 'fromId', trackId: 'a' }, { type: 'setPathEnd', end: 'toId', trackId: 'z' });
    expect(state.path).toEqual({ fromId: 'a', toId: 'z' });
  });

  it('hydrates from the URL and keeps UI-only state', () => {
    const opened = run({ type: 'toggleHelp' });
    const state = uiReducer(opened, { type: 'hydrate', state: { ...toUrlState(INITIAL_UI_STATE), centreId: 'x' } });
    expect(state).toMatchObject({ centreId: 'x', helpOpen: true });
  });

  it('keeps the newest live changes first, up to a cap', () => {
    const changes = Array.from({ length: 25 }, (_, i) => ({ edgeId: `a->${i}`, kind: 'added' as const, at: i }));
    const state = run({ type: 'liveChanges', changes: changes.slice(0, 5) }, { type: 'liveChanges', changes: changes.slice(5) });
    expect(state.liveChanges).toHaveLength(LIVE_CHANGES_KEPT);
    expect(state.liveChanges[0]?.edgeId).toBe('a->5');
  });

  it('forgets a track that left the graph everywhere it was referenced', () => {
    const state = run(
      { type: 'centre', trackId: 'a' },
      { type: 'expand', trackId: 'b' },
      { type: 'select', trackId: 'b', additive: true },
      { type: 'setPathEnd', end: 'toId', trackId: 'b' },
      { type: 'liveChanges', changes: [{ edgeId: 'a->b', kind: 'added', at: 1 }] },
      { type: 'trackGone', trackId: 'b' },
    );
    expect(state).toMatchObject({ centreId: 'a', expandedIds: [], selectedIds: ['a'], path: { toId: null }, liveChanges: [] });
  });

  it('keeps the lens normalised: DJs once each, an era turned round when written backwards', () => {
    const state = run(
      { type: 'setLens', lens: { djIds: ['5', '5', '6'] } },
      { type: 'setLens', lens: { from: '2012-01-01', to: '2003-01-01' } },
    );
    expect(state.lens).toEqual({ djIds: ['5', '6'], from: '2003-01-01', to: '2012-01-01' });
    expect(toUrlState(state).lens).toEqual(state.lens);
    expect(uiReducer(state, { type: 'setLens', lens: { djIds: [], from: null, to: null } }).lens).toEqual({
      djIds: [],
      from: null,
      to: null,
    });
  });

  it('builds a set through the set reducer and shares it in the URL state', () => {
    const state = run(
      { type: 'set', action: { type: 'add', trackId: 'a' } },
      { type: 'set', action: { type: 'add', trackId: 'b' } },
      { type: 'set', action: { type: 'move', from: 1, to: 0 } },
    );
    expect(state.setIds).toEqual(['b', 'a']);
    expect(toUrlState(state).setIds).toEqual(['b', 'a']);
  });

  it('selects many at once, and home leaves the graph for the front page', () => {
    const state = run(
      { type: 'centre', trackId: 'a' },
      { type: 'selectMany', trackIds: ['b', 'c'], additive: true },
      { type: 'selectMany', trackIds: ['c', 'd'], additive: true },
    );
    expect(state.selectedIds).toEqual(['a', 'b', 'c', 'd']);
    expect(uiReducer(state, { type: 'selectMany', trackIds: ['x'] }).selectedIds).toEqual(['x']);
    const home = uiReducer({ ...state, page: 'crawl' }, { type: 'home' });
    expect(home).toMatchObject({ page: 'explore', centreId: null, selectedIds: [] });
    expect(uiReducer(home, { type: 'centre', trackId: 'z' }).page).toBe('explore');
  });
});
