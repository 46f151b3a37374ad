import { describe, expect, it, vi } from 'vitest';
import { GraphStore } from '../model/graph-store';
import type { TrackNode } from '../model/graph-types';
import { LayoutClient, type LayoutWorkerLike } from './layout-client';
import type { FromWorker, SyncMessage, ToWorker } from './layout-protocol';

const track = (id: string): TrackNode => ({ id, title: id, version: null, artistCredit: `Artist ${id}`, plays: 4 });

function fakeWorker() {
  const sent: ToWorker[] = [];
  let listener: ((event: MessageEvent<FromWorker>) => void) | null = null;
  const worker: LayoutWorkerLike = {
    postMessage: (message) => void sent.push(message),
    addEventListener: (_type, l) => {
      listener = l;
    },
    terminate: vi.fn(),
  };
  const reply = (message: FromWorker) => listener?.({ data: message } as MessageEvent<FromWorker>);
  return { worker, sent, reply };
}

describe('LayoutClient', () => {
  it('sends one sync per burst of structure changes, with slots, radii and edge ends', async () => {
    const store = new GraphStore();
    const { worker, sent } = fakeWorker();
    const client = new LayoutClient(store, worker);
    client.setPinned('a');
    store.merge({ nodes: [track('a'), track('b')], edges: [] });
    store.merge({ nodes: [track('c')], edges: [{ from: { id: 'a' }, to: { id: 'c' }, weight: 3, djs: 2 }] });
    await Promise.resolve();
    const syncs = sent.filter((m): m is SyncMessage => m.type === 'sync');
    expect(syncs).toHaveLength(1);
    expect(syncs[0]).toMatchObject({ version: store.structureVersion, ids: ['a', 'b', 'c'], pinnedId: 'a' });
    expect([...syncs[0]!.ends]).toEqual([0, 2]);
    expect([...syncs[0]!.weights]).toEqual([3]);
    expect(syncs[0]!.radii[0]).toBeGreaterThan(4);
    client.dispose();
    expect(worker.terminate).toHaveBeenCalled();
  });

  it('writes current positions into the store and drops stale ones', () => {
    const store = new GraphStore();
    const { worker, reply } = fakeWorker();
    const settled = vi.fn();
    const client = new LayoutClient(store, worker, { onSettled: settled });
    store.merge({ nodes: [track('a')], edges: [] });
    reply({ type: 'positions', version: store.structureVersion - 1, xy: new Float32Array([9, 9]), alpha: 1 });
    expect(store.positions.get('a')).not.toEqual([9, 9]);
    reply({ type: 'positions', version: store.structureVersion, xy: new Float32Array([7, 8]), alpha: 0.5 });
    expect(store.positions.get('a')).toEqual([7, 8]);
    reply({ type: 'settled', version: store.structureVersion, ticks: 120, ms: 300 });
    expect(settled).toHaveBeenCalledWith(expect.objectContaining({ ticks: 120 }));
    client.dispose();
  });
});
