import { prepareTestDatabase } from '../../scripts/test-database.mjs';

export default async function globalSetup() {
  // The test stack (scripts/stack.sh with SONGNODES_STACK=test) unless DATABASE_URL / NEO4J_URI say otherwise:
  // prepareTestDatabase applies those defaults.
  await prepareTestDatabase('server', { neo4j: true });
}
