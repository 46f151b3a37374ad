// Applies sql/migrations up to the first `count` ("all" for every one), with the options of scripts/migrate.mjs:
// `node migrate-to.mjs <databaseUrl> <count>`. A child process because node-pg-migrate is an ES module.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';

const [databaseUrl, count] = process.argv.slice(2);
const applied = await runner({
  databaseUrl,
  dir: join(dirname(fileURLToPath(import.meta.url)), '../../../sql/migrations'),
  direction: 'up',
  ...(count === 'all' ? {} : { count: Number(count) }),
  migrationsSchema: 'ops',
  createMigrationsSchema: true,
  migrationsTable: 'schema_migrations',
  checkOrder: true,
  log: () => {},
});
process.stdout.write(applied.map((m) => m.name).join(','));
