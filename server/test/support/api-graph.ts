import pino from 'pino';
import { buildApp, type App } from '../../src/app';
import { loadServerConfig } from '../../src/config';
import { runSync } from '../../src/sync';
import { connectTestDatabases, uniquePrefix, type TestDatabases } from './databases';
import { insertHandMadeSilver } from './silver-fixtures';

/**
 * A small graph with known answers, written to silver as the crawler would and projected by the real sync:
 *   s1 (DJ X, 2020): A B D        s4 (DJ X, 2022-06): A D F
 *   s2 (DJ Y, 2021): A B D E      s5 (DJ Y): A U E   (U: "Unknown Artist", never in gold)
 *   s3 (DJ Z, 2022): A B C        s6 (DJ Z): C A
 * => A->B 3, B->D 2, A->D 1, B->C 1, C->A 1, D->E 1, D->F 1. A..F are credited to one artist, "<prefix> Artist".
 */
export async function seedApiGraph(db: TestDatabases) {
  const prefix = uniquePrefix();
  const tracks = { A: undefined, B: undefined, C: undefined, D: undefined, E: undefined, F: undefined, U: 'Unknown Artist' };
  const ids = await insertHandMadeSilver(db.pg, prefix, tracks, [
    { url: 's1', djs: ['DJ X'], date: '2020-01-01', parts: [['A', 'B', 'D']] },
    { url: 's2', djs: ['DJ Y'], date: '2021-01-01', parts: [['A', 'B', 'D', 'E']] },
    { url: 's3', djs: ['DJ Z'], date: '2022-01-01', parts: [['A', 'B', 'C']] },
    { url: 's4', djs: ['DJ X'], date: '2022-06-01', parts: [['A', 'D', 'F']] },
    { url: 's5', djs: ['DJ Y'], parts: [['A', 'U', 'E']] },
    { url: 's6', djs: ['DJ Z'], parts: [['C', 'A']] },
  ]);
  // A..F are credited to "<prefix> Artist" (their artist credit), as the refine step would write it.
  const artist = await db.pg.query<{ id: string }>('INSERT INTO silver.artists (name, name_key) VALUES ($1, $2) RETURNING id', [
    `${prefix} Artist`,
    `${prefix}:artist`,
  ]);
  await db.pg.query(`INSERT INTO silver.track_artists (track_id, artist_id, role) SELECT unnest($1::bigint[]), $2, 'primary'`, [
    ['A', 'B', 'C', 'D', 'E', 'F'].map((name) => ids[name]),
    artist.rows[0]!.id,
  ]);
  await runSync({ pg: db.pg, neo4j: db.neo4j, logger: pino({ level: 'silent' }) }, { full: true });
  return { prefix, ids, artistId: artist.rows[0]!.id, id: (name: keyof typeof tracks) => String(ids[name]) };
}

/** The app on port 0 against the test databases, and a small GraphQL client for it. */
export async function startApi(overrides: Record<string, string> = {}, options: Parameters<typeof buildApp>[1] = {}) {
  const app: App = await buildApp(loadServerConfig({ ...process.env, LOG_LEVEL: 'silent', ...overrides }), { clientDir: null, ...options });
  const url = await app.listen(0, '127.0.0.1');
  const graphql = async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as { data?: any; errors?: any[] }) };
  };
  return { app, url, graphql };
}

export { connectTestDatabases };
