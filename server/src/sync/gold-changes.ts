// What the sync carries from silver to gold: one change per silver row read, gathered into batches, each batch
// becoming one Neo4j transaction and one NOTIFY graph_changed.

/** A credit as silver.track_artists has it, with the artist's name so the artist can be MERGEd alongside. */
export interface GoldCredit {
  artistId: number;
  role: string;
  name: string;
}

/** A (:Track) as gold holds it: silver's values, plays included. */
export interface GoldTrack {
  id: number;
  title: string;
  version: string | null;
  artistCredit: string;
  plays: number;
  credits: GoldCredit[];
}

/** One credit on its own, for the bulk path (--full), where credits are created after every track exists. */
export interface GoldCreditRow {
  trackId: number;
  artistId: number;
  role: string;
}

export interface GoldArtist {
  id: number;
  name: string;
}

export interface EdgeKey {
  from: number;
  to: number;
}

/** A [:TRANSITION]; dates are ISO strings (YYYY-MM-DD), NULL when no setlist of the edge has a date. */
export interface GoldEdge extends EdgeKey {
  weight: number;
  djs: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

/** One silver row's consequence for gold: write it, or remove what silver no longer supports. */
export type GoldChange =
  | { kind: 'artist'; artist: GoldArtist }
  | { kind: 'track'; track: GoldTrack }
  | { kind: 'credit'; credit: GoldCreditRow }
  | { kind: 'edge'; edge: GoldEdge }
  | { kind: 'drop-track'; id: number }
  | { kind: 'drop-artist'; id: number }
  | { kind: 'drop-edge'; key: EdgeKey };

/**
 * Changes of one Neo4j transaction, by kind; the writer applies removals first, then artists, tracks, credits,
 * edges.
 */
export interface GoldBatch {
  artists: GoldArtist[];
  tracks: GoldTrack[];
  credits: GoldCreditRow[];
  edges: GoldEdge[];
  dropTracks: number[];
  dropArtists: number[];
  dropEdges: EdgeKey[];
  size: number;
}

function emptyBatch(): GoldBatch {
  return { artists: [], tracks: [], credits: [], edges: [], dropTracks: [], dropArtists: [], dropEdges: [], size: 0 };
}

function addChange(batch: GoldBatch, change: GoldChange): void {
  batch.size += 1;
  switch (change.kind) {
    case 'artist':
      batch.artists.push(change.artist);
      break;
    case 'track':
      batch.tracks.push(change.track);
      break;
    case 'credit':
      batch.credits.push(change.credit);
      break;
    case 'edge':
      batch.edges.push(change.edge);
      break;
    case 'drop-track':
      batch.dropTracks.push(change.id);
      break;
    case 'drop-artist':
      batch.dropArtists.push(change.id);
      break;
    case 'drop-edge':
      batch.dropEdges.push(change.key);
      break;
  }
}

/**
 * Gathers pages of changes into batches of `batchSize` rows, keeping their order across batches: every track of
 * a run is written before its first edge, so an edge always finds both ends.
 */
export async function* batchChanges(pages: AsyncIterable<GoldChange[]>, batchSize: number): AsyncGenerator<GoldBatch> {
  let batch = emptyBatch();
  for await (const page of pages) {
    for (const change of page) {
      addChange(batch, change);
      if (batch.size >= batchSize) {
        yield batch;
        batch = emptyBatch();
      }
    }
  }
  if (batch.size > 0) yield batch;
}
