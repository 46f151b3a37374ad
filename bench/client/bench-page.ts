/**
 * bench/client page: feeds one synthetic neighbourhood (size from ?nodes=N) into the real explorer pipeline —
 * GraphStore, the d3-force layout worker, the PixiJS renderer — with no React and no server, and measures
 * with the Performance API:
 *   - first frame: from the response text in hand (JSON.parse included) to the end of the first drawn frame
 *     that holds the data, and to the next animation frame (the frame has been handed to the compositor);
 *   - layout settle: from the same start until the worker reports the simulation cooled down;
 *   - main-thread time per frame while the layout runs: the renderer's frame callback plus the worker
 *     messages (position copies) handled since the previous frame.
 * The result is left in window.__benchResult for run.mjs.
 */
import { LayoutClient, createLayoutWorker } from '../../client/src/layout/layout-client';
import { GraphStore } from '../../client/src/model/graph-store';
import { summariseDurations } from '../../client/src/render/frame-stats';
import { EMPTY_VIEW, GraphRenderer } from '../../client/src/render/graph-renderer';
import { syntheticNeighbourhood } from './synthetic-neighbourhood';

declare global {
  interface Window {
    __benchResult?: unknown;
    __benchError?: string;
  }
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

async function run(): Promise<void> {
  const nodes = Number(new URLSearchParams(window.location.search).get('nodes') ?? '2000');
  const payload = JSON.stringify({ data: { neighbourhood: syntheticNeighbourhood(nodes) } });
  const host = document.getElementById('graph')!;
  const store = new GraphStore();
  const renderer = await GraphRenderer.create(host, store);
  renderer.setView({ ...EMPTY_VIEW, centreId: '100000' });
  await nextFrame();
  await nextFrame();
  renderer.stats.drain();

  // Worker messages handled on the main thread, attributed to the next frame.
  let messageMs = 0;
  const writePositions = store.writePositions.bind(store);
  store.writePositions = (version, xy) => {
    const started = performance.now();
    const applied = writePositions(version, xy);
    messageMs += performance.now() - started;
    return applied;
  };
  const frames: { renderMs: number; totalMs: number }[] = [];
  let firstFrameEnd: number | null = null;
  renderer.onFrame = (renderMs) => {
    firstFrameEnd ??= performance.now();
    frames.push({ renderMs, totalMs: renderMs + messageMs });
    messageMs = 0;
  };
  let settledAt: number | null = null;
  let settledInfo: { ticks: number; ms: number } | null = null;
  const settled = new Promise<void>((resolve) => {
    const layout = new LayoutClient(store, createLayoutWorker(), {
      onSettled: (info) => {
        settledAt = performance.now();
        settledInfo = { ticks: info.ticks, ms: info.ms };
        resolve();
        layout.setPinned(null);
      },
    });
    layout.setPinned('100000');
  });

  // Long animation frames (>= 50 ms of main-thread work, whatever caused it) from the data on, as a cross-check
  // of the above (set-up before the data arrives — PIXI init, generating the graph — is left out).
  const longFrames: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.startTime >= started - 20) longFrames.push(entry.duration);
  });
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) observer.observe({ type: 'long-animation-frame' });

  const started = performance.now();
  const response = JSON.parse(payload) as { data: { neighbourhood: ReturnType<typeof syntheticNeighbourhood> } };
  const parsed = performance.now();
  const neighbourhood = response.data.neighbourhood;
  store.merge({ nodes: [neighbourhood.center, ...neighbourhood.nodes], edges: neighbourhood.edges }, { anchorId: neighbourhood.center.id });
  const merged = performance.now();
  const presented = await nextFrame().then(nextFrame);
  const firstFrameMs = (firstFrameEnd ?? presented) - started;
  await settled;
  observer.disconnect();
  const layoutFrames = frames.slice(1);
  const total = summariseDurations(layoutFrames.map((f) => f.totalMs));
  const render = summariseDurations(layoutFrames.map((f) => f.renderMs));
  const round = (value: number | undefined) => (value === undefined ? null : Math.round(value * 100) / 100);
  window.__benchResult = {
    nodes: store.nodeCount,
    edges: store.edgeCount,
    parseMs: round(parsed - started),
    mergeMs: round(merged - parsed),
    firstFrameMs: round(firstFrameMs),
    firstFramePresentedMs: round(presented - started),
    layoutSettleMs: round(settledAt! - started),
    layoutTicks: settledInfo!.ticks,
    layoutWorkerMs: round(settledInfo!.ms),
    framesWhileLayoutRuns: layoutFrames.length,
    frameMainThreadMs: { median: round(total?.median), p95: round(total?.p95), max: round(total?.max) },
    frameRenderOnlyMs: { median: round(render?.median), p95: round(render?.p95) },
    longAnimationFrames: { count: longFrames.length, maxMs: round(Math.max(0, ...longFrames)) },
    framesPerSecondWhileLayoutRuns: round(layoutFrames.length / ((settledAt! - (firstFrameEnd ?? started)) / 1000)),
  };
  renderer.destroy();
}

run().catch((error: unknown) => {
  window.__benchError = error instanceof Error ? `${error.message}\n${error.stack}` : String(error);
});
