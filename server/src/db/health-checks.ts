import type { Driver } from 'neo4j-driver';
import type { Pool } from 'pg';

/** True when PostgreSQL answers a trivial query. */
export async function isPostgresReachable(pg: Pool): Promise<boolean> {
  try {
    await pg.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

/** True when Neo4j accepts a session and answers a trivial query. */
export async function isNeo4jReachable(neo4j: Driver): Promise<boolean> {
  try {
    await neo4j.executeQuery('RETURN 1', {}, { database: 'neo4j' });
    return true;
  } catch {
    return false;
  }
}
