import { join } from 'node:path';
import pino from 'pino';
import { createPool } from '../../src/db/pool';
import { createProgress } from '../../src/import/progress-bar';
import { runImport } from '../../src/import/run-import';
import type { ImportFormat } from '../../src/import/types';
import { createTestDatabase } from './test-database';

export const REPO_ROOT = join(__dirname, '..', '..', '..');
export const ESSENTIAL_MIX_JSON = join(REPO_ROOT, 'data', 'mixesdb-wikitext', 'essential-mix-1993-2009.json');
export const MIXESDB_CSV_DIR = join(REPO_ROOT, 'crawler', 'src', 'sources', 'mixesdb', 'fixtures');
export const TRACKLIST_1001_HTML = join(REPO_ROOT, 'crawler', 'src', 'sources', '1001tracklists', 'fixtures', 'tracklist.html');

/** A database of the test's own and `runImport` against it, silently. */
export async function startImportHarness() {
  const database = await createTestDatabase();
  const pool = createPool(database.url);
  const logger = pino({ level: 'silent' });
  return {
    url: database.url,
    pool,
    import: (paths: string[], format: ImportFormat | 'auto' = 'auto', path: { batchSize?: number; perSetlist?: boolean } = {}) =>
      runImport(
        { pool, logger, progress: createProgress({ label: 'test', logger, tty: false }) },
        { paths, format, workerId: 'test', ...path },
      ),
    count: async (sql: string): Promise<number> => Number((await pool.query(sql)).rows[0].n),
    close: async () => {
      await pool.end();
      await database.drop();
    },
  };
}

export type ImportHarness = Awaited<ReturnType<typeof startImportHarness>>;
