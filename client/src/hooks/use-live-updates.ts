/**
 * Live updates: subscribes to graphChanged for the tracks in view, and when the sync reports a change around
 * them, re-reads just those neighbourhoods and merges them with a highlight stamp. Anchors (the centre and the
 * expanded tracks) may grow; around any other track only what sits between tracks already in view is updated,
 * so the view never grows by itself.
 */
import type { Client } from '@urql/core';
import { useEffect, useRef, useState } from 'react';
import { fetchSurroundings } from '../data/graph-queries';
import { GraphChangedDocument } from '../generated/graphql';
import type { GraphStore } from '../model/graph-store';
import type { LiveChange, UiAction } from '../state/ui-reducer';
import type { Filters, Lens } from '../state/url-state';

/** Tracks watched at most; a larger view watches its first ones (anchors come first). */
export const MAX_WATCHED = 2000;
/** Tracks around which one change re-reads at most, beyond the anchors. */
const MAX_REFRESHED = 25;

interface LiveView {
  centreId: string | null;
  expandedIds: readonly string[];
  filters: Filters;
  lens: Lens;
}

/** Returns how many tracks the live subscription currently watches. */
export function useLiveUpdates(
  client: Client,
  store: GraphStore,
  view: LiveView,
  structureVersion: number,
  dispatch: (action: UiAction) => void,
): number {
  const viewRef = useRef(view);
  viewRef.current = view;
  const [watched, setWatched] = useState('');

  useEffect(() => {
    // Debounced: an expansion arrives in a burst of merges; resubscribe once it has landed.
    const timer = setTimeout(() => {
      const anchors = [view.centreId, ...view.expandedIds].filter((id): id is string => id !== null && store.hasNode(id));
      const ids = [...new Set([...anchors, ...store.nodeIds()])].slice(0, MAX_WATCHED);
      setWatched(ids.join(','));
    }, 250);
    return () => clearTimeout(timer);
  }, [store, structureVersion, view.centreId, view.expandedIds]);

  useEffect(() => {
    if (watched === '') return;
    let queue = Promise.resolve();
    let active = true;
    const subscription = client.subscription(GraphChangedDocument, { trackIds: watched.split(',') }).subscribe((result) => {
      const changed = result.data?.graphChanged.trackIds.filter((id) => store.hasNode(id)) ?? [];
      if (changed.length === 0) return;
      queue = queue.then(() => (active ? refresh(client, store, viewRef.current, changed, dispatch) : undefined)).catch(() => undefined);
    });
    return () => {
      active = false;
      subscription.unsubscribe();
    };
  }, [client, store, watched, dispatch]);

  return watched === '' ? 0 : watched.split(',').length;
}

async function refresh(
  client: Client,
  store: GraphStore,
  view: LiveView,
  changed: string[],
  dispatch: (action: UiAction) => void,
): Promise<void> {
  const anchors = new Set([view.centreId, ...view.expandedIds].filter((id): id is string => id !== null));
  const now = Date.now();
  const changes: LiveChange[] = [];
  const targets = [...changed.filter((id) => anchors.has(id)), ...changed.filter((id) => !anchors.has(id)).slice(0, MAX_REFRESHED)];
  for (const id of targets) {
    const isAnchor = anchors.has(id);
    const filters = isAnchor ? view.filters : { ...view.filters, depth: 1 };
    const result = await fetchSurroundings(client, id, filters, 'network-only', view.lens);
    if (result.kind === 'missing') {
      store.removeNode(id);
      dispatch({ type: 'trackGone', trackId: id });
      continue;
    }
    const patch = result.kind === 'neighbourhood' ? result.patch : { nodes: [result.track], edges: [] };
    const merged = store.merge(patch, { markChangesAt: now, onlyKnownNodes: !isAnchor, anchorId: id });
    for (const edgeId of merged.addedEdges) changes.push({ edgeId, kind: 'added', at: now });
    for (const edgeId of merged.changedEdges) changes.push({ edgeId, kind: 'changed', at: now });
  }
  dispatch({ type: 'liveChanges', changes });
}
