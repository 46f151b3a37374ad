import { prepareTestDatabase } from '../../scripts/test-database.mjs';

export default async function globalSetup() {
  await prepareTestDatabase('crawler');
}
