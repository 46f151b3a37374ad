/**
 * The d3-force simulation the layout worker runs, kept free of worker plumbing so it can be tested in Node.
 * Tracks it already knows keep their position and velocity across syncs (an expansion does not reshuffle the
 * view); new tracks start where the store placed them. Heavier transitions pull their ends closer together.
 */
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type Simulation,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';
import type { SyncMessage } from './layout-protocol';

interface LayoutNode extends SimulationNodeDatum {
  id: string;
  radius: number;
}

interface LayoutLink extends SimulationLinkDatum<LayoutNode> {
  weight: number;
}

/** Past this many tracks collision is left out: it costs more per tick than it adds to a view that large. */
export const COLLIDE_MAX_NODES = 2500;
/** The simulation counts as settled below this alpha (d3's default alphaMin is 0.001). */
export const ALPHA_MIN = 0.002;
/** ~250 ticks from alpha 1 down to ALPHA_MIN. */
export const ALPHA_DECAY = 1 - ALPHA_MIN ** (1 / 250);

export class ForceLayout {
  private readonly simulation: Simulation<LayoutNode, LayoutLink>;
  private nodes: LayoutNode[] = [];
  private byId = new Map<string, LayoutNode>();
  private pinnedId: string | null = null;
  version = -1;
  ticks = 0;

  constructor() {
    this.simulation = forceSimulation<LayoutNode, LayoutLink>([])
      .stop()
      .alphaMin(ALPHA_MIN)
      .alphaDecay(ALPHA_DECAY)
      .velocityDecay(0.45)
      .force('charge', forceManyBody<LayoutNode>().strength(-60).theta(0.9).distanceMax(900))
      .force('x', forceX<LayoutNode>(0).strength(0.015))
      .force('y', forceY<LayoutNode>(0).strength(0.015));
  }

  /** Takes a new graph shape; reheats enough to settle what is new without shaking what was settled. */
  sync(message: SyncMessage): void {
    const known = this.byId;
    this.byId = new Map();
    let fresh = 0;
    this.nodes = message.ids.map((id, slot) => {
      const existing = known.get(id);
      const node: LayoutNode = existing ?? { id, radius: 0, x: message.xy[slot * 2], y: message.xy[slot * 2 + 1] };
      if (!existing) fresh += 1;
      node.radius = message.radii[slot] ?? 4;
      this.byId.set(id, node);
      return node;
    });
    const links: LayoutLink[] = [];
    for (let i = 0; i < message.weights.length; i += 1) {
      links.push({ source: message.ends[i * 2]!, target: message.ends[i * 2 + 1]!, weight: message.weights[i]! });
    }
    this.simulation.nodes(this.nodes);
    this.simulation.force('link', createLinkForce(links, this.nodes.length));
    this.simulation.force(
      'collide',
      this.nodes.length <= COLLIDE_MAX_NODES ? forceCollide<LayoutNode>((n) => n.radius + 3).iterations(1) : null,
    );
    this.pin(message.pinnedId);
    this.version = message.version;
    const share = this.nodes.length === 0 ? 0 : fresh / this.nodes.length;
    this.simulation.alpha(Math.max(this.simulation.alpha(), known.size === 0 ? 1 : Math.min(1, 0.3 + share)));
  }

  /** Holds one track still at its current position (the centre), releasing the previous one. */
  pin(id: string | null): void {
    const previous = this.pinnedId === null ? undefined : this.byId.get(this.pinnedId);
    if (previous) previous.fx = previous.fy = null;
    this.pinnedId = id;
    const node = id === null ? undefined : this.byId.get(id);
    if (node) {
      node.fx = node.x;
      node.fy = node.y;
    }
  }

  get settled(): boolean {
    return this.simulation.alpha() < ALPHA_MIN || this.nodes.length === 0;
  }

  get alpha(): number {
    return this.simulation.alpha();
  }

  /** Runs ticks until `budgetMs` is spent or the layout settles; returns how many ran. */
  step(budgetMs: number, now: () => number = () => performance.now()): number {
    const started = now();
    let ran = 0;
    while (!this.settled) {
      this.simulation.tick();
      ran += 1;
      if (now() - started >= budgetMs) break;
    }
    this.ticks += ran;
    return ran;
  }

  /** Positions by slot, as a fresh buffer (it is transferred to the main thread). */
  positions(): Float32Array {
    const xy = new Float32Array(this.nodes.length * 2);
    this.nodes.forEach((node, slot) => {
      xy[slot * 2] = node.x ?? 0;
      xy[slot * 2 + 1] = node.y ?? 0;
    });
    return xy;
  }
}

function createLinkForce(links: LayoutLink[], nodeCount: number) {
  const degree = new Uint32Array(nodeCount);
  for (const link of links) {
    degree[link.source as number] = (degree[link.source as number] ?? 0) + 1;
    degree[link.target as number] = (degree[link.target as number] ?? 0) + 1;
  }
  const ends = (link: LayoutLink) => [link.source as LayoutNode, link.target as LayoutNode] as const;
  return forceLink<LayoutNode, LayoutLink>(links)
    .distance((link) => {
      const [source, target] = ends(link);
      return 36 + source.radius + target.radius;
    })
    .strength((link) => {
      // d3's default (1 / the smaller degree) keeps hubs from collapsing; weight adds pull, up to 1.
      const [source, target] = ends(link);
      const base = 1 / Math.max(1, Math.min(degree[source.index ?? 0] ?? 1, degree[target.index ?? 0] ?? 1));
      return Math.min(1, base * (1 + Math.log2(Math.max(1, link.weight))));
    });
}
