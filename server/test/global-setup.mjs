import { prepareTestDatabase } from '../../scripts/test-database.mjs';

export default async function globalSetup() {
  // The test stack's Neo4j (scripts/stack.sh with SONGNODES_STACK=test) unless NEO4J_URI says otherwise.
  process.env.NEO4J_URI ||= 'bolt://127.0.0.1:7689';
  await prepareTestDatabase('server', { neo4j: true });
}
