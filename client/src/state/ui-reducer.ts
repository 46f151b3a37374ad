/**
 * UI state as a pure reducer: what is centred, expanded, selected and filtered, which path ends are chosen,
 * whether the keyboard help is open, and the recent live changes. The graph itself lives in the GraphStore.
 */
import { setReducer, type SetAction } from './set-builder';
import { DEFAULT_FILTERS, EMPTY_LENS, MAX_DEPTH, MAX_MIN_WEIGHT, type Filters, type Lens, type Page, type UrlState } from './url-state';

/** One live change, newest first in `UiState.liveChanges`. */
export interface LiveChange {
  /** a transition id (`from->to`) */
  edgeId: string;
  kind: 'added' | 'changed';
  /** ms since epoch */
  at: number;
}

export interface UiState extends UrlState {
  helpOpen: boolean;
  /** the `d` overlay: fps, nodes, edges, layout alpha */
  debugOpen: boolean;
  /** Space stops the layout where it is */
  layoutPaused: boolean;
  /** the "find sets with this track" panel, open with these values */
  request: { artist: string; title: string } | null;
  liveChanges: LiveChange[];
}

export type UiAction =
  | { type: 'centre'; trackId: string }
  | { type: 'expand'; trackId: string }
  | { type: 'select'; trackId: string; additive?: boolean }
  /** replaces (or, additive, extends) the selection with several tracks: Ctrl/Cmd+A, Shift-click ranges */
  | { type: 'selectMany'; trackIds: readonly string[]; additive?: boolean }
  | { type: 'setLens'; lens: Partial<Lens> }
  | { type: 'set'; action: SetAction }
  | { type: 'openPage'; page: Page }
  /** back to the front page: nothing centred */
  | { type: 'home' }
  | { type: 'toggleDebug' }
  | { type: 'openRequest'; artist: string; title: string }
  | { type: 'closeRequest' }
  | { type: 'toggleLayout' }
  | { type: 'selectEdge'; edgeId: string }
  | { type: 'escape' }
  | { type: 'clearSelection' }
  | { type: 'setFilters'; filters: Partial<Filters> }
  | { type: 'setPathEnd'; end: 'fromId' | 'toId'; trackId: string | null }
  | { type: 'toggleHelp' }
  | { type: 'hydrate'; state: UrlState }
  | { type: 'liveChanges'; changes: LiveChange[] }
  | { type: 'trackGone'; trackId: string };

/** How many live changes the panel keeps. */
export const LIVE_CHANGES_KEPT = 20;

export const INITIAL_UI_STATE: UiState = {
  centreId: null,
  expandedIds: [],
  filters: DEFAULT_FILTERS,
  selectedIds: [],
  selectedEdgeId: null,
  path: { fromId: null, toId: null },
  lens: EMPTY_LENS,
  setIds: [],
  page: 'explore',
  helpOpen: false,
  debugOpen: false,
  layoutPaused: false,
  request: null,
  liveChanges: [],
};

export function uiReducer(state: UiState, action: UiAction): UiState {
  switch (action.type) {
    case 'centre':
      return { ...state, page: 'explore', centreId: action.trackId, expandedIds: [], selectedIds: [action.trackId], selectedEdgeId: null };
    case 'expand':
      if (action.trackId === state.centreId || state.expandedIds.includes(action.trackId)) return state;
      return { ...state, expandedIds: [...state.expandedIds, action.trackId] };
    case 'select':
      return { ...state, selectedIds: nextSelection(state.selectedIds, action.trackId, action.additive === true), selectedEdgeId: null };
    case 'selectMany': {
      const ids = action.additive ? [...state.selectedIds, ...action.trackIds] : [...action.trackIds];
      return { ...state, selectedIds: [...new Set(ids)], selectedEdgeId: null };
    }
    case 'setLens':
      return { ...state, lens: normaliseLens({ ...state.lens, ...action.lens }) };
    case 'set':
      return { ...state, setIds: setReducer(state.setIds, action.action) };
    case 'openPage':
      return state.page === action.page ? state : { ...state, page: action.page };
    case 'home':
      return { ...state, page: 'explore', centreId: null, expandedIds: [], selectedIds: [], selectedEdgeId: null };
    case 'openRequest':
      return { ...state, request: { artist: action.artist, title: action.title } };
    case 'closeRequest':
      return state.request === null ? state : { ...state, request: null };
    case 'toggleDebug':
      return { ...state, debugOpen: !state.debugOpen };
    case 'toggleLayout':
      return { ...state, layoutPaused: !state.layoutPaused };
    case 'selectEdge':
      return { ...state, selectedEdgeId: action.edgeId, selectedIds: [] };
    case 'escape':
      if (state.helpOpen) return { ...state, helpOpen: false };
      return { ...state, selectedIds: [], selectedEdgeId: null };
    case 'clearSelection':
      if (state.selectedIds.length === 0 && state.selectedEdgeId === null) return state;
      return { ...state, selectedIds: [], selectedEdgeId: null };
    case 'setFilters':
      return { ...state, filters: normaliseFilters({ ...state.filters, ...action.filters }) };
    case 'setPathEnd':
      return { ...state, path: { ...state.path, [action.end]: action.trackId } };
    case 'toggleHelp':
      return { ...state, helpOpen: !state.helpOpen };
    case 'hydrate':
      return { ...state, ...action.state, filters: normaliseFilters(action.state.filters), lens: normaliseLens(action.state.lens) };
    case 'liveChanges':
      if (action.changes.length === 0) return state;
      return { ...state, liveChanges: [...action.changes, ...state.liveChanges].slice(0, LIVE_CHANGES_KEPT) };
    case 'trackGone':
      return withoutTrack(state, action.trackId);
  }
}

/** Ctrl/Cmd-click toggles a track in the selection; a plain click selects only it. */
function nextSelection(selected: readonly string[], trackId: string, additive: boolean): string[] {
  if (!additive) return [trackId];
  return selected.includes(trackId) ? selected.filter((id) => id !== trackId) : [...selected, trackId];
}

/** DJs once each; an era written backwards is turned round. */
function normaliseLens(lens: Lens): Lens {
  const [from, to] = lens.from && lens.to && lens.from > lens.to ? [lens.to, lens.from] : [lens.from, lens.to];
  return { djIds: [...new Set(lens.djIds)], from, to };
}

function normaliseFilters(filters: Filters): Filters {
  const clamp = (value: number, max: number, fallback: number) => (Number.isInteger(value) && value >= 1 ? Math.min(value, max) : fallback);
  return {
    minWeight: clamp(filters.minWeight, MAX_MIN_WEIGHT, DEFAULT_FILTERS.minWeight),
    depth: clamp(filters.depth, MAX_DEPTH, DEFAULT_FILTERS.depth),
    direction: filters.direction,
  };
}

/** A track left the graph (no longer played, or its credit turned invalid): forget every reference to it. */
function withoutTrack(state: UiState, trackId: string): UiState {
  const touches = (edgeId: string | null) => edgeId !== null && (edgeId.startsWith(`${trackId}->`) || edgeId.endsWith(`->${trackId}`));
  return {
    ...state,
    centreId: state.centreId === trackId ? null : state.centreId,
    expandedIds: state.expandedIds.filter((id) => id !== trackId),
    selectedIds: state.selectedIds.filter((id) => id !== trackId),
    selectedEdgeId: touches(state.selectedEdgeId) ? null : state.selectedEdgeId,
    path: {
      fromId: state.path.fromId === trackId ? null : state.path.fromId,
      toId: state.path.toId === trackId ? null : state.path.toId,
    },
    liveChanges: state.liveChanges.filter((change) => !touches(change.edgeId)),
  };
}

/** The URL part of the UI state. */
export function toUrlState(state: UiState): UrlState {
  const { page, centreId, expandedIds, filters, selectedIds, selectedEdgeId, path, lens, setIds } = state;
  return { page, centreId, expandedIds, filters, selectedIds, selectedEdgeId, path, lens, setIds };
}
