import { Client } from 'pg';
import { connectTestDatabases, uniquePrefix, type TestDatabases } from '../support/databases';
import { runRepoScript } from '../support/run-script';

// `npm run migrate` = node scripts/migrate.mjs, against the real servers.
describe('migrations', () => {
  let db: TestDatabases;
  beforeAll(() => {
    db = connectTestDatabases();
  });
  afterAll(() => db.close());

  describe('PostgreSQL', () => {
    const name = `songnodes_migrate_${uniquePrefix()}`;
    const url = new URL(process.env.DATABASE_URL as string);
    url.pathname = `/${name}`;

    beforeAll(() => db.pg.query(`CREATE DATABASE "${name}"`));
    afterAll(() => db.pg.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

    it('applies every migration to an empty database, and a second run applies nothing', async () => {
      const first = runRepoScript('migrate.mjs', ['--only', 'sql'], { DATABASE_URL: url.toString() });
      expect(first.status).toBe(0);
      expect(first.stderr).toMatch(/postgres: applied 0001_ops, 0002_bronze, 0003_silver, 0004_silver_transitions, 0005_ops_sources/);

      const second = runRepoScript('migrate.mjs', ['--only', 'sql'], { DATABASE_URL: url.toString() });
      expect(second.status).toBe(0);
      expect(second.stderr).toMatch(/postgres: up to date/);
    });

    it('creates the tables and views of ARCHITECTURE §2', async () => {
      const client = new Client({ connectionString: url.toString() });
      await client.connect();
      try {
        const { rows } = await client.query(
          `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
           WHERE table_schema IN ('bronze', 'silver', 'ops') ORDER BY 1`,
        );
        expect(rows.map((r) => r.name)).toEqual(
          expect.arrayContaining([
            'bronze.pages',
            'bronze.setlist_rows',
            'bronze.setlists',
            'ops.crawl_runs',
            'ops.sync_state',
            'ops.target_track_searches',
            'silver.artists',
            'silver.graph_tracks',
            'silver.graph_transitions',
            'silver.setlist_djs',
            'silver.setlist_tracks',
            'silver.setlists',
            'silver.track_artists',
            'silver.tracks',
            'silver.transition_occurrences',
            'silver.transitions',
          ]),
        );
        const search = await client.query(
          `INSERT INTO ops.target_track_searches (artist, title, source) VALUES ('Deadmau5', 'Strobe', 'mixesdb')
           RETURNING search_query, status`,
        );
        expect(search.rows[0]).toEqual({ search_query: 'Deadmau5 Strobe', status: 'pending' });
        await expect(
          client.query(`INSERT INTO ops.target_track_searches (artist, title, source) VALUES ('deadmau5 ', 'strobe', 'mixesdb')`),
        ).rejects.toThrow(/target_track_searches_identity/);
      } finally {
        await client.end();
      }
    });
  });

  describe('Neo4j', () => {
    const fingerprint = async () => {
      const constraints = await db.neo4j.executeQuery(
        'SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN name, type, labelsOrTypes, properties ORDER BY name',
      );
      const indexes = await db.neo4j.executeQuery(
        'SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state RETURN name, type, labelsOrTypes, properties, state ORDER BY name',
      );
      return [...constraints.records, ...indexes.records].map((r) => r.toObject());
    };

    it('has the constraints and indexes of ARCHITECTURE §4, and a second migrate changes nothing', async () => {
      const before = await fingerprint();
      expect(before).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: 'track_id', type: 'UNIQUENESS', labelsOrTypes: ['Track'], properties: ['id'] }),
          expect.objectContaining({ name: 'artist_id', type: 'UNIQUENESS', labelsOrTypes: ['Artist'], properties: ['id'] }),
          expect.objectContaining({
            name: 'track_search',
            type: 'FULLTEXT',
            labelsOrTypes: ['Track'],
            properties: ['title', 'artistCredit', 'version'],
            state: 'ONLINE',
          }),
          expect.objectContaining({ name: 'transition_weight', type: 'RANGE', labelsOrTypes: ['TRANSITION'] }),
        ]),
      );
      const again = runRepoScript('migrate.mjs', ['--only', 'cypher'], {
        NEO4J_URI: db.config.neo4jUri,
        NEO4J_USER: db.config.neo4jUser,
        NEO4J_PASSWORD: db.config.neo4jPassword,
      });
      expect(again.status).toBe(0);
      expect(again.stderr).toMatch(/neo4j: up to date/);
      expect(await fingerprint()).toEqual(before);
    });
  });
});
