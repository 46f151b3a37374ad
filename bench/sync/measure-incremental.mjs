// Incremental latency: a new setlist committed in silver (rows + NOTIFY silver_changed in one transaction, as the
// refine step writes it) until NOTIFY graph_changed has announced all of its gold tracks, with `sync --watch`
// running as a separate process with its default settings. Setlists come from the same synthetic model.
import { buildCatalogue, generateSetlists } from '../generate/model.mjs';
import { SIZES } from '../generate/sizes.mjs';
import { startSyncCli } from './gold-admin.mjs';

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const round = (value) => Math.round(value * 10) / 10;

/** Silver ids (and validity) of the catalogue's tracks and artists used by `setlists`. */
async function resolveIds(pg, namespace, setlists) {
  const trackKeys = [...new Set(setlists.flatMap((s) => s.parts.flat()).filter((t) => t !== null))].map((t) => `${namespace}:track:${t}`);
  const artistKeys = [...new Set(setlists.flatMap((s) => s.djs))].map((a) => `${namespace}:artist:${a}`);
  const tracks = await pg.query('SELECT id, track_key, artist_valid FROM silver.tracks WHERE track_key = ANY($1)', [trackKeys]);
  const artists = await pg.query('SELECT id, name_key FROM silver.artists WHERE name_key = ANY($1)', [artistKeys]);
  return {
    track: new Map(tracks.rows.map((r) => [r.track_key, { id: Number(r.id), valid: r.artist_valid }])),
    artist: new Map(artists.rows.map((r) => [r.name_key, Number(r.id)])),
  };
}

const setlistRows = (setlist, ids, namespace) =>
  setlist.parts.flatMap((part, partIndex) =>
    part.map((t, i) => ({ part: partIndex, position: i + 1, track: t === null ? null : ids.track.get(`${namespace}:track:${t}`).id })),
  );

async function commitSetlist(pg, setlist, rows, ids, namespace, runId) {
  const client = await pg.connect();
  try {
    await client.query('BEGIN');
    const { rows: inserted } = await client.query(
      `INSERT INTO silver.setlists (source, source_url, title, date, content_sha256)
       VALUES ('mixesdb', $1, $2, $3, 'synthetic') RETURNING id`,
      [`synthetic://${namespace}/bench-incremental/${runId}/${setlist.index}`, `[synthetic] bench setlist ${setlist.index}`, setlist.date],
    );
    const setlistId = inserted[0].id;
    for (const [position, dj] of setlist.djs.entries()) {
      await client.query('INSERT INTO silver.setlist_djs (setlist_id, artist_id, position) VALUES ($1, $2, $3)', [
        setlistId,
        ids.artist.get(`${namespace}:artist:${dj}`),
        position,
      ]);
    }
    await client.query(
      `INSERT INTO silver.setlist_tracks (setlist_id, part_index, position, track_id, raw)
       SELECT $1, r.part, r.position, r.track, CASE WHEN r.track IS NULL THEN 'ID - ID' END
       FROM unnest($2::int[], $3::int[], $4::bigint[]) AS r(part, position, track)`,
      [setlistId, rows.map((r) => r.part), rows.map((r) => r.position), rows.map((r) => r.track)],
    );
    await client.query("SELECT pg_notify('silver_changed', $1::text)", [String(setlistId)]);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

/**
 * Commits `count` new setlists one at a time (`gapMs` apart, so each is its own run) and measures, for each, the
 * time from COMMIT returning to the NOTIFY graph_changed that completes the announcement of its gold tracks.
 */
export async function measureIncrementalLatency({ pg, env, size, seed, namespace, count = 50, gapMs = 250, log }) {
  const catalogue = buildCatalogue(SIZES[size], seed);
  const first = SIZES[size].setlists + 1_000_000 + Math.floor(Math.random() * 1_000_000);
  const setlists = [...generateSetlists(catalogue, { first, count })];
  const ids = await resolveIds(pg, namespace, setlists);

  const listener = await pg.connect();
  const announced = new Set();
  let onNotify = () => {};
  listener.on('notification', (message) => {
    if (message.channel !== 'graph_changed') return;
    for (const id of JSON.parse(message.payload).trackIds) announced.add(id);
    onNotify(performance.now());
  });
  await listener.query('LISTEN graph_changed');

  const watch = startSyncCli(['--watch'], { ...env, LOG_LEVEL: 'info' });
  const latencies = [];
  try {
    await watch.waitForLog((l) => l.msg === 'sync run finished');
    const runId = Date.now();
    const valid = new Set([...ids.track.values()].filter((t) => t.valid).map((t) => t.id));
    for (const setlist of setlists) {
      const rows = setlistRows(setlist, ids, namespace);
      const expected = new Set(rows.map((r) => r.track).filter((id) => valid.has(id)));
      for (const id of expected) announced.delete(id);
      await commitSetlist(pg, setlist, rows, ids, namespace, runId);
      const committed = performance.now();
      const done = await new Promise((resolve) => {
        const check = (at) => [...expected].every((id) => announced.has(id)) && resolve(at);
        onNotify = check;
        check(performance.now());
      });
      latencies.push(done - committed);
      await new Promise((resolve) => setTimeout(resolve, gapMs));
    }
  } finally {
    watch.child.kill('SIGTERM');
    await watch.exited;
    await listener.query('UNLISTEN graph_changed');
    listener.release();
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  log.info({ latencies: latencies.map(round) }, 'incremental latencies (ms)');
  return {
    setlists: latencies.length,
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    maxMs: round(sorted.at(-1)),
    meanMs: round(latencies.reduce((a, b) => a + b, 0) / latencies.length),
    debounceMs: Number(env.SYNC_DEBOUNCE_MS ?? 100),
    gapMs,
  };
}
