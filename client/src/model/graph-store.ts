/**
 * The graph store (STYLE.md item 9): owns the tracks and transitions in view, by id, merged incrementally, plus
 * their positions (written by the layout worker, read by the renderer). It never draws and never fetches.
 *
 * The artist-validity guard (ARCHITECTURE §3) lives here: a track whose credit is not a real artist never enters
 * the store, and neither does any transition touching it, whatever the API sent.
 */
import { isValidArtistCredit } from '@songnodes/contracts';
import { toTrackNode, toTransitionEdge, type GraphPatch, type TrackNode, type TransitionEdge } from './graph-types';
import { placeNewNodes } from './initial-placement';
import { NodePositions } from './node-positions';

export interface MergeOptions {
  /** a live update: new and changed items are stamped with this time so the view can flash them */
  markChangesAt?: number;
  /** update only what sits between tracks already in view (a live refresh must not grow the view) */
  onlyKnownNodes?: boolean;
  /** the track new, unconnected tracks gather around (the centred or expanded one) */
  anchorId?: string;
}

export interface MergeResult {
  addedNodes: string[];
  addedEdges: string[];
  changedEdges: string[];
  /** tracks dropped by the artist-validity guard */
  rejectedNodes: string[];
}

/** What changed: `structure` (tracks or transitions added/removed), `attributes` (values), `positions`. */
export type StoreChange = 'structure' | 'attributes' | 'positions';

export class GraphStore {
  private readonly nodes = new Map<string, TrackNode>();
  private readonly edges = new Map<string, TransitionEdge>();
  private readonly changedAt = new Map<string, number>();
  private readonly listeners = new Set<(change: StoreChange) => void>();
  private edgeListCache: { version: number; edges: TransitionEdge[]; ends: Uint32Array } | null = null;
  readonly positions = new NodePositions();
  /** bumps when tracks or transitions are added or removed */
  structureVersion = 0;
  /** bumps when a value (weight, plays, highlight stamp) changes */
  attributeVersion = 0;

  /** Merges tracks and transitions; existing ones are updated in place, never duplicated. */
  merge(patch: GraphPatch, options: MergeOptions = {}): MergeResult {
    const result: MergeResult = { addedNodes: [], addedEdges: [], changedEdges: [], rejectedNodes: [] };
    let changed = false;
    for (const input of patch.nodes) {
      if (!isValidArtistCredit(input.artistCredit)) {
        result.rejectedNodes.push(input.id);
        if (this.nodes.has(input.id)) this.removeNode(input.id);
        continue;
      }
      const known = this.nodes.get(input.id);
      if (!known && options.onlyKnownNodes) continue;
      const node = toTrackNode(input);
      if (!known) result.addedNodes.push(node.id);
      else if (!sameTrack(known, node)) changed = true;
      this.nodes.set(node.id, node);
    }
    for (const input of patch.edges) {
      const edge = toTransitionEdge(input);
      if (edge.from === edge.to || !this.nodes.has(edge.from) || !this.nodes.has(edge.to)) continue;
      const known = this.edges.get(edge.id);
      if (!known) result.addedEdges.push(edge.id);
      else if (!sameTransition(known, edge)) result.changedEdges.push(edge.id);
      else continue;
      this.edges.set(edge.id, edge);
    }
    this.placeAdded(result.addedNodes, options.anchorId);
    if (options.markChangesAt !== undefined) {
      for (const id of [...result.addedNodes, ...result.addedEdges, ...result.changedEdges]) this.changedAt.set(id, options.markChangesAt);
    }
    const structural = result.addedNodes.length > 0 || result.addedEdges.length > 0 || result.rejectedNodes.length > 0;
    if (structural) this.touchStructure();
    else if (changed || result.changedEdges.length > 0) this.touchAttributes();
    return result;
  }

  /** Removes a track and every transition touching it. */
  removeNode(id: string): void {
    if (!this.nodes.delete(id)) return;
    for (const [edgeId, edge] of this.edges) if (edge.from === id || edge.to === id) this.edges.delete(edgeId);
    this.positions.remove(id);
    this.changedAt.delete(id);
    this.touchStructure();
  }

  clear(): void {
    if (this.nodes.size === 0 && this.edges.size === 0) return;
    this.nodes.clear();
    this.edges.clear();
    this.changedAt.clear();
    this.positions.clear();
    this.touchStructure();
  }

  getNode(id: string): TrackNode | undefined {
    return this.nodes.get(id);
  }

  getEdge(id: string): TransitionEdge | undefined {
    return this.edges.get(id);
  }

  hasNode(id: string): boolean {
    return this.nodes.has(id);
  }

  get nodeCount(): number {
    return this.nodes.size;
  }

  get edgeCount(): number {
    return this.edges.size;
  }

  /** Track ids in position-slot order (the order the layout and the renderer use). */
  nodeIds(): readonly string[] {
    return this.positions.ids();
  }

  /** Every transition, plus a flat [fromSlot, toSlot, …] array for the renderer; cached per structure version. */
  edgeList(): { edges: readonly TransitionEdge[]; ends: Uint32Array } {
    if (this.edgeListCache?.version !== this.structureVersion) {
      const edges = [...this.edges.values()];
      const ends = new Uint32Array(edges.length * 2);
      edges.forEach((edge, i) => {
        ends[i * 2] = this.positions.slotOf(edge.from) ?? 0;
        ends[i * 2 + 1] = this.positions.slotOf(edge.to) ?? 0;
      });
      this.edgeListCache = { version: this.structureVersion, edges, ends };
    }
    return this.edgeListCache;
  }

  /** When a live update last added or changed this track or transition (ms, the caller's clock), if it did. */
  changedAtOf(id: string): number | undefined {
    return this.changedAt.get(id);
  }

  /** Forgets highlight stamps older than `before`. */
  expireChanges(before: number): void {
    for (const [id, at] of this.changedAt) if (at < before) this.changedAt.delete(id);
  }

  /** Applies positions the layout computed for `structureVersion`; stale ones (the graph changed since) are dropped. */
  writePositions(structureVersion: number, xy: Float32Array): boolean {
    if (structureVersion !== this.structureVersion || !this.positions.write(xy)) return false;
    this.emit('positions');
    return true;
  }

  subscribe(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private placeAdded(ids: readonly string[], anchorId: string | undefined): void {
    if (ids.length === 0) return;
    const neighbours = new Map<string, string[]>();
    const link = (a: string, b: string) => neighbours.set(a, [...(neighbours.get(a) ?? []), b]);
    const fresh = new Set(ids);
    for (const edge of this.edges.values()) {
      if (fresh.has(edge.from) && !fresh.has(edge.to)) link(edge.from, edge.to);
      if (fresh.has(edge.to) && !fresh.has(edge.from)) link(edge.to, edge.from);
    }
    const anchor = anchorId === undefined ? undefined : this.positions.get(anchorId);
    const placed = placeNewNodes({
      newIds: ids,
      placedNeighboursOf: (id) => neighbours.get(id) ?? [],
      positionOf: (id) => this.positions.get(id),
      ...(anchor ? { anchor } : {}),
    });
    for (const id of ids) this.positions.add(id, placed.get(id) ?? [0, 0]);
  }

  private touchStructure(): void {
    this.structureVersion += 1;
    this.attributeVersion += 1;
    this.emit('structure');
  }

  private touchAttributes(): void {
    this.attributeVersion += 1;
    this.emit('attributes');
  }

  private emit(change: StoreChange): void {
    for (const listener of this.listeners) listener(change);
  }
}

function sameTrack(a: TrackNode, b: TrackNode): boolean {
  return a.title === b.title && a.version === b.version && a.artistCredit === b.artistCredit && a.plays === b.plays;
}

function sameTransition(a: TransitionEdge, b: TransitionEdge): boolean {
  return a.weight === b.weight && a.djs === b.djs && a.firstSeen === b.firstSeen && a.lastSeen === b.lastSeen;
}
