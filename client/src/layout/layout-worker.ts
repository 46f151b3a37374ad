/**
 * The layout worker: runs ForceLayout off the main thread and posts positions (transferred, not copied) about
 * once per tick batch, until the simulation settles. Syncs arriving mid-run are picked up between batches.
 */
import { ForceLayout } from './force-layout';
import type { FromWorker, ToWorker } from './layout-protocol';

/** Ticking per batch; leaves room to receive syncs and keeps positions flowing at about display rate. */
const BATCH_BUDGET_MS = 12;

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const layout = new ForceLayout();
let timer: ReturnType<typeof setTimeout> | null = null;
let runStarted = 0;
let runTicks = 0;
let paused = false;

function runBatch(): void {
  timer = null;
  runTicks += layout.step(BATCH_BUDGET_MS);
  const xy = layout.positions();
  scope.postMessage({ type: 'positions', version: layout.version, xy, alpha: layout.alpha }, [xy.buffer]);
  if (layout.settled) {
    scope.postMessage({ type: 'settled', version: layout.version, ticks: runTicks, ms: performance.now() - runStarted }, []);
    return;
  }
  timer = setTimeout(runBatch, 0);
}

function ensureRunning(): void {
  if (timer !== null || paused) return;
  runStarted = performance.now();
  runTicks = 0;
  timer = setTimeout(runBatch, 0);
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'sync') {
    layout.sync(message);
    ensureRunning();
  } else if (message.type === 'pin') {
    layout.pin(message.pinnedId);
  } else if (message.type === 'pause') {
    paused = message.paused;
    if (paused && timer !== null) {
      clearTimeout(timer);
      timer = null;
    } else if (!paused && !layout.settled) {
      ensureRunning();
    }
  } else if (timer !== null) {
    clearTimeout(timer);
    timer = null;
  }
};
