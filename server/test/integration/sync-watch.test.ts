import { listenStatement, NOTIFY_CHANNELS } from '@songnodes/contracts';
import type { Pool } from 'pg';
import { watchSilver } from '../../src/sync';
import { connectTestDatabases, uniquePrefix, type TestDatabases } from '../support/databases';
import { insertHandMadeSilver } from '../support/silver-fixtures';
import { goldDifferences, readGoldEdges, syncOnce } from '../support/sync-gold';
import { createCapturingLogger, listenToGraphChanged, type GraphChangedListener } from '../support/sync-listen';
import { compileSyncEntry, startSyncProcess } from '../support/sync-process';

/** Writes a setlist the way the refine step does: rows, then NOTIFY silver_changed, in one transaction. */
async function refineSetlist(pg: Pool, prefix: string, notify: boolean): Promise<Record<string, number>> {
  const client = await pg.connect();
  try {
    await client.query('BEGIN');
    const ids = await insertHandMadeSilver(client as unknown as Pool, prefix, { A: undefined, B: undefined, C: undefined }, [
      { url: 'one', djs: ['DJ W'], parts: [['A', 'B', 'C']] },
    ]);
    if (notify) await client.query("SELECT pg_notify('silver_changed', $1)", [prefix]);
    await client.query('COMMIT');
    return ids;
  } finally {
    client.release();
  }
}

// `npm run sync -- --watch`: woken by NOTIFY silver_changed and by its timer; stops cleanly.
describe('sync --watch', () => {
  let db: TestDatabases;
  let listener: GraphChangedListener;
  beforeAll(async () => {
    db = connectTestDatabases();
    await syncOnce(db);
    listener = await listenToGraphChanged(db.pg);
  });
  afterAll(async () => {
    await listener.close();
    await db.close();
  });

  it('projects a setlist after its NOTIFY silver_changed, and stops when aborted', async () => {
    const { logger, waitForMessage } = createCapturingLogger();
    const controller = new AbortController();
    const watching = watchSilver(
      { pg: db.pg, neo4j: db.neo4j, logger },
      { debounceMs: 10, intervalSeconds: 3600, signal: controller.signal },
    );
    await waitForMessage('sync run finished');

    const prefix = uniquePrefix();
    const ids = await refineSetlist(db.pg, prefix, true);
    await listener.waitForTrackIds([ids.A!, ids.B!, ids.C!]);
    expect(Object.keys(await readGoldEdges(db.neo4j, ids))).toEqual(['A>B', 'B>C']);

    controller.abort();
    await watching;
    await waitForMessage('watch stopped');
    expect(await goldDifferences(db)).toEqual([]);
  });

  it('catches up on its timer when a change came without a NOTIFY', async () => {
    const { logger } = createCapturingLogger();
    const controller = new AbortController();
    const watching = watchSilver(
      { pg: db.pg, neo4j: db.neo4j, logger },
      { debounceMs: 10, intervalSeconds: 0.2, signal: controller.signal },
    );
    const ids = await refineSetlist(db.pg, uniquePrefix(), false);
    await listener.waitForTrackIds([ids.A!, ids.B!, ids.C!]);
    controller.abort();
    await watching;
    expect(Object.keys(await readGoldEdges(db.neo4j, ids))).toEqual(['A>B', 'B>C']);
  });

  it('listens again after its LISTEN connection is killed, and catches up on what it may have missed', async () => {
    const { logger, waitForLine, waitForMessage } = createCapturingLogger();
    const controller = new AbortController();
    const watching = watchSilver(
      { pg: db.pg, neo4j: db.neo4j, logger },
      { debounceMs: 10, intervalSeconds: 3600, signal: controller.signal },
    );
    try {
      await waitForMessage('sync run finished');
      const killed = await db.pg.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND query = $1 AND pid <> pg_backend_pid()`,
        [listenStatement(NOTIFY_CHANNELS.silverChanged)],
      );
      expect(killed.rowCount).toBe(1);
      await waitForMessage('LISTEN connection lost; reconnecting');
      // The run the reconnect starts, then a NOTIFY that only the new connection can hear.
      await waitForLine((l) => l.msg === 'sync run finished' && l.reason === 'reconnect');
      const ids = await refineSetlist(db.pg, uniquePrefix(), true);
      await listener.waitForTrackIds([ids.A!, ids.B!, ids.C!]);
    } finally {
      controller.abort();
      await watching;
    }
  });

  it('as a process: exits with code 0 on SIGTERM', async () => {
    const entry = compileSyncEntry();
    const run = startSyncProcess(entry, ['--watch'], { NEO4J_URI: db.config.neo4jUri });
    await run.waitForLog((l) => l.msg === 'watching silver_changed');
    run.child.kill('SIGTERM');
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(run.lines.some((l) => l.msg === 'watch stopped')).toBe(true);
  });
});
