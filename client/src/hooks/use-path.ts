/**
 * The path finder: once both ends are chosen, asks for the most-travelled route and merges its tracks and
 * transitions into the store (under the lens), so the route is drawn (highlighted) even where it leaves the loaded neighbourhood.
 */
import type { Client } from '@urql/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { fetchPath, type FoundPath } from '../data/graph-queries';
import type { GraphStore } from '../model/graph-store';
import { edgeIdOf } from '../model/graph-types';
import { EMPTY_LENS, lensKey, type Lens } from '../state/url-state';

/** The API caps maxHops at 8. */
export const PATH_MAX_HOPS = 6;

export interface PathState {
  status: 'idle' | 'loading' | 'found' | 'none' | 'error';
  path: FoundPath | null;
  error: string | null;
  nodeIds: ReadonlySet<string>;
  edgeIds: ReadonlySet<string>;
}

const NO_IDS: ReadonlySet<string> = new Set();

export function usePath(
  client: Client,
  store: GraphStore,
  ends: { fromId: string | null; toId: string | null },
  generation: number,
  lens: Lens = EMPTY_LENS,
): PathState {
  const { fromId, toId } = ends;
  const lensRef = useRef(lens);
  lensRef.current = lens;
  const lensId = lensKey(lens);
  const [state, setState] = useState<Omit<PathState, 'nodeIds' | 'edgeIds'>>({ status: 'idle', path: null, error: null });

  useEffect(() => {
    if (!fromId || !toId || fromId === toId) {
      setState({ status: 'idle', path: null, error: null });
      return;
    }
    let cancelled = false;
    setState({ status: 'loading', path: null, error: null });
    fetchPath(client, fromId, toId, PATH_MAX_HOPS, lensRef.current).then(
      (path) => {
        if (cancelled) return;
        if (path) store.merge({ nodes: path.tracks, edges: path.transitions }, { anchorId: fromId });
        setState({ status: path ? 'found' : 'none', path, error: null });
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: 'error', path: null, error: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      cancelled = true;
    };
    // generation: a new view emptied the store, so the route is merged again.
  }, [client, store, fromId, toId, generation, lensId]);

  const nodeIds = useMemo(() => (state.path ? new Set(state.path.tracks.map((t) => t.id)) : NO_IDS), [state.path]);
  const edgeIds = useMemo(
    () => (state.path ? new Set(state.path.transitions.map((t) => edgeIdOf(t.from.id, t.to.id))) : NO_IDS),
    [state.path],
  );
  return { ...state, nodeIds, edgeIds };
}
