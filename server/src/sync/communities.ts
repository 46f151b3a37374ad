// Community detection as a job of the sync (issue 11: a read must not write): label propagation in plain Cypher
// (Community edition has no GDS) over one gold instance, its result stored in that instance as (:Community) nodes
// that the `communities` query only reads. Run after a sync run that changed gold, or when requestSync asks.
import type { Pool } from 'pg';
import type { Driver } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import { cypherQuery } from '../db/statements';
import type { Logger } from '../logger';
import { acquireSyncLock, releaseSyncLock, SyncAbortedError } from './watermark';

/** Tracks label propagation starts from (the most played), and its rounds at most. */
const COMMUNITY_SCOPE = 5_000;
const MAX_ROUNDS = 10;

export interface CommunityJobResult {
  rounds: number;
  communities: number;
  ms: number;
}

/**
 * Labels (t.lpa, a working property), rounds until no label changes (or MAX_ROUNDS), then one transaction that
 * replaces the stored (:Community) nodes: a reader sees the previous result or the new one, never a half-done one.
 * Holds the instance's sync lock (so it never races a sync run of the same gold); `signal` abandons it between
 * rounds, leaving the previous result in place.
 */
export async function runCommunityJob(
  deps: { pg: Pool; neo4j: Driver; logger: Logger },
  options: { name?: string; signal?: AbortSignal } = {},
): Promise<CommunityJobResult> {
  const name = options.name ?? 'gold';
  const started = performance.now();
  const client = await deps.pg.connect();
  let failed = false;
  const session = deps.neo4j.session({ database: 'neo4j' });
  try {
    await acquireSyncLock(client, name, deps.logger.child({ sync: name }), options.signal);
    const write = async (statement: string, params: Record<string, unknown> = {}) =>
      session.executeWrite(async (tx) => (await tx.run(cypherQuery(statement), params)).records[0]);
    await write('analytics/communities-init', { scope: neo4j.int(COMMUNITY_SCOPE) });
    let rounds = 0;
    while (rounds < MAX_ROUNDS) {
      if (options.signal?.aborted) throw new SyncAbortedError('community detection');
      rounds += 1;
      const changed = neo4j.integer.toNumber((await write('analytics/communities-round'))?.get('changed') ?? 0);
      if (changed === 0) break;
    }
    const communities = neo4j.integer.toNumber((await write('analytics/communities-publish'))?.get('communities') ?? 0);
    await releaseSyncLock(client, name);
    return { rounds, communities, ms: Math.round(performance.now() - started) };
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    await session.close();
    client.release(failed);
  }
}
