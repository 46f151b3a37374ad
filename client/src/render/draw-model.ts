/**
 * The pure reducer from (store contents + UI state + time) to what is drawn (STYLE.md item 9): per track a radius,
 * fill and ring colour and whether it is shown; per transition a width and colour and whether it is shown; and
 * the order in which tracks deserve a label. Positions are not part of it: they change every frame, this does not.
 */
import type { TrackNode, TransitionEdge } from '../model/graph-types';
import { edgeWidth, nodeRadius } from '../model/visual-scale';
import { mixColour, PALETTE, type Rgba } from './palette';

/** How long a live change stays highlighted. */
export const FLASH_MS = 5000;

export interface DrawInput {
  /** track ids by slot */
  ids: readonly string[];
  nodeOf(id: string): TrackNode | undefined;
  edges: readonly TransitionEdge[];
  centreId: string | null;
  selectedIds: ReadonlySet<string>;
  selectedEdgeId: string | null;
  hoverId: string | null;
  pathNodeIds: ReadonlySet<string>;
  pathEdgeIds: ReadonlySet<string>;
  minWeight: number;
  changedAtOf(id: string): number | undefined;
  now: number;
}

export interface DrawModel {
  nodeVisible: Uint8Array;
  nodeRadius: Float32Array;
  nodeFill: Float32Array;
  nodeRing: Float32Array;
  /** indexes into DrawInput.edges of the transitions shown, strongest last (drawn on top) */
  visibleEdges: Uint32Array;
  edgeWidth: Float32Array;
  edgeColour: Float32Array;
  /** 1 where the opposite transition exists too: both are drawn side by side instead of on top of each other */
  edgeHasReverse: Uint8Array;
  /** slots in label priority order: forced labels (hover, selection, centre, path) first, then by plays */
  labelOrder: Uint32Array;
  /** how many of labelOrder must be labelled whatever the zoom */
  forcedLabels: number;
  /** a live highlight is still fading: draw again next frame */
  flashing: boolean;
}

export function buildDrawModel(input: DrawInput): DrawModel {
  const n = input.ids.length;
  const slotOf = new Map(input.ids.map((id, slot) => [id, slot]));
  const focus = input.selectedIds;
  const hasFocus = focus.size > 0 || input.selectedEdgeId !== null;
  const edgeColour = new Float32Array(input.edges.length * 4);
  const widths = new Float32Array(input.edges.length);
  const shown: number[] = [];
  const nodeVisible = new Uint8Array(n);
  const edgeIds = new Set(input.edges.map((edge) => edge.id));
  const hasReverse = Uint8Array.from(input.edges, (edge) => (edgeIds.has(`${edge.to}->${edge.from}`) ? 1 : 0));
  const touched = new Uint8Array(n);
  let flashing = false;

  input.edges.forEach((edge, i) => {
    const onPath = input.pathEdgeIds.has(edge.id);
    if (edge.weight < input.minWeight && !onPath) return;
    shown.push(i);
    const from = slotOf.get(edge.from);
    const to = slotOf.get(edge.to);
    if (from !== undefined) nodeVisible[from] = 1;
    if (to !== undefined) nodeVisible[to] = 1;
    let colour: Rgba = hasFocus ? PALETTE.edgeDimmed : PALETTE.edge;
    let width = edgeWidth(edge.weight);
    if (focus.has(edge.to)) colour = PALETTE.edgeBefore;
    if (focus.has(edge.from)) colour = PALETTE.edgeAfter;
    if (focus.has(edge.from) || focus.has(edge.to) || edge.id === input.selectedEdgeId) {
      if (from !== undefined) touched[from] = 1;
      if (to !== undefined) touched[to] = 1;
    }
    if (onPath) [colour, width] = [PALETTE.path, width * 1.6 + 1];
    if (edge.id === input.selectedEdgeId) [colour, width] = [PALETTE.edgeSelected, width * 1.4 + 1];
    const flash = flashOf(input, edge.id);
    if (flash > 0) [colour, width, flashing] = [mixColour(colour, PALETTE.live, flash), width * (1 + flash * 1.5), true];
    edgeColour.set(colour, i * 4);
    widths[i] = width;
  });
  shown.sort((a, b) => input.edges[a]!.weight - input.edges[b]!.weight);

  const nodeRadii = new Float32Array(n);
  const nodeFill = new Float32Array(n * 4);
  const nodeRing = new Float32Array(n * 4);
  const forced: number[] = [];
  const rest: number[] = [];
  input.ids.forEach((id, slot) => {
    const node = input.nodeOf(id);
    const isForced = id === input.hoverId || focus.has(id) || id === input.centreId || input.pathNodeIds.has(id);
    if (isForced) nodeVisible[slot] = 1;
    if (!nodeVisible[slot] || !node) return;
    nodeRadii[slot] = nodeRadius(node.plays);
    let fill: Rgba = hasFocus && !touched[slot] && !focus.has(id) ? PALETTE.nodeDimmed : PALETTE.node;
    if (input.pathNodeIds.has(id)) fill = PALETTE.path;
    if (id === input.centreId) fill = PALETTE.centre;
    let ring: Rgba = PALETTE.ringNone;
    if (id === input.hoverId) ring = PALETTE.ringHover;
    if (focus.has(id)) ring = PALETTE.ringSelected;
    const flash = flashOf(input, id);
    if (flash > 0) [ring, flashing] = [mixColour(PALETTE.live, ring, 1 - flash), true];
    nodeFill.set(fill, slot * 4);
    nodeRing.set(ring, slot * 4);
    (isForced ? forced : rest).push(slot);
  });
  const plays = (slot: number) => input.nodeOf(input.ids[slot]!)?.plays ?? 0;
  rest.sort((a, b) => plays(b) - plays(a));

  return {
    nodeVisible,
    nodeRadius: nodeRadii,
    nodeFill,
    nodeRing,
    visibleEdges: Uint32Array.from(shown),
    edgeWidth: widths,
    edgeColour,
    edgeHasReverse: hasReverse,
    labelOrder: Uint32Array.from([...forced, ...rest]),
    forcedLabels: forced.length,
    flashing,
  };
}

/** 1 right after a live change, fading linearly to 0 over FLASH_MS. */
function flashOf(input: DrawInput, id: string): number {
  const at = input.changedAtOf(id);
  if (at === undefined) return 0;
  const age = input.now - at;
  return age < 0 ? 1 : Math.max(0, 1 - age / FLASH_MS);
}
