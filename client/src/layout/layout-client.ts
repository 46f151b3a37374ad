/**
 * The main-thread side of the layout: sends the worker the graph's shape whenever the store's structure changes
 * (coalesced to one sync per task), and writes the positions it sends back into the store, which tells the
 * renderer to draw. Positions computed for an older shape are dropped by the store.
 */
import type { GraphStore } from '../model/graph-store';
import { nodeRadius } from '../model/visual-scale';
import type { FromWorker, SettledMessage, SyncMessage, ToWorker } from './layout-protocol';

export interface LayoutWorkerLike {
  postMessage(message: ToWorker, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FromWorker>) => void): void;
  terminate(): void;
}

export interface LayoutClientOptions {
  /** called when the layout of the current shape has cooled down */
  onSettled?: (info: SettledMessage) => void;
}

export class LayoutClient {
  private pinnedId: string | null = null;
  private syncQueued = false;
  private disposed = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: GraphStore,
    private readonly worker: LayoutWorkerLike,
    private readonly options: LayoutClientOptions = {},
  ) {
    worker.addEventListener('message', (event) => this.receive(event.data));
    this.unsubscribe = store.subscribe((change) => {
      if (change === 'structure') this.queueSync();
    });
    if (store.nodeCount > 0) this.queueSync();
  }

  /** Holds the centre still, so the view does not drift away from what the user centred. */
  setPinned(id: string | null): void {
    if (id === this.pinnedId) return;
    this.pinnedId = id;
    this.worker.postMessage({ type: 'pin', pinnedId: id });
  }

  /** The simulation's alpha in the last positions received (0 once settled). */
  alpha = 0;

  /** Holds the layout still (Space), or lets it run on. */
  setPaused(paused: boolean): void {
    this.worker.postMessage({ type: 'pause', paused });
  }

  dispose(): void {
    this.disposed = true;
    this.unsubscribe();
    this.worker.postMessage({ type: 'stop' });
    this.worker.terminate();
  }

  private queueSync(): void {
    if (this.syncQueued) return;
    this.syncQueued = true;
    queueMicrotask(() => {
      this.syncQueued = false;
      if (!this.disposed) this.sync();
    });
  }

  private sync(): void {
    const { edges, ends } = this.store.edgeList();
    const ids = [...this.store.nodeIds()];
    const radii = new Float32Array(ids.length);
    for (const [slot, id] of ids.entries()) radii[slot] = nodeRadius(this.store.getNode(id)?.plays ?? 0);
    const weights = Float32Array.from(edges, (edge) => edge.weight);
    const message: SyncMessage = {
      type: 'sync',
      version: this.store.structureVersion,
      ids,
      xy: this.store.positions.snapshot(),
      radii,
      ends: ends.slice(),
      weights,
      pinnedId: this.pinnedId,
    };
    this.worker.postMessage(message, [message.xy.buffer, message.radii.buffer, message.ends.buffer, message.weights.buffer]);
  }

  private receive(message: FromWorker): void {
    if (this.disposed) return;
    if (message.type === 'positions') {
      this.alpha = message.alpha;
      this.store.writePositions(message.version, message.xy);
    } else if (message.version === this.store.structureVersion) this.options.onSettled?.(message);
  }
}

/** The real worker (Vite bundles layout-worker.ts as a module worker). */
export function createLayoutWorker(): Worker {
  return new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module', name: 'songnodes-layout' });
}
