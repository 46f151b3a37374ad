/**
 * UI state as a pure reducer: what is centred, expanded, selected and filtered, which path ends are chosen,
 * whether the keyboard help is open, and the recent live changes. The graph itself lives in the GraphStore.
 */
import { DEFAULT_FILTERS, MAX_DEPTH, MAX_MIN_WEIGHT, type Filters, type UrlState } from './url-state';

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
  liveChanges: LiveChange[];
}

export type UiAction =
  | { type: 'centre'; trackId: string }
  | { type: 'expand'; trackId: string }
  | { type: 'select'; trackId: string; additive?: boolean }
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
  helpOpen: false,
  liveChanges: [],
};

export function uiReducer(state: UiState, action: UiAction): UiState {
  switch (action.type) {
    case 'centre':
      return { ...state, centreId: action.trackId, expandedIds: [], selectedIds: [action.trackId], selectedEdgeId: null };
    case 'expand':
      if (action.trackId === state.centreId || state.expandedIds.includes(action.trackId)) return state;
      return { ...state, expandedIds: [...state.expandedIds, action.trackId] };
    case 'select':
      return { ...state, selectedIds: nextSelection(state.selectedIds, action.trackId, action.additive === true), selectedEdgeId: null };
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
      return { ...state, ...action.state, filters: normaliseFilters(action.state.filters) };
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

function normaliseFilters(filters: Filters): Filters {
  const clamp = (value: number, max: number, fallback: number) =>
    Number.isInteger(value) && value >= 1 ? Math.min(value, max) : fallback;
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
  const { centreId, expandedIds, filters, selectedIds, selectedEdgeId, path } = state;
  return { centreId, expandedIds, filters, selectedIds, selectedEdgeId, path };
}
