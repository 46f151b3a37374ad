import type { Pool } from 'pg';
import { connectTestDatabases, uniquePrefix, type TestDatabases } from '../support/databases';
import { startApi } from '../support/api-graph';
import { goldDifferences, readGoldEdges, readGoldTracks, syncOnce } from '../support/sync-gold';

// One set on two sources (docs/identity.md) through the API and the gold graph. The rows are the first six of the
// real 1001tracklists page of Bicep @ The Warehouse Project, RDM Rotterdam, 2023-04-28
// (crawler/src/sources/1001tracklists/fixtures/tracklist.html), stored as the crawler stores the page and a MixesDB
// page of the same set: two silver setlists, one performance.
const SET = [
  ['Bicep', 'Apricots'],
  ['Barker', "Look How Hard I've Tried"],
  ['Moderat', 'Copy Copy'],
  ['Jeshi', '3210'],
  ['Villager', 'Monocyclical'],
  ['Reece Cox', 'Emotion 1'],
] as const;
const TRACKLIST = 'https://www.1001tracklists.com/tracklist/1gz59x6t/bicep-the-warehouse-project-rdm-rotterdam-netherlands-2023-04-28.html';
const MIXESDB_TITLE = '2023-04-28 - Bicep @ The Warehouse Project, RDM Rotterdam, Netherlands';
const MIXESDB_PAGE = 'https://www.mixesdb.com/w/2023-04-28_-_Bicep_@_The_Warehouse_Project,_RDM_Rotterdam,_Netherlands';

async function seedTwoSources(pg: Pool, prefix: string): Promise<Record<string, number>> {
  const ids: Record<string, number> = {};
  for (const [artist, title] of SET) {
    const { rows } = await pg.query('INSERT INTO silver.tracks (title, artist_credit, track_key) VALUES ($1, $2, $3) RETURNING id', [
      title,
      artist,
      `${prefix}:${artist}|${title}`,
    ]);
    ids[title] = Number(rows[0].id);
  }
  const dj = await pg.query('INSERT INTO silver.artists (name, name_key) VALUES ($1, $2) RETURNING id', ['Bicep', `${prefix}:bicep`]);
  const setlists: [string, string, string, string][] = [
    ['1001tracklists', `${prefix}1gz59x6t`, TRACKLIST, 'Bicep - The Warehouse Project, RDM Rotterdam, Netherlands 2023-04-28'],
    ['mixesdb', `${prefix} ${MIXESDB_TITLE}`, MIXESDB_PAGE, MIXESDB_TITLE],
  ];
  for (const [source, sourceId, url, title] of setlists) {
    const { rows } = await pg.query(
      `INSERT INTO silver.setlists (source, source_id, source_url, title, date, content_sha256, track_count, identified_count)
       VALUES ($1, $2, $3, $4, '2023-04-28', 'seeded', 6, $5) RETURNING id`,
      [source, sourceId, url, title, source === 'mixesdb' ? 5 : 6],
    );
    const setlistId = Number(rows[0].id);
    await pg.query('INSERT INTO silver.setlist_djs (setlist_id, artist_id, position) VALUES ($1, $2, 0)', [setlistId, dj.rows[0].id]);
    await pg.query(
      `INSERT INTO silver.setlist_tracks (setlist_id, part_index, position, track_id)
       SELECT $1, 0, position, track_id FROM unnest($2::bigint[]) WITH ORDINALITY AS r(track_id, position)`,
      [setlistId, SET.map(([, title]) => ids[title])],
    );
  }
  return ids;
}

describe('one performance on two sources: API and gold', () => {
  let db: TestDatabases;
  let api: Awaited<ReturnType<typeof startApi>>;
  let ids: Record<string, number>;
  beforeAll(async () => {
    db = connectTestDatabases();
    ids = await seedTwoSources(db.pg, uniquePrefix());
    await syncOnce(db);
    api = await startApi();
  });
  afterAll(async () => {
    await api.app.close();
    await db.close();
  });

  it('lists the performance once behind its transition, with both source links, and counts it once', async () => {
    const { data, errors } = await api.graphql(
      `query($from: ID!, $to: ID!) { transition(fromId: $from, toId: $to) { weight djs
         setlists { totalCount edges { node { title source sourceUrl date djs sources { title source sourceUrl } } } } } }`,
      { from: String(ids.Apricots), to: String(ids["Look How Hard I've Tried"]) },
    );
    expect(errors).toBeUndefined();
    expect(data.transition).toMatchObject({ weight: 1, djs: 1, setlists: { totalCount: 1 } });
    const [edge] = data.transition.setlists.edges;
    // told by the setlist with the most identified rows (the 1001tracklists page here)
    expect(edge.node).toMatchObject({ source: '1001tracklists', sourceUrl: TRACKLIST, date: '2023-04-28', djs: ['Bicep'] });
    expect(edge.node.sources.map((s: { source: string; sourceUrl: string }) => [s.source, s.sourceUrl])).toEqual([
      ['1001tracklists', TRACKLIST],
      ['mixesdb', MIXESDB_PAGE],
    ]);
  });

  it('reports performances next to setlists', async () => {
    const { data } = await api.graphql('{ stats { setlists performances } }');
    const counted = await db.pg.query(
      'SELECT count(*)::int AS setlists, count(DISTINCT performance_id)::int AS performances FROM silver.setlists',
    );
    expect(data.stats).toEqual(counted.rows[0]);
    expect(data.stats.setlists - data.stats.performances).toBeGreaterThanOrEqual(1);
  });

  it('projects weights and plays of one to gold, and gold equals silver', async () => {
    const edges = await readGoldEdges(db.neo4j, ids);
    expect(Object.keys(edges)).toHaveLength(5);
    expect(Object.values(edges).map((edge) => (edge as { weight: number }).weight)).toEqual([1, 1, 1, 1, 1]);
    const tracks = await readGoldTracks(db.neo4j, ids);
    expect(Object.values(tracks).map((track) => (track as { plays: number }).plays)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(await goldDifferences(db)).toEqual([]);
  });
});
