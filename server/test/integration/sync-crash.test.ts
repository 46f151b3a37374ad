import type { Pool } from 'pg';
import { checkGold } from '../../src/sync';
import { connectTestDatabases, uniquePrefix, type TestDatabases } from '../support/databases';
import { goldDifferences } from '../support/sync-gold';
import { compileSyncEntry, generateSyntheticSilver, runSyncProcess, startSyncProcess } from '../support/sync-process';

/** Corrections a re-crawl and a clean-up would make: reversed setlists, flipped credits, deleted setlists. */
async function correctSilver(pg: Pool, namespace: string, round: number): Promise<void> {
  const setlists = await pg.query<{ id: string }>(
    'SELECT id FROM silver.setlists WHERE source_url LIKE $1 ORDER BY id OFFSET $2 LIMIT 33',
    [`synthetic://${namespace}/%`, round * 40],
  );
  const deleted = setlists.rows.slice(0, 3).map((r) => r.id);
  const reversed = setlists.rows.slice(3).map((r) => r.id);
  const client = await pg.connect();
  try {
    await client.query('BEGIN');
    await client.query('CREATE TEMP TABLE reorder ON COMMIT DROP AS SELECT * FROM silver.setlist_tracks WHERE setlist_id = ANY($1)', [
      reversed,
    ]);
    await client.query('DELETE FROM silver.setlist_tracks WHERE setlist_id = ANY($1)', [reversed]);
    await client.query(
      `INSERT INTO silver.setlist_tracks (setlist_id, part_index, part_name, position, track_id, cue, raw)
       SELECT r.setlist_id, r.part_index, r.part_name, m.last + 1 - r.position, r.track_id, r.cue, r.raw
       FROM reorder r JOIN (SELECT setlist_id, part_index, max(position) AS last FROM reorder GROUP BY 1, 2) m
         USING (setlist_id, part_index)`,
    );
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  await pg.query('DELETE FROM silver.setlists WHERE id = ANY($1)', [deleted]);
  // Popular tracks lose a valid credit (their many edges leave gold), previously invalid ones gain one.
  await pg.query(
    `UPDATE silver.tracks SET artist_credit = 'Unknown Artist' WHERE id IN (
       SELECT id FROM silver.graph_tracks WHERE id IN (SELECT id FROM silver.tracks WHERE track_key LIKE $1)
       ORDER BY plays DESC OFFSET $2 LIMIT 3)`,
    [`${namespace}:%`, round * 3],
  );
  await pg.query(
    `UPDATE silver.tracks SET artist_credit = 'Restored ' || id WHERE id IN (
       SELECT id FROM silver.tracks WHERE track_key LIKE $1 AND NOT artist_valid AND plays > 0 ORDER BY id LIMIT 5)`,
    [`${namespace}:%`],
  );
}

// SIGKILL at several points of a large sync; the next run must converge to silver (checker: equal).
describe('sync: killed with SIGKILL, the next run converges', () => {
  let db: TestDatabases;
  let entry: string;
  const namespace = `${uniquePrefix()}-crash`;
  const env = (batchSize: number) => ({ NEO4J_URI: db.config.neo4jUri, SYNC_BATCH_SIZE: String(batchSize) });

  beforeAll(() => {
    db = connectTestDatabases();
    entry = compileSyncEntry();
    generateSyntheticSilver('small', namespace);
  });
  afterAll(() => db.close());

  it.each([
    ['while clearing gold', (l: Record<string, unknown>) => l.msg === 'gold clear batch committed' && l.batch === 2],
    ['after 1 batch', (l: Record<string, unknown>) => l.msg === 'batch committed' && l.batch === 1],
    ['after 9 batches', (l: Record<string, unknown>) => l.msg === 'batch committed' && l.batch === 9],
    ['after 40 batches', (l: Record<string, unknown>) => l.msg === 'batch committed' && l.batch === 40],
  ])('a --full rebuild killed %s is finished by the next plain run', async (_when, killPoint) => {
    // Gold full of this dataset first, so that clearing it takes several batches.
    expect((await runSyncProcess(entry, [], env(400))).code).toBe(0);
    const run = startSyncProcess(entry, ['--full'], env(400));
    await run.waitForLog(killPoint);
    run.child.kill('SIGKILL');
    expect((await run.exited).signal).toBe('SIGKILL');

    const check = await runSyncProcess(entry, ['--check'], env(400));
    expect(check.code).toBe(1);
    const rerun = await runSyncProcess(entry, [], env(400));
    expect(rerun.code).toBe(0);
    expect(rerun.lines.find((l) => l.msg === 'sync finished')?.mode).toBe('full');
    expect(await goldDifferences(db)).toEqual([]);
    expect((await runSyncProcess(entry, ['--check'], env(400))).code).toBe(0);
  });

  it.each([1, 4, 15])('an incremental run after corrections, killed after %i batches, is finished by the next run', async (n) => {
    expect((await runSyncProcess(entry, [], env(400))).code).toBe(0);
    await correctSilver(db.pg, namespace, n);

    const run = startSyncProcess(entry, [], env(50));
    await run.waitForLog((l) => l.msg === 'batch committed' && l.batch === n);
    run.child.kill('SIGKILL');
    await run.exited;

    const rerun = await runSyncProcess(entry, [], env(50));
    expect(rerun.code).toBe(0);
    expect(rerun.lines.find((l) => l.msg === 'sync finished')?.mode).toBe('incremental');
    expect(await goldDifferences(db)).toEqual([]);

    // And once more: nothing left to change.
    const before = await checkGold(db);
    expect((await runSyncProcess(entry, [], env(50))).code).toBe(0);
    expect(await checkGold(db)).toEqual(before);
  });
});
