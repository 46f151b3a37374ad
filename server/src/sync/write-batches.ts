// The write pipeline of a run: batches are read from PostgreSQL while Neo4j commits earlier ones, and each
// committed batch is announced with NOTIFY graph_changed. A --full rebuild writes each phase (nodes: artists and
// tracks; then relationships: credits and edges) with several transactions at once: Neo4j spends at most one core
// per transaction, and the batches of one phase only ever create, so they need nothing from each other.
import type { Driver } from 'neo4j-driver';
import type { Pool } from 'pg';
import type { Logger } from '../logger';
import { batchChanges, type GoldBatch, type GoldChange } from './gold-changes';
import { notifyGraphChanged } from './notify';
import { SyncAbortedError } from './watermark';
import { createdNodes, writeGoldBatch, type BatchResult, type WriteMode } from './write-gold';

/** Told about every committed batch (the daemon's /metrics). */
export interface BatchObserver {
  batchCommitted(mode: WriteMode, seconds: number, batch: GoldBatch, result: BatchResult): void;
}

export interface WriteTotals {
  tracksUpserted: number;
  tracksRemoved: number;
  artistsRemoved: number;
  edgesUpserted: number;
  edgesRemoved: number;
  batches: number;
  notifications: number;
}

export interface PipelineOptions {
  batchSize: number;
  mode: WriteMode;
  /** concurrent transactions within a phase of a --full rebuild ('create' mode); 1 elsewhere */
  writers: number;
  /** once aborted, no further batch starts: the ones in flight commit, then the run rejects (SyncAbortedError) */
  signal?: AbortSignal;
  observer?: BatchObserver;
}

/** Writes every batch of `pages`; resolves once all are committed and announced, adding to `totals`. */
export async function writeBatches(
  deps: { pg: Pool; neo4j: Driver; logger: Logger },
  pages: AsyncIterable<GoldChange[]>,
  options: PipelineOptions,
  totals: WriteTotals,
): Promise<void> {
  const nodes = createdNodes();
  const commit = async (batch: GoldBatch, phase: string) => {
    const started = performance.now();
    const session = deps.neo4j.session();
    let result: BatchResult;
    try {
      result = await writeGoldBatch(session, batch, options.mode, nodes);
    } finally {
      await session.close();
    }
    totals.notifications += await notifyGraphChanged(deps.pg, result.affectedTrackIds);
    addResult(totals, result);
    options.observer?.batchCommitted(options.mode, (performance.now() - started) / 1000, batch, result);
    const ms = Math.round(performance.now() - started);
    const fields = { batch: totals.batches, phase, rows: batch.size, affected: result.affectedTrackIds.length, ms };
    deps.logger.info(fields, 'batch committed');
  };

  const batches = batchChanges(pages, options.batchSize);
  const inFlight = new Set<Promise<void>>();
  let inFlightPhase = 'mixed';
  let next = batches.next();
  try {
    for (;;) {
      const { value: batch, done } = await next;
      if (done) break;
      if (options.signal?.aborted) throw new SyncAbortedError('sync run');
      next = batches.next();
      // If a write fails first, `next` is awaited in finally; until then its rejection must not go unhandled.
      next.catch(() => undefined);
      const phase = options.mode === 'create' ? phaseOf(batch) : 'mixed';
      if (phase !== inFlightPhase) {
        // A new phase starts only once the previous one committed: a credit or an edge needs both its ends.
        await Promise.all(inFlight);
        inFlightPhase = phase;
      }
      if (phase === 'mixed') {
        await commit(batch, phase);
        continue;
      }
      while (inFlight.size >= options.writers) await Promise.race(inFlight);
      const write: Promise<void> = commit(batch, phase).finally(() => inFlight.delete(write));
      // Observed by the next race/all; marked handled now so a failure while a read is awaited cannot crash Node.
      write.catch(() => undefined);
      inFlight.add(write);
    }
    await Promise.all(inFlight);
  } finally {
    await Promise.allSettled([...inFlight, next]);
    await batches.return(undefined);
  }
}

/**
 * 'nodes' (artists, tracks) or 'relationships' (credits, edges: both ends already committed), or 'mixed': a batch
 * spanning the two phases is written on its own.
 */
function phaseOf(batch: GoldBatch): string {
  const nodes = batch.artists.length + batch.tracks.length;
  const relationships = batch.credits.length + batch.edges.length;
  if (nodes === batch.size) return 'nodes';
  if (relationships === batch.size) return 'relationships';
  return 'mixed';
}

function addResult(totals: WriteTotals, result: BatchResult): void {
  totals.batches += 1;
  totals.tracksUpserted += result.tracksUpserted;
  totals.tracksRemoved += result.tracksRemoved;
  totals.artistsRemoved += result.artistsRemoved;
  totals.edgesUpserted += result.edgesUpserted;
  totals.edgesRemoved += result.edgesRemoved;
}
