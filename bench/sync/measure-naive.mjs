// The baseline: the same projection done naively, one MERGE per row and one transaction per row, on a subset of
// the synthetic set (its first `edges` transitions in key order, the tracks they join, those tracks' credits).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { BENCH_DIR, clearGoldGraph } from './gold-admin.mjs';

const statement = (name) => readFile(join(BENCH_DIR, `${name}.cypher`), 'utf8');

/** Reads the subset from silver; every id stays a plain number until it is sent. */
async function readSubset(pg, edges) {
  const transitions = await pg.query(
    `SELECT from_track_id::float8 AS "from", to_track_id::float8 AS "to", weight, djs,
            first_seen::text AS "firstSeen", last_seen::text AS "lastSeen"
     FROM silver.graph_transitions ORDER BY from_track_id, to_track_id LIMIT $1`,
    [edges],
  );
  const trackIds = [...new Set(transitions.rows.flatMap((r) => [r.from, r.to]))];
  const tracks = await pg.query(
    `SELECT id::float8 AS id, title, version, artist_credit AS "artistCredit", plays
     FROM silver.graph_tracks WHERE id = ANY($1::bigint[])`,
    [trackIds],
  );
  const credits = await pg.query(
    `SELECT ta.track_id::float8 AS "trackId", ta.artist_id::float8 AS "artistId", ta.role, a.name
     FROM silver.track_artists ta JOIN silver.artists a ON a.id = ta.artist_id WHERE ta.track_id = ANY($1::bigint[])`,
    [trackIds],
  );
  return { transitions: transitions.rows, tracks: tracks.rows, credits: credits.rows };
}

/**
 * Clears gold, then writes the subset row by row. Resolves with its counts and rates; transitions/s counts the
 * whole run (tracks and credits included), as the full projection's rate does.
 */
export async function measureNaiveProjection({ pg, driver, edges, log }) {
  const subset = await readSubset(pg, edges);
  await clearGoldGraph(driver);
  const [mergeTrack, mergeCredit, mergeTransition] = await Promise.all(
    ['naive-merge-track', 'naive-merge-credit', 'naive-merge-transition'].map(statement),
  );
  const session = driver.session();
  const int = (value) => neo4j.int(value);
  const started = performance.now();
  try {
    for (const t of subset.tracks) {
      await session.executeWrite((tx) => tx.run(mergeTrack, { ...t, id: int(t.id), plays: int(t.plays) }));
    }
    for (const c of subset.credits) {
      await session.executeWrite((tx) => tx.run(mergeCredit, { ...c, trackId: int(c.trackId), artistId: int(c.artistId) }));
    }
    log.info({ tracks: subset.tracks.length, credits: subset.credits.length }, 'naive: tracks and credits written');
    for (const e of subset.transitions) {
      const params = { ...e, from: int(e.from), to: int(e.to), weight: int(e.weight), djs: int(e.djs) };
      await session.executeWrite((tx) => tx.run(mergeTransition, params));
    }
  } finally {
    await session.close();
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    transitions: subset.transitions.length,
    tracks: subset.tracks.length,
    credits: subset.credits.length,
    transactions: subset.transitions.length + subset.tracks.length + subset.credits.length,
    seconds: round(seconds),
    transitionsPerSecond: Math.round(subset.transitions.length / seconds),
  };
}

const round = (value) => Math.round(value * 100) / 100;
