// The rankings compared, each a function track id -> ranked ids (best first, at most k):
// the product through the real API over HTTP, the baselines and the ablation steps from the same databases.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO_ROOT } from '../import/cli.mjs';

const require = createRequire(join(REPO_ROOT, 'server', 'package.json'));
const { runSql } = require(join(REPO_ROOT, 'server/dist/db/run-sql.js'));
const { NEXT_TRACK_WEIGHTS } = require(join(REPO_ROOT, 'server/dist/schema/next-tracks/data.js'));

/** A GraphQL client for the API at `url`. */
export function graphqlClient(url) {
  return async (query, variables) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    if (body.errors) throw new Error(`${query.slice(0, 40)}…: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
}

/** The ablation: each step adds one kind of evidence to the one before (weights of next-tracks.sql). */
export const ABLATION = [
  {
    name: 'weight only (the explorer today)',
    weights: { djs: 0, recency: 0, otherVersions: 0, twoHop: 0, sharedSetlists: 0, popularity: 0 },
  },
  { name: '+ distinct DJs', weights: { djs: NEXT_TRACK_WEIGHTS.djs } },
  { name: '+ recency', weights: { recency: NEXT_TRACK_WEIGHTS.recency } },
  { name: '+ popularity of the next track', weights: { popularity: NEXT_TRACK_WEIGHTS.popularity } },
  { name: '+ other versions (remix ↔ original)', weights: { otherVersions: NEXT_TRACK_WEIGHTS.otherVersions } },
  { name: '+ two-hop routes', weights: { twoHop: NEXT_TRACK_WEIGHTS.twoHop } },
  { name: '+ shared setlists (co-occurrence) = nextTracks', weights: { sharedSetlists: NEXT_TRACK_WEIGHTS.sharedSetlists } },
];

export function cumulativeWeights(step) {
  return Object.assign({}, ...ABLATION.slice(0, step + 1).map((s) => s.weights));
}

export function rankings({ pg, graphql, k }) {
  const ids = (rows) => rows.map((r) => Number(r.id));
  return {
    nextTracksApi: async (id) =>
      ids(
        (
          await graphql(`query($id: ID!, $k: Int) { nextTracks(trackId: $id, first: $k) { track { id } } }`, { id: String(id), k })
        ).nextTracks.map((r) => r.track),
      ),
    explorerApi: async (id) => {
      const data = await graphql(
        `query($id: ID!, $k: Int) { neighbourhood(trackId: $id, depth: 1, direction: OUT, limit: $k) { edges { from { id } to { id } } } }`,
        { id: String(id), k },
      );
      return (data.neighbourhood?.edges ?? []).filter((e) => Number(e.from.id) === id).map((e) => Number(e.to.id));
    },
    recommendationsApi: async (id) =>
      ids(
        (
          await graphql(`query($id: ID!, $k: Int) { recommendations(trackId: $id, first: $k) { track { id } } }`, { id: String(id), k })
        ).recommendations.map((r) => r.track),
      ),
    rawCount: async (id) =>
      ids(
        (
          await pg.query(
            `SELECT t.to_track_id AS id FROM silver.transitions t JOIN silver.graph_transitions g USING (from_track_id, to_track_id)
             WHERE t.from_track_id = $1 ORDER BY t.occurrences DESC, t.to_track_id LIMIT $2`,
            [id, k],
          )
        ).rows,
      ),
    mostPlayed: (() => {
      let top = null;
      return async (id) => {
        top ??= ids((await pg.query('SELECT id FROM silver.graph_tracks ORDER BY plays DESC, id LIMIT $1', [k + 1])).rows);
        return top.filter((t) => t !== id).slice(0, k);
      };
    })(),
    ablation: (step) => async (id) => {
      const w = cumulativeWeights(step);
      return ids(await runSql(pg, 'api/next-tracks', [id, k, w.djs, w.recency, w.otherVersions, w.twoHop, w.sharedSetlists, w.popularity]));
    },
  };
}
