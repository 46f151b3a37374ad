/**
 * The shareable part of the view, in the query string: centre, expanded tracks, filters, selection, path ends,
 * the lens (DJs and era), the set being built and which page is open.
 * Pure: `parseUrlState(location.search)` and `formatUrlState(state)` round-trip, defaults are left out of the
 * URL, and anything malformed falls back to its default instead of breaking the page.
 *
 *   ?track=42&expand=7,9&minWeight=2&depth=2&dir=out&sel=42,7&edge=42->7&path=42,99&djs=3,8&from=2005-01-01&to=2012-12-31&set=42,7
 */

export type Direction = 'IN' | 'OUT' | 'BOTH';

export interface Filters {
  /** transitions played in fewer setlists are hidden @default 1 */
  minWeight: number;
  /** hops around the centre, 1-3 (the API's cap) @default 1 */
  depth: number;
  /** IN: what DJs play before the centre; OUT: after it @default 'BOTH' */
  direction: Direction;
}

/** Restricts what is counted to some setlists: those of any of these DJs, played within [from, to] (ISO dates). */
export interface Lens {
  djIds: string[];
  from: string | null;
  to: string | null;
}

/** The explorer (front page or graph), the targets and crawl page, or the paste-a-tracklist form. */
export type Page = 'explore' | 'crawl' | 'paste';

export interface UrlState {
  page: Page;
  centreId: string | null;
  expandedIds: string[];
  filters: Filters;
  selectedIds: string[];
  selectedEdgeId: string | null;
  path: { fromId: string | null; toId: string | null };
  lens: Lens;
  /** the set being built, in order */
  setIds: string[];
}

export const EMPTY_LENS: Lens = { djIds: [], from: null, to: null };

export function isLensEmpty(lens: Lens): boolean {
  return lens.djIds.length === 0 && lens.from === null && lens.to === null;
}

/** A stable string for a lens, for effect dependencies and cache keys. */
export function lensKey(lens: Lens): string {
  return `${[...lens.djIds].sort().join(',')}|${lens.from ?? ''}|${lens.to ?? ''}`;
}

/** The lens as the API's LensInput, or null when it restricts nothing. */
export function lensInput(lens: Lens): { djIds?: string[]; from?: string; to?: string } | null {
  if (isLensEmpty(lens)) return null;
  return {
    ...(lens.djIds.length > 0 ? { djIds: lens.djIds } : {}),
    ...(lens.from ? { from: lens.from } : {}),
    ...(lens.to ? { to: lens.to } : {}),
  };
}

export const DEFAULT_FILTERS: Filters = { minWeight: 1, depth: 1, direction: 'BOTH' };
export const MAX_MIN_WEIGHT = 1000;
export const MAX_DEPTH = 3;
/** More expansions than this in one URL is not a view anybody shares; the rest is ignored. */
export const MAX_URL_IDS = 50;

export const EMPTY_URL_STATE: UrlState = {
  page: 'explore',
  centreId: null,
  expandedIds: [],
  filters: DEFAULT_FILTERS,
  selectedIds: [],
  selectedEdgeId: null,
  path: { fromId: null, toId: null },
  lens: EMPTY_LENS,
  setIds: [],
};

export function parseUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const centreId = parseId(params.get('track'));
  const edge = params.get('edge');
  const [pathFrom, pathTo] = (params.get('path') ?? '').split(',');
  let [from, to] = [parseDate(params.get('from')), parseDate(params.get('to'))];
  if (from && to && from > to) [from, to] = [to, from];
  const page = params.get('page');
  return {
    page: page === 'crawl' || page === 'paste' ? page : 'explore',
    centreId,
    expandedIds: parseIdList(params.get('expand')).filter((id) => id !== centreId),
    filters: {
      minWeight: parseInteger(params.get('minWeight'), 1, MAX_MIN_WEIGHT) ?? DEFAULT_FILTERS.minWeight,
      depth: parseInteger(params.get('depth'), 1, MAX_DEPTH) ?? DEFAULT_FILTERS.depth,
      direction: parseDirection(params.get('dir')),
    },
    selectedIds: parseIdList(params.get('sel')),
    selectedEdgeId: edge !== null && isEdgeId(edge) ? edge : null,
    path: { fromId: parseId(pathFrom ?? null), toId: parseId(pathTo ?? null) },
    lens: { djIds: parseIdList(params.get('djs')), from, to },
    setIds: parseIdList(params.get('set')),
  };
}

/** The query string for a state ('' for the empty view, else starting with '?'); defaults are omitted. */
export function formatUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  if (state.page !== 'explore') params.set('page', state.page);
  if (state.centreId) params.set('track', state.centreId);
  if (state.expandedIds.length > 0) params.set('expand', state.expandedIds.slice(0, MAX_URL_IDS).join(','));
  if (state.filters.minWeight !== DEFAULT_FILTERS.minWeight) params.set('minWeight', String(state.filters.minWeight));
  if (state.filters.depth !== DEFAULT_FILTERS.depth) params.set('depth', String(state.filters.depth));
  if (state.filters.direction !== DEFAULT_FILTERS.direction) params.set('dir', state.filters.direction.toLowerCase());
  if (state.selectedIds.length > 0) params.set('sel', state.selectedIds.slice(0, MAX_URL_IDS).join(','));
  if (state.selectedEdgeId) params.set('edge', state.selectedEdgeId);
  if (state.path.fromId || state.path.toId) params.set('path', `${state.path.fromId ?? ''},${state.path.toId ?? ''}`);
  if (state.lens.djIds.length > 0) params.set('djs', state.lens.djIds.slice(0, MAX_URL_IDS).join(','));
  if (state.lens.from) params.set('from', state.lens.from);
  if (state.lens.to) params.set('to', state.lens.to);
  if (state.setIds.length > 0) params.set('set', state.setIds.slice(0, MAX_URL_IDS).join(','));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

function parseId(value: string | null): string | null {
  const id = value?.trim() ?? '';
  return id === '' || id.includes(',') ? null : id;
}

function parseIdList(value: string | null): string[] {
  const ids = (value ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  return [...new Set(ids)].slice(0, MAX_URL_IDS);
}

function parseInteger(value: string | null, min: number, max: number): number | null {
  if (value === null || !/^\d+$/.test(value.trim())) return null;
  const number = Number(value);
  return number >= min && number <= max ? number : null;
}

function parseDirection(value: string | null): Direction {
  const upper = value?.trim().toUpperCase();
  return upper === 'IN' || upper === 'OUT' || upper === 'BOTH' ? upper : DEFAULT_FILTERS.direction;
}

function isEdgeId(value: string): boolean {
  const at = value.indexOf('->');
  return at > 0 && at + 2 < value.length;
}

/** A real calendar date written YYYY-MM-DD, else null. */
export function parseDate(value: string | null): string | null {
  const text = value?.trim() ?? '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text ? text : null;
}
