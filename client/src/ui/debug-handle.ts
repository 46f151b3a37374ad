/**
 * A read-only window into the running view for automated browsers (the Playwright tests, bench/client):
 * where a track is drawn, what is in the store, frame times, and whether the layout has settled. It never
 * changes anything; it exists because a canvas has no DOM to query.
 */
import type { SettledMessage } from '../layout/layout-protocol';
import type { GraphStore } from '../model/graph-store';
import type { GraphRenderer } from '../render/graph-renderer';

export interface SongNodesDebugHandle {
  renderer: 'webgl';
  nodeIds(): string[];
  edgeIds(): string[];
  /** CSS pixels relative to the page, or null when the track is not drawn */
  screenPositionOf(id: string): [number, number] | null;
  /** frames drawn so far */
  frames(): number;
  /** main-thread ms per frame since the last call */
  drainFrameTimes(): number[];
  /** the last layout run that cooled down for the current graph, or null while it is still moving */
  settled(): SettledMessage | null;
  changedAt(id: string): number | null;
}

declare global {
  interface Window {
    __songnodes?: SongNodesDebugHandle;
  }
}

export function exposeDebugHandle(store: GraphStore, renderer: GraphRenderer, layout: { settled(): SettledMessage | null }): () => void {
  window.__songnodes = {
    renderer: 'webgl',
    nodeIds: () => [...store.nodeIds()],
    edgeIds: () => store.edgeList().edges.map((edge) => edge.id),
    screenPositionOf: (id) => {
      const position = renderer.screenPositionOf(id);
      if (!position) return null;
      const rect = renderer.canvas.getBoundingClientRect();
      return [rect.left + position[0], rect.top + position[1]];
    },
    frames: () => renderer.stats.frames,
    drainFrameTimes: () => renderer.stats.drain(),
    settled: layout.settled,
    changedAt: (id) => store.changedAtOf(id) ?? null,
  };
  return () => {
    delete window.__songnodes;
  };
}
