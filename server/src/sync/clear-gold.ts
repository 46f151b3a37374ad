// --full starts from an empty gold graph: tracks (with their edges and credits) and artists removed in batches,
// each its own transaction, so clearing a million edges never needs a million-edge transaction.
import neo4j, { type Session } from 'neo4j-driver';
import { cypherQuery } from '../db/statements';
import { SyncAbortedError } from './watermark';

/** What clearing removed. */
export interface ClearResult {
  tracksRemoved: number;
  artistsRemoved: number;
  batches: number;
}

/**
 * Removes every :Track and :Artist (nothing else: other labels are not the sync's). `onBatch` runs after each
 * committed batch of tracks with their ids, for NOTIFY graph_changed. Once `signal` aborts, no further batch starts.
 */
export async function clearGold(
  session: Session,
  batchSize: number,
  onBatch: (removedTrackIds: number[]) => Promise<void>,
  signal?: AbortSignal,
): Promise<ClearResult> {
  // LIMIT needs an integer, and the driver sends JS numbers as floats.
  const limit = neo4j.int(batchSize);
  const result: ClearResult = { tracksRemoved: 0, artistsRemoved: 0, batches: 0 };
  for (;;) {
    if (signal?.aborted) throw new SyncAbortedError('clearing gold');
    const ids = await session.executeWrite(async (tx) => {
      const { records } = await tx.run(cypherQuery('sync/clear-tracks'), { limit });
      return (records[0]?.get('ids') as number[] | undefined) ?? [];
    });
    if (ids.length === 0) break;
    result.tracksRemoved += ids.length;
    result.batches += 1;
    await onBatch(ids);
  }
  for (;;) {
    if (signal?.aborted) throw new SyncAbortedError('clearing gold');
    const removed = await session.executeWrite(async (tx) => {
      const { records } = await tx.run(cypherQuery('sync/clear-artists'), { limit });
      return (records[0]?.get('removed') as number | undefined) ?? 0;
    });
    if (removed === 0) break;
    result.artistsRemoved += removed;
    result.batches += 1;
  }
  return result;
}
