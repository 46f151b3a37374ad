import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import type { NeighbourhoodStatus } from '../hooks/use-neighbourhoods';
import type { StoreSummary } from '../hooks/use-store-summary';
import { createLayoutWorker, LayoutClient } from '../layout/layout-client';
import type { SettledMessage } from '../layout/layout-protocol';
import type { GraphStore } from '../model/graph-store';
import { panBy, zoomAround } from '../render/camera';
import { GraphRenderer, type RenderView } from '../render/graph-renderer';
import { attachPointerGestures } from '../render/pointer-gestures';
import type { UiAction } from '../state/ui-reducer';
import { exposeDebugHandle } from './debug-handle';
import { GraphStatus } from './GraphStatus';
import { DebugOverlay } from './DebugOverlay';
import { Legend } from './Legend';

export interface GraphViewHandle {
  zoom(factor: number): void;
  pan(dx: number, dy: number): void;
  fit(): void;
  /** the canvas as a PNG data URL, or null before the renderer exists */
  toPngDataUrl(): string | null;
}

interface GraphViewProps {
  ref: Ref<GraphViewHandle>;
  store: GraphStore;
  view: RenderView;
  summary: StoreSummary;
  status: NeighbourhoodStatus;
  hasCentre: boolean;
  layoutPaused: boolean;
  debugOpen: boolean;
  dispatch: (action: UiAction) => void;
}

/** Hosts the PIXI renderer and the layout worker for the lifetime of the component; React itself never draws. */
export function GraphView({ ref, store, view, summary, status, hasCentre, layoutPaused, debugOpen, dispatch }: GraphViewProps) {
  const host = useRef<HTMLDivElement>(null);
  const renderer = useRef<GraphRenderer | null>(null);
  const layout = useRef<LayoutClient | null>(null);
  const latestView = useRef(view);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    let disposed = false;
    let settled: SettledMessage | null = null;
    const cleanups: (() => void)[] = [];
    const layoutClient = new LayoutClient(store, createLayoutWorker(), { onSettled: (info) => (settled = info) });
    cleanups.push(
      store.subscribe((change) => {
        if (change === 'structure') settled = null;
      }),
    );
    layoutClient.setPinned(latestView.current.centreId);
    layout.current = layoutClient;
    GraphRenderer.create(element, store).then(
      (created) => {
        if (disposed) return created.destroy();
        renderer.current = created;
        created.setView(latestView.current);
        cleanups.push(
          attachPointerGestures(created.canvas, {
            click: (x, y, additive, range) => {
              const trackId = created.nodeAt(x, y);
              const edgeId = trackId ? null : created.edgeAt(x, y);
              const anchorId = latestView.current.selectedIds.size > 0 ? [...latestView.current.selectedIds].at(-1)! : null;
              if (trackId && range && anchorId)
                dispatch({ type: 'selectMany', trackIds: tracksBetween(store, created, anchorId, trackId), additive: true });
              else if (trackId) dispatch({ type: 'select', trackId, additive });
              else if (edgeId) dispatch({ type: 'selectEdge', edgeId });
              else if (!additive) dispatch({ type: 'clearSelection' });
            },
            doubleClick: (x, y) => {
              const trackId = created.nodeAt(x, y);
              if (trackId) dispatch({ type: 'expand', trackId });
            },
            hover: (x, y) => {
              const trackId = created.nodeAt(x, y);
              created.setHover(trackId);
              created.canvas.style.cursor = trackId || created.edgeAt(x, y) ? 'pointer' : '';
            },
            leave: () => created.setHover(null),
            pan: (dx, dy) => created.setCamera(panBy(created.getCamera(), dx, dy)),
            zoom: (x, y, factor) => created.setCamera(zoomAround(created.getCamera(), created.viewport(), x, y, factor)),
          }),
          exposeDebugHandle(store, created, { settled: () => settled }),
        );
      },
      (error: unknown) => !disposed && setFailure(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      disposed = true;
      for (const cleanup of cleanups) cleanup();
      renderer.current?.destroy();
      renderer.current = null;
      layoutClient.dispose();
      layout.current = null;
    };
  }, [store, dispatch]);

  useEffect(() => {
    const centreChanged = latestView.current.centreId !== view.centreId;
    latestView.current = view;
    renderer.current?.setView(view);
    layout.current?.setPinned(view.centreId);
    if (centreChanged) renderer.current?.fit();
  }, [view]);

  useEffect(() => {
    layout.current?.setPaused(layoutPaused);
  }, [layoutPaused]);

  useImperativeHandle(ref, () => ({
    zoom: (factor) => {
      const r = renderer.current;
      if (r) r.setCamera(zoomAround(r.getCamera(), r.viewport(), r.viewport().width / 2, r.viewport().height / 2, factor));
    },
    pan: (dx, dy) => renderer.current?.setCamera(panBy(renderer.current.getCamera(), dx, dy)),
    fit: () => renderer.current?.fit(),
    toPngDataUrl: () => renderer.current?.toPngDataUrl() ?? null,
  }));

  return (
    <div
      className="graph-view"
      data-graph-view
      tabIndex={0}
      aria-label={`Graph: ${summary.nodeCount} tracks, ${summary.edgeCount} transitions`}
      role="application"
    >
      <div className="graph-canvas" ref={host} data-testid="graph-canvas" />
      <GraphStatus summary={summary} status={status} hasCentre={hasCentre} failure={failure} />
      {layoutPaused && <div className="pill layout-paused">layout paused (Space)</div>}
      {debugOpen && <DebugOverlay store={store} renderer={renderer} layout={layout} />}
      <Legend />
    </div>
  );
}

/** Shift-click: every track drawn inside the screen rectangle spanned by the anchor and the clicked track. */
function tracksBetween(store: GraphStore, renderer: GraphRenderer, anchorId: string, trackId: string): string[] {
  const a = renderer.screenPositionOf(anchorId);
  const b = renderer.screenPositionOf(trackId);
  if (!a || !b) return [trackId];
  const [x0, x1] = [Math.min(a[0], b[0]), Math.max(a[0], b[0])];
  const [y0, y1] = [Math.min(a[1], b[1]), Math.max(a[1], b[1])];
  return store.nodeIds().filter((id) => {
    const p = renderer.screenPositionOf(id);
    return p !== null && p[0] >= x0 && p[0] <= x1 && p[1] >= y0 && p[1] <= y1;
  });
}
