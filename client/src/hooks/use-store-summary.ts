/**
 * React's window onto the graph store: counts and versions, re-rendering only when tracks or transitions change
 * (never on position updates, which arrive every frame while the layout runs).
 */
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { GraphStore } from '../model/graph-store';

export interface StoreSummary {
  nodeCount: number;
  edgeCount: number;
  structureVersion: number;
  attributeVersion: number;
}

export function useStoreSummary(store: GraphStore): StoreSummary {
  const cached = useRef<StoreSummary | null>(null);
  const subscribe = useCallback(
    (notify: () => void) =>
      store.subscribe((change) => {
        if (change !== 'positions') notify();
      }),
    [store],
  );
  const getSnapshot = useCallback(() => {
    const current = cached.current;
    if (current && current.structureVersion === store.structureVersion && current.attributeVersion === store.attributeVersion)
      return current;
    cached.current = {
      nodeCount: store.nodeCount,
      edgeCount: store.edgeCount,
      structureVersion: store.structureVersion,
      attributeVersion: store.attributeVersion,
    };
    return cached.current;
  }, [store]);
  return useSyncExternalStore(subscribe, getSnapshot);
}
