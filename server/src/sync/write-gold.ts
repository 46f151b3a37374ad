// Writes one batch of changes to Neo4j in one transaction: either all of it is in gold, or none of it.
// Every statement SETs silver's values (never increments), so writing a batch twice leaves gold as writing it once.
import { isRetryableError, type ManagedTransaction, type Session } from 'neo4j-driver';
import { cypherQuery } from '../db/statements';
import type { GoldBatch, GoldEdge, GoldTrack } from './gold-changes';

/**
 * 'create': gold was just cleared (--full), so plain CREATEs suffice and are the fastest way in.
 * 'merge': incremental; MERGE + SET, and removals of what silver no longer supports.
 */
export type WriteMode = 'create' | 'merge';

/**
 * What one committed batch did. `affectedTrackIds` is what NOTIFY graph_changed announces: tracks written or
 * removed, both ends of edges written or removed, neighbours of removed tracks; ids never in gold are left out.
 */
export interface BatchResult {
  affectedTrackIds: number[];
  tracksUpserted: number;
  tracksRemoved: number;
  artistsRemoved: number;
  edgesUpserted: number;
  edgesRemoved: number;
}

/**
 * The element ids of the nodes a --full run created, by silver id: its relationships find their ends through them
 * (a direct record lookup) rather than through two index seeks per relationship. Valid for that run only.
 */
export interface CreatedNodes {
  tracks: Map<number, string>;
  artists: Map<number, string>;
}

export function createdNodes(): CreatedNodes {
  return { tracks: new Map(), artists: new Map() };
}

/** Writes `batch` in one Neo4j write transaction; 'create' mode records and uses `nodes`. */
export function writeGoldBatch(session: Session, batch: GoldBatch, mode: WriteMode, nodes: CreatedNodes): Promise<BatchResult> {
  // MERGE + SET is idempotent: the driver may retry it, even after a commit whose outcome it never heard.
  if (mode === 'merge') return session.executeWrite((tx) => mergeBatch(tx, batch));
  return runCreateTransaction(session, (tx) => createBatch(tx, batch, nodes));
}

/** What the batch writers need of a transaction, managed (merge) or explicit (create). */
type StatementRunner = Pick<ManagedTransaction, 'run'>;

const CREATE_ATTEMPTS = 5;

/**
 * CREATE is not idempotent, so the driver's managed retries (which may replay a transaction that did commit) are
 * out. A transient error raised before COMMIT (a deadlock between concurrent writers) is retried here; a failed
 * COMMIT is not: the run fails, the watermark stays unset, and the next run rebuilds gold from scratch.
 */
async function runCreateTransaction<T>(session: Session, work: (tx: StatementRunner) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const tx = session.beginTransaction();
    let result: T;
    try {
      result = await work(tx);
    } catch (error) {
      await tx.rollback().catch(() => undefined);
      if (attempt < CREATE_ATTEMPTS && isRetryableError(error)) continue;
      throw error;
    }
    await tx.commit();
    return result;
  }
}

/**
 * The bulk path. Every statement takes parallel lists (columns) rather than a list of maps: Neo4j decodes a list of
 * maps several times slower, which made maps the bottleneck of a full rebuild (bench/sync).
 */
async function createBatch(tx: StatementRunner, batch: GoldBatch, nodes: CreatedNodes): Promise<BatchResult> {
  const { artists, tracks, edges } = batch;
  if (artists.length > 0) {
    const ids = artists.map((a) => a.id);
    const result = await tx.run(cypherQuery('sync/create-artists'), { id: ids, name: artists.map((a) => a.name) });
    remember(nodes.artists, ids, result.records[0]?.get('nodes') as string[]);
  }
  if (tracks.length > 0) {
    const ids = tracks.map((t) => t.id);
    const result = await tx.run(cypherQuery('sync/create-tracks'), {
      id: ids,
      title: tracks.map((t) => t.title),
      version: tracks.map((t) => t.version),
      artistCredit: tracks.map((t) => t.artistCredit),
      plays: tracks.map((t) => t.plays),
    });
    remember(nodes.tracks, ids, result.records[0]?.get('nodes') as string[]);
  }
  const credits = [
    ...batch.credits,
    ...tracks.flatMap((t) => t.credits.map((c) => ({ trackId: t.id, artistId: c.artistId, role: c.role }))),
  ];
  if (credits.length > 0) {
    await tx.run(cypherQuery('sync/create-credits'), {
      artistNode: credits.map((c) => nodeOf(nodes.artists, c.artistId, 'artist')),
      trackNode: credits.map((c) => nodeOf(nodes.tracks, c.trackId, 'track')),
      role: credits.map((c) => c.role),
    });
  }
  if (edges.length > 0) await tx.run(cypherQuery('sync/create-transitions'), toEdgeColumns(edges, nodes.tracks));
  return {
    affectedTrackIds: affectedIds(batch),
    tracksUpserted: batch.tracks.length,
    tracksRemoved: 0,
    artistsRemoved: 0,
    edgesUpserted: batch.edges.length,
    edgesRemoved: 0,
  };
}

async function mergeBatch(tx: StatementRunner, batch: GoldBatch): Promise<BatchResult> {
  const affected = new Set(affectedIds(batch));
  // Artists that lost a credit here: removed at the end of this same transaction if no credit is left, so a
  // crash can never leave an orphan artist behind.
  const maybeOrphans = new Set<number>();
  let edgesRemoved = 0;
  let tracksRemoved = 0;
  let artistsRemoved = 0;

  if (batch.dropEdges.length > 0) {
    const result = await tx.run(cypherQuery('sync/remove-transitions'), { rows: batch.dropEdges });
    for (const record of result.records) affected.add(record.get('from') as number).add(record.get('to') as number);
    edgesRemoved += result.records.length;
  }
  if (batch.dropTracks.length > 0) {
    const result = await tx.run(cypherQuery('sync/remove-tracks'), { ids: batch.dropTracks });
    for (const record of result.records) {
      tracksRemoved += 1;
      affected.add(record.get('id') as number);
      for (const neighbour of record.get('neighbours') as number[]) affected.add(neighbour);
      for (const artist of record.get('artistIds') as number[]) maybeOrphans.add(artist);
    }
  }
  if (batch.dropArtists.length > 0) {
    const result = await tx.run(cypherQuery('sync/remove-artists'), { ids: batch.dropArtists });
    artistsRemoved += result.records[0]?.get('removed') ?? 0;
  }
  if (batch.tracks.length > 0) {
    const rows = batch.tracks.map(withCreditKeys);
    await tx.run(cypherQuery('sync/merge-tracks'), { rows });
    const stale = await tx.run(cypherQuery('sync/drop-stale-credits'), { rows });
    for (const artist of (stale.records[0]?.get('artistIds') as number[] | undefined) ?? []) maybeOrphans.add(artist);
    await tx.run(cypherQuery('sync/merge-credits'), { rows });
  }
  if (batch.artists.length > 0) await tx.run(cypherQuery('sync/rename-artists'), { rows: batch.artists });
  if (batch.edges.length > 0) await tx.run(cypherQuery('sync/merge-transitions'), { rows: batch.edges });
  if (maybeOrphans.size > 0) {
    const result = await tx.run(cypherQuery('sync/remove-orphan-artists'), { ids: [...maybeOrphans] });
    artistsRemoved += result.records[0]?.get('removed') ?? 0;
  }
  return {
    affectedTrackIds: [...affected],
    tracksUpserted: batch.tracks.length,
    tracksRemoved,
    artistsRemoved,
    edgesUpserted: batch.edges.length,
    edgesRemoved,
  };
}

/** Records what a create statement returned: element ids in the order of the ids it was given. */
function remember(into: Map<number, string>, ids: number[], elementIds: string[] | undefined): void {
  if (elementIds?.length !== ids.length) throw new Error(`created ${elementIds?.length ?? 0} nodes for ${ids.length} ids`);
  for (const [index, id] of ids.entries()) into.set(id, elementIds[index]!);
}

/** A --full run reads every node before any relationship (silver's graph views hold only edges between them). */
function nodeOf(created: Map<number, string>, id: number, kind: string): string {
  const node = created.get(id);
  if (node === undefined) throw new Error(`--full: ${kind} ${id} has a relationship but was not created by this run`);
  return node;
}

function toEdgeColumns(edges: GoldEdge[], tracks: Map<number, string>) {
  return {
    fromNode: edges.map((e) => nodeOf(tracks, e.from, 'track')),
    toNode: edges.map((e) => nodeOf(tracks, e.to, 'track')),
    weight: edges.map((e) => e.weight),
    djs: edges.map((e) => e.djs),
    firstSeen: edges.map((e) => e.firstSeen),
    lastSeen: edges.map((e) => e.lastSeen),
  };
}

/** drop-stale-credits compares "<artistId>:<role>" strings: Cypher has no tuple equality inside IN. */
function withCreditKeys(track: GoldTrack) {
  return { ...track, creditKeys: track.credits.map((c) => `${c.artistId}:${c.role}`) };
}

function affectedIds(batch: GoldBatch): number[] {
  const ids = new Set<number>();
  for (const track of batch.tracks) ids.add(track.id);
  for (const edge of batch.edges) ids.add(edge.from).add(edge.to);
  return [...ids];
}
