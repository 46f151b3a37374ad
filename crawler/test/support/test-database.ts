import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/**
 * A database of its own for one test file, copied from the migrated test database that global-setup.mjs made
 * (CREATE DATABASE ... TEMPLATE is a file copy: ~100 ms). Counts in one file can then not see another's rows.
 */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const template = new URL(process.env.DATABASE_URL as string);
  const name = `${template.pathname.slice(1)}_${randomUUID().slice(0, 8)}`;
  const admin = new URL(template);
  admin.pathname = '/postgres';
  const run = async (sql: string) => {
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE "${name}" TEMPLATE "${template.pathname.slice(1)}"`);
  const url = new URL(template);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
