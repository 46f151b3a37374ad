import type { Driver } from 'neo4j-driver';
import { createLogger } from '../../src/logger';
import { forgetInstance, runSync, watchSilver } from '../../src/sync';
import { connectTestDatabases, uniquePrefix, type TestDatabases } from '../support/databases';
import { insertHandMadeSilver } from '../support/silver-fixtures';
import { getJson, metricValue, waitUntil } from '../support/sync-daemon';
import { createCapturingLogger } from '../support/sync-listen';
import { compileSyncEntry, startSyncProcess, type SyncProcess } from '../support/sync-process';
import { connectSecondGold, differencesOf, readInstance, secondGoldUri, startGoldRelay } from '../support/sync-replicas';

const silent = createLogger('silent');

/** A setlist of `count` new tracks in a row, written without NOTIFY: only a run started otherwise picks it up. */
async function longSetlist(db: TestDatabases, prefix: string, count: number) {
  const names = Object.fromEntries(Array.from({ length: count }, (_, i) => [`N${i}`, undefined]));
  return insertHandMadeSilver(db.pg, prefix, names, [{ url: 'long', djs: ['DJ L'], parts: [Object.keys(names)] }]);
}

// `sync --watch` as the process a cluster runs: /healthz, /readyz, /metrics, SIGTERM, and a killed --full of its
// instance taken over at once. Every daemon here feeds the second gold instance under a name of its own.
describe('sync --watch daemon: health, metrics, shutdown', () => {
  let db: TestDatabases;
  let goldB: Driver;
  let entry: string;
  const prefix = uniquePrefix();
  const names: string[] = [];
  const instance = (suffix: string) => {
    const name = `${prefix}-${suffix}`;
    names.push(name);
    return name;
  };
  const daemonEnv = (name: string, extra: Record<string, string> = {}) => ({
    NEO4J_URI: secondGoldUri(),
    SYNC_INSTANCE_NAME: name,
    SYNC_INTERVAL_SECONDS: '3600',
    SYNC_DEBOUNCE_MS: '10',
    SYNC_COMMUNITIES_DELAY_SECONDS: '3600',
    ...extra,
  });
  const started: SyncProcess[] = [];
  const start = (args: string[], env: Record<string, string>): SyncProcess => {
    const run = startSyncProcess(entry, args, env);
    started.push(run);
    return run;
  };
  const healthUrl = async (run: SyncProcess) => String((await run.waitForLog((l) => l.msg === 'health server listening')).url);

  beforeAll(async () => {
    db = connectTestDatabases();
    goldB = await connectSecondGold();
    entry = compileSyncEntry();
  });
  afterAll(async () => {
    // A test that failed half-way leaves its daemon running: it must not go on writing the second gold instance.
    for (const run of started) if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
    for (const name of names) await forgetInstance(db.pg, name);
    await goldB.close();
    await db.close();
  });

  it('serves /healthz, /readyz and /metrics, and its lag and counters follow silver and its runs', async () => {
    const name = instance('h');
    await longSetlist(db, `${prefix}h0`, 3);
    const run = start(['--watch'], daemonEnv(name));
    try {
      const url = await healthUrl(run);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      await run.waitForLog((l) => l.msg === 'sync run finished');
      const metrics = async () => (await fetch(`${url}/metrics`)).text();
      const series = (text: string, metric: string, labels: Record<string, string> = {}) =>
        metricValue(text, metric, { gold: name, ...labels });

      expect(await getJson(`${url}/healthz`)).toEqual({ status: 200, body: { ok: true } });
      expect(await getJson(`${url}/readyz`)).toEqual({ status: 200, body: { ok: true, postgres: { ok: true }, neo4j: { ok: true } } });
      let text = await metrics();
      expect(series(text, 'songnodes_sync_runs_total', { mode: 'full', outcome: 'ok' })).toBe(1);
      expect(series(text, 'songnodes_sync_lag_transactions')).toBe(0);
      expect(series(text, 'songnodes_sync_lag_seconds')).toBe(0);
      expect(series(text, 'songnodes_sync_rebuilding')).toBe(0);
      expect(series(text, 'songnodes_sync_rows_written_total', { kind: 'edge' })).toBeGreaterThan(0);

      // A change without NOTIFY: the daemon does not know yet, its lag does.
      const ids = await longSetlist(db, `${prefix}h`, 3);
      text = await metrics();
      expect(series(text, 'songnodes_sync_lag_transactions')).toBeGreaterThan(0);
      expect(series(text, 'songnodes_sync_lag_seconds')).toBeGreaterThan(0);
      const edgesBefore = series(text, 'songnodes_sync_rows_written_total', { kind: 'edge' })!;

      await db.pg.query("SELECT pg_notify('silver_changed', 'test')");
      // (The full run's own NOTIFY may have woken an empty incremental run before: wait for the one with the setlist.)
      await run.waitForLog((l) => l.msg === 'sync run finished' && l.reason === 'notify' && l.edgesUpserted === 2);
      text = await metrics();
      expect(series(text, 'songnodes_sync_runs_total', { mode: 'incremental', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
      expect(series(text, 'songnodes_sync_lag_transactions')).toBe(0);
      expect(series(text, 'songnodes_sync_rows_written_total', { kind: 'edge' })).toBe(edgesBefore + 2);
      expect(series(text, 'songnodes_sync_batch_duration_seconds_count', { mode: 'merge' })).toBeGreaterThan(0);
      expect(Object.keys(ids)).toHaveLength(3);
    } finally {
      run.child.kill('SIGTERM');
      expect(await run.exited).toEqual({ code: 0, signal: null });
    }
  });

  it('answers /readyz 503 while its gold is unreachable, and 200 once it is back; /healthz stays 200', async () => {
    const name = instance('r');
    const relay = await startGoldRelay(secondGoldUri());
    const run = start(['--watch'], daemonEnv(name, { NEO4J_URI: relay.uri }));
    try {
      const url = await healthUrl(run);
      await run.waitForLog((l) => l.msg === 'sync run finished');
      expect((await getJson(`${url}/readyz`)).status).toBe(200);

      await relay.stop();
      const down = await getJson(`${url}/readyz`);
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ ok: false, postgres: { ok: true }, neo4j: { ok: false, error: expect.any(String) } });
      expect((await getJson(`${url}/healthz`)).status).toBe(200);

      await relay.start();
      expect(
        (
          await waitUntil(
            () => getJson(`${url}/readyz`),
            (r) => r.status === 200,
          )
        ).body,
      ).toMatchObject({ ok: true });
    } finally {
      run.child.kill('SIGTERM');
      await run.exited;
      await relay.close();
    }
  });

  it('on SIGTERM mid-run abandons the run between batches and exits 0; the watermark stays exact and the next run converges', async () => {
    const name = instance('t');
    await runSync({ pg: db.pg, neo4j: goldB, logger: silent }, { name });
    const before = await readInstance(db.pg, name);
    await longSetlist(db, `${prefix}t`, 30);

    const run = start(['--watch'], daemonEnv(name, { SYNC_BATCH_SIZE: '2' }));
    await run.waitForLog((l) => l.msg === 'batch committed' && l.batch === 3);
    run.child.kill('SIGTERM');
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(run.lines.some((l) => l.msg === 'sync run abandoned; the next run resumes from the stored watermark')).toBe(true);
    expect(run.lines.filter((l) => l.msg === 'sync run finished')).toEqual([]);
    expect(run.lines.some((l) => l.msg === 'watch stopped')).toBe(true);
    expect(await readInstance(db.pg, name)).toEqual(before);
    expect(await differencesOf(db.pg, goldB)).not.toEqual([]);

    const next = await runSync({ pg: db.pg, neo4j: goldB, logger: silent }, { name });
    expect(next.mode).toBe('incremental');
    expect(await differencesOf(db.pg, goldB)).toEqual([]);
  });

  it('finishes a --full of its instance killed half-way at once, not at its next tick (regression: gold stayed half-built until then)', async () => {
    const name = instance('k');
    await runSync({ pg: db.pg, neo4j: goldB, logger: silent }, { name });
    await longSetlist(db, `${prefix}k`, 12);
    await runSync({ pg: db.pg, neo4j: goldB, logger: silent }, { name });
    const { logger, waitForLine } = createCapturingLogger();
    const controller = new AbortController();
    const watching = watchSilver(
      { pg: db.pg, neo4j: goldB, logger },
      { name, debounceMs: 10, intervalSeconds: 3600, communitiesDelaySeconds: 3600, signal: controller.signal },
    );
    try {
      await waitForLine((l) => l.msg === 'sync run finished');
      const full = start(['--full', '--skip-communities'], daemonEnv(name, { SYNC_BATCH_SIZE: '3' }));
      await full.waitForLog((l) => l.msg === 'gold clear batch committed' && l.batch === 2);
      full.child.kill('SIGKILL');
      await full.exited;

      // Woken by the rebuild's NOTIFY, queued behind its lock: the daemon takes over as soon as it died.
      await waitForLine((l) => l.msg === 'sync run finished' && l.mode === 'full' && l.reason === 'notify');
      expect(await readInstance(db.pg, name)).toMatchObject({ watermark: expect.any(String), floor: null });
      expect(await differencesOf(db.pg, goldB)).toEqual([]);
    } finally {
      controller.abort();
      await watching;
    }
  });
});
