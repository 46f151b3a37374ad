import { describe, expect, it } from 'vitest';
import type { TrackNode, TransitionEdge } from '../model/graph-types';
import { buildDrawModel, FLASH_MS, type DrawInput } from './draw-model';
import { PALETTE } from './palette';

const nodes: Record<string, TrackNode> = Object.fromEntries(
  ['a', 'b', 'c', 'd'].map((id, i) => [id, { id, title: id, version: null, artistCredit: 'X', plays: (i + 1) * 3 }]),
);
const edge = (from: string, to: string, weight: number): TransitionEdge => ({
  id: `${from}->${to}`,
  from,
  to,
  weight,
  djs: weight,
  firstSeen: null,
  lastSeen: null,
});
const edges = [edge('a', 'b', 5), edge('b', 'c', 1), edge('c', 'a', 3)];

const input = (overrides: Partial<DrawInput> = {}): DrawInput => ({
  ids: ['a', 'b', 'c', 'd'],
  nodeOf: (id) => nodes[id],
  edges,
  centreId: null,
  selectedIds: new Set(),
  selectedEdgeId: null,
  hoverId: null,
  pathNodeIds: new Set(),
  pathEdgeIds: new Set(),
  minWeight: 1,
  changedAtOf: () => undefined,
  now: 0,
  ...overrides,
});
const rgba = (array: Float32Array, i: number) => [...array.slice(i * 4, i * 4 + 4)];
const close = (actual: number[], expected: readonly number[]) => {
  expect(actual).toHaveLength(expected.length);
  for (const [i, v] of expected.entries()) expect(actual[i]).toBeCloseTo(v);
};

describe('buildDrawModel', () => {
  it('hides transitions under the minimum weight, and tracks left without any', () => {
    const model = buildDrawModel(input({ minWeight: 3 }));
    expect([...model.visibleEdges]).toEqual([2, 0]);
    expect([...model.nodeVisible]).toEqual([1, 1, 1, 0]);
    expect(model.nodeRadius[3]).toBe(0);
  });

  it('draws heavier transitions thicker and on top', () => {
    const model = buildDrawModel(input());
    expect([...model.visibleEdges]).toEqual([1, 2, 0]);
    expect(model.edgeWidth[0]).toBeGreaterThan(model.edgeWidth[1]!);
  });

  it('colours what is played before and after the selected track', () => {
    const model = buildDrawModel(input({ selectedIds: new Set(['b']) }));
    close(rgba(model.edgeColour, 0), PALETTE.edgeBefore);
    close(rgba(model.edgeColour, 1), PALETTE.edgeAfter);
    close(rgba(model.edgeColour, 2), PALETTE.edgeDimmed);
    close(rgba(model.nodeRing, 1), PALETTE.ringSelected);
  });

  it('keeps the ends of the selected transition bright and dims the rest', () => {
    const model = buildDrawModel(input({ selectedEdgeId: 'a->b' }));
    close(rgba(model.edgeColour, 0), PALETTE.edgeSelected);
    close(rgba(model.nodeFill, 0), PALETTE.node);
    close(rgba(model.nodeFill, 1), PALETTE.node);
    close(rgba(model.nodeFill, 2), PALETTE.nodeDimmed);
  });

  it('highlights the path and the centre', () => {
    const model = buildDrawModel(input({ centreId: 'a', pathNodeIds: new Set(['b', 'c']), pathEdgeIds: new Set(['b->c']), minWeight: 4 }));
    expect([...model.visibleEdges]).toContain(1);
    close(rgba(model.edgeColour, 1), PALETTE.path);
    close(rgba(model.nodeFill, 0), PALETTE.centre);
    close(rgba(model.nodeFill, 2), PALETTE.path);
  });

  it('flashes live changes and fades them out', () => {
    const changedAtOf = (id: string) => (id === 'b->c' ? 1000 : undefined);
    const fresh = buildDrawModel(input({ changedAtOf, now: 1000 }));
    expect(fresh.flashing).toBe(true);
    close(rgba(fresh.edgeColour, 1), PALETTE.live);
    const faded = buildDrawModel(input({ changedAtOf, now: 1000 + FLASH_MS }));
    expect(faded.flashing).toBe(false);
    close(rgba(faded.edgeColour, 1), PALETTE.edge);
  });

  it('labels hover, selection and centre first, then by plays', () => {
    const model = buildDrawModel(input({ centreId: 'a', hoverId: 'b' }));
    expect(model.forcedLabels).toBe(2);
    expect([...model.labelOrder]).toEqual([0, 1, 2]);
  });
});
