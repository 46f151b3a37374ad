/**
 * Synthetic neighbourhoods for bench/client, shaped like what the API returns (Neighbourhood: center, nodes,
 * edges, all fields the client reads): a centre, hubs around it, and preferential attachment beyond, so a few
 * tracks are heavily connected and most are not — like real DJ transition graphs. Deterministic per size.
 */

export interface SyntheticTrack {
  id: string;
  title: string;
  version: string | null;
  artistCredit: string;
  plays: number;
}

export interface SyntheticTransition {
  from: { id: string };
  to: { id: string };
  weight: number;
  djs: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

export interface SyntheticNeighbourhood {
  center: SyntheticTrack;
  nodes: SyntheticTrack[];
  edges: SyntheticTransition[];
  truncated: boolean;
}

/** mulberry32: a tiny seeded PRNG, so every run draws the same graph. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'dvo', 'sta', 'lux', 'or', 'fen', 'tri', 'vel', 'nox', 'ar', 'quo', 'zen', 'bel'];

/** `nodeCount` tracks (the centre included) and about 1.6 transitions per track. */
export function syntheticNeighbourhood(nodeCount: number, seed = 7): SyntheticNeighbourhood {
  const rand = random(seed + nodeCount);
  const word = () => Array.from({ length: 2 + Math.floor(rand() * 2) }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]).join('');
  const capital = (w: string) => w[0]!.toUpperCase() + w.slice(1);
  const tracks: SyntheticTrack[] = Array.from({ length: nodeCount }, (_, i) => ({
    id: String(100000 + i),
    title: `${capital(word())} ${capital(word())}`,
    version: rand() < 0.3 ? `${capital(word())} Remix` : null,
    artistCredit: `${capital(word())} ${capital(word())}`,
    plays: Math.max(1, Math.round(1 / (rand() + 0.01) ** 1.3)),
  }));
  const edges = new Map<string, SyntheticTransition>();
  const degree: number[] = [0];
  const add = (a: number, b: number) => {
    if (a === b) return;
    const [from, to] = rand() < 0.5 ? [a, b] : [b, a];
    const key = `${from}->${to}`;
    const weight = Math.max(1, Math.round(1 / (rand() + 0.02) ** 1.1));
    if (!edges.has(key)) {
      edges.set(key, {
        from: { id: tracks[from]!.id },
        to: { id: tracks[to]!.id },
        weight,
        djs: Math.max(1, weight - Math.floor(rand() * weight * 0.3)),
        firstSeen: rand() < 0.8 ? '2019-05-04' : null,
        lastSeen: rand() < 0.8 ? '2025-10-11' : null,
      });
      degree[a] = (degree[a] ?? 0) + 1;
      degree[b] = (degree[b] ?? 0) + 1;
    }
  };
  let totalDegree = 0;
  for (let i = 1; i < nodeCount; i += 1) {
    // Attach to the centre (early tracks), else to an existing track in proportion to its degree.
    const pick = () => {
      if (i < 40 || totalDegree === 0) return 0;
      let r = rand() * totalDegree;
      for (let j = 0; j < i; j += 1) {
        r -= degree[j] ?? 0;
        if (r <= 0) return j;
      }
      return 0;
    };
    degree[i] = 0;
    const before = edges.size;
    add(i, pick());
    if (rand() < 0.6) add(i, pick());
    totalDegree += 2 * (edges.size - before);
  }
  return { center: tracks[0]!, nodes: tracks.slice(1), edges: [...edges.values()], truncated: false };
}
