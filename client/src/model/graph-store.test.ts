import { artistValidityCases } from '@songnodes/contracts';
import { describe, expect, it, vi } from 'vitest';
import { GraphStore } from './graph-store';
import type { TrackNode, TransitionInput } from './graph-types';

const track = (id: string, artistCredit = `Artist ${id}`, plays = 1): TrackNode => ({
  id,
  title: `Title ${id}`,
  version: null,
  artistCredit,
  plays,
});
const edge = (from: string, to: string, weight = 1, djs = 1): TransitionInput => ({
  from: { id: from },
  to: { id: to },
  weight,
  djs,
  firstSeen: null,
  lastSeen: null,
});

describe('GraphStore.merge', () => {
  it('adds tracks and transitions by id and never duplicates them', () => {
    const store = new GraphStore();
    const first = store.merge({ nodes: [track('a'), track('b')], edges: [edge('a', 'b', 3)] });
    const again = store.merge({ nodes: [track('b'), track('c')], edges: [edge('a', 'b', 3), edge('b', 'c')] });
    expect(first).toMatchObject({ addedNodes: ['a', 'b'], addedEdges: ['a->b'] });
    expect(again).toMatchObject({ addedNodes: ['c'], addedEdges: ['b->c'], changedEdges: [] });
    expect(store.nodeCount).toBe(3);
    expect(store.edgeCount).toBe(2);
    expect(store.nodeIds()).toEqual(['a', 'b', 'c']);
  });

  it('updates a changed transition in place and reports it as changed', () => {
    const store = new GraphStore();
    store.merge({ nodes: [track('a'), track('b')], edges: [edge('a', 'b', 1)] });
    const result = store.merge({ nodes: [], edges: [edge('a', 'b', 2, 2)] });
    expect(result.changedEdges).toEqual(['a->b']);
    expect(store.getEdge('a->b')).toMatchObject({ weight: 2, djs: 2 });
  });

  it('keeps missing values missing (null), never a placeholder', () => {
    const store = new GraphStore();
    store.merge({ nodes: [track('a'), track('b')], edges: [{ from: { id: 'a' }, to: { id: 'b' }, weight: 1, djs: 1 }] });
    expect(store.getNode('a')?.version).toBeNull();
    expect(store.getEdge('a->b')).toMatchObject({ firstSeen: null, lastSeen: null });
  });

  it('drops transitions whose ends are not in view, and self-loops', () => {
    const store = new GraphStore();
    const result = store.merge({ nodes: [track('a')], edges: [edge('a', 'x'), edge('a', 'a')] });
    expect(result.addedEdges).toEqual([]);
    expect(store.edgeCount).toBe(0);
  });

  it('with onlyKnownNodes, updates what is in view and adds nothing around it', () => {
    const store = new GraphStore();
    store.merge({ nodes: [track('a'), track('b')], edges: [] });
    const result = store.merge(
      { nodes: [track('a'), track('b'), track('z')], edges: [edge('a', 'b'), edge('a', 'z')] },
      { onlyKnownNodes: true },
    );
    expect(result).toMatchObject({ addedNodes: [], addedEdges: ['a->b'] });
    expect(store.hasNode('z')).toBe(false);
  });

  it('stamps live additions and changes so the view can flash them, and expires the stamps', () => {
    const store = new GraphStore();
    store.merge({ nodes: [track('a'), track('b')], edges: [edge('a', 'b')] });
    store.merge({ nodes: [track('c')], edges: [edge('a', 'b', 2), edge('b', 'c')] }, { markChangesAt: 1000 });
    expect(store.changedAtOf('a->b')).toBe(1000);
    expect(store.changedAtOf('b->c')).toBe(1000);
    expect(store.changedAtOf('c')).toBe(1000);
    expect(store.changedAtOf('a')).toBeUndefined();
    store.expireChanges(1001);
    expect(store.changedAtOf('a->b')).toBeUndefined();
  });

  it('notifies structure changes, then attribute changes, once per merge', () => {
    const store = new GraphStore();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.merge({ nodes: [track('a'), track('b')], edges: [edge('a', 'b')] });
    store.merge({ nodes: [], edges: [edge('a', 'b', 5)] });
    store.merge({ nodes: [], edges: [edge('a', 'b', 5)] });
    unsubscribe();
    store.merge({ nodes: [track('c')], edges: [] });
    expect(listener.mock.calls).toEqual([['structure'], ['attributes']]);
  });
});

describe('GraphStore artist-validity guard (contracts/src/artist-validity-cases.json)', () => {
  it.each(artistValidityCases.cases)('"$credit" drawn: $valid', ({ credit, valid }) => {
    const store = new GraphStore();
    const result = store.merge({
      nodes: [track('anchor'), { ...track('candidate'), artistCredit: credit }],
      edges: [edge('anchor', 'candidate'), edge('candidate', 'anchor')],
    });
    expect(store.hasNode('candidate')).toBe(valid);
    expect(store.edgeCount).toBe(valid ? 2 : 0);
    expect(result.rejectedNodes).toEqual(valid ? [] : ['candidate']);
  });

  it('removes a track in view whose credit turns invalid, with its transitions', () => {
    const store = new GraphStore();
    store.merge({ nodes: [track('a'), track('b')], edges: [edge('a', 'b')] });
    store.merge({ nodes: [track('b', 'Unknown Artist')], edges: [edge('a', 'b')] });
    expect(store.hasNode('b')).toBe(false);
    expect(store.edgeCount).toBe(0);
  });
});

describe('GraphStore positions', () => {
  it('places new tracks next to a placed neighbour, and the layout writes only for the current structure', () => {
    const store = new GraphStore();
    store.merge({ nodes: [track('a')], edges: [] });
    store.writePositions(store.structureVersion, new Float32Array([500, 500]));
    store.merge({ nodes: [track('b')], edges: [edge('a', 'b')] });
    const [bx, by] = store.positions.get('b')!;
    expect(Math.hypot(bx - 500, by - 500)).toBeLessThan(100);
    const stale = store.structureVersion - 1;
    expect(store.writePositions(stale, new Float32Array([0, 0, 0, 0]))).toBe(false);
    expect(store.writePositions(store.structureVersion, new Float32Array([1, 2, 3, 4]))).toBe(true);
    expect(store.positions.get('b')).toEqual([3, 4]);
  });

  it('keeps slots dense when a track is removed, and the edge ends follow', () => {
    const store = new GraphStore();
    store.merge({ nodes: [track('a'), track('b'), track('c')], edges: [edge('b', 'c')] });
    store.removeNode('a');
    expect(store.nodeIds()).toEqual(['c', 'b']);
    const { edges, ends } = store.edgeList();
    expect(edges.map((e) => e.id)).toEqual(['b->c']);
    expect([...ends]).toEqual([1, 0]);
  });
});
