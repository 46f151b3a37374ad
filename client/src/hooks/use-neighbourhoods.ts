/**
 * Keeps the store filled with what the UI state asks for: the centre's neighbourhood, then each expanded
 * track's, under the current filters. A new centre or new filters start from an empty store; an expansion
 * merges into what is there. The lens (DJs, era) counts as a filter. Answers for a view that has changed meanwhile are dropped.
 */
import type { Client } from '@urql/core';
import { useEffect, useRef, useState } from 'react';
import { fetchSurroundings } from '../data/graph-queries';
import type { GraphStore } from '../model/graph-store';
import type { UiAction } from '../state/ui-reducer';
import { lensKey, type Filters, type Lens } from '../state/url-state';

export interface NeighbourhoodStatus {
  loading: boolean;
  error: string | null;
  /** tracks whose neighbourhood had more transitions than were loaded */
  truncatedIds: string[];
  /** tracks asked for that the graph does not have */
  missingIds: string[];
  /** tracks in the graph without any transition that meets the filters */
  isolatedIds: string[];
  /** bumps whenever the store was emptied for a new view */
  generation: number;
}

export function useNeighbourhoods(
  client: Client,
  store: GraphStore,
  view: { centreId: string | null; expandedIds: readonly string[]; filters: Filters; lens: Lens },
  dispatch: (action: UiAction) => void,
): NeighbourhoodStatus {
  const { centreId, expandedIds, filters, lens } = view;
  const key = `${centreId}|${filters.minWeight}|${filters.depth}|${filters.direction}|${lensKey(lens)}`;
  const loaded = useRef({ key: '', ids: new Set<string>(), generation: 0 });
  const [status, setStatus] = useState<NeighbourhoodStatus>({
    loading: false,
    error: null,
    truncatedIds: [],
    missingIds: [],
    isolatedIds: [],
    generation: 0,
  });
  const expandedKey = expandedIds.join(',');

  useEffect(() => {
    if (loaded.current.key !== key) {
      store.clear();
      loaded.current = { key, ids: new Set(), generation: loaded.current.generation + 1 };
      setStatus({ loading: false, error: null, truncatedIds: [], missingIds: [], isolatedIds: [], generation: loaded.current.generation });
    }
    const todo = [centreId, ...expandedIds].filter((id): id is string => id !== null && !loaded.current.ids.has(id));
    if (todo.length === 0) return;
    let cancelled = false;
    const done = new Set<string>();
    const stillCurrent = () => !cancelled && loaded.current.key === key;
    for (const id of todo) loaded.current.ids.add(id);
    setStatus((s) => ({ ...s, loading: true, error: null }));
    void (async () => {
      for (const id of todo) {
        try {
          const result = await fetchSurroundings(client, id, filters, 'cache-first', lens);
          if (!stillCurrent()) return;
          done.add(id);
          if (result.kind === 'missing') {
            setStatus((s) => ({ ...s, missingIds: [...s.missingIds, id] }));
            if (id !== centreId) dispatch({ type: 'trackGone', trackId: id });
          } else if (result.kind === 'isolated') {
            store.merge({ nodes: [result.track], edges: [] }, { anchorId: id });
            setStatus((s) => ({ ...s, isolatedIds: [...s.isolatedIds, id] }));
          } else {
            store.merge(result.patch, { anchorId: id });
            if (result.truncated) setStatus((s) => ({ ...s, truncatedIds: [...s.truncatedIds, id] }));
          }
        } catch (error) {
          if (stillCurrent()) setStatus((s) => ({ ...s, error: error instanceof Error ? error.message : String(error) }));
          break;
        }
      }
      if (stillCurrent()) setStatus((s) => ({ ...s, loading: false }));
    })();
    return () => {
      cancelled = true;
      // Whatever this run did not finish is asked for again by the next one.
      if (loaded.current.key === key) for (const id of todo) if (!done.has(id)) loaded.current.ids.delete(id);
    };
    // expandedKey stands for expandedIds, and key for centreId and filters.
  }, [client, store, key, expandedKey]);

  return status;
}
