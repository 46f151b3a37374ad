import type { Logger } from 'pino';
import type { Pool } from 'pg';
import { UsageError, type Output } from '../cli/output';
import { crawlerSql } from '../db/statements';
import { createProgress } from './progress-bar';
import { DEFAULT_BATCH_SIZE, runImport } from './run-import';
import { formatSummary } from './summary';
import { IMPORT_FORMATS, isImportFormat, type ImportFormat } from './types';

export const IMPORT_USAGE = `import <file|folder>... [--format auto|${IMPORT_FORMATS.join('|')}] [--if-empty]
       [--batch N | --per-setlist]               tracklists you have (MixesDB wikitext JSON/.wiki, MixesDB CSV,
                                                 saved 1001tracklists pages, CUE sheets, text) through parse -> silver,
                                                 N setlists per transaction (default ${DEFAULT_BATCH_SIZE}), or one by one`;

interface ImportArgs {
  paths: string[];
  format: ImportFormat | 'auto';
  ifEmpty: boolean;
  batchSize: number;
  perSetlist: boolean;
}

export function parseImportArgs(argv: string[]): ImportArgs {
  const args: ImportArgs = { paths: [], format: 'auto', ifEmpty: false, batchSize: DEFAULT_BATCH_SIZE, perSetlist: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--format') {
      const value = argv[++i] ?? '';
      if (value !== 'auto' && !isImportFormat(value)) throw new UsageError(`--format takes auto or one of ${IMPORT_FORMATS.join(', ')}`);
      args.format = value;
    } else if (arg === '--if-empty') args.ifEmpty = true;
    else if (arg === '--per-setlist') args.perSetlist = true;
    else if (arg === '--batch') {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 1) throw new UsageError('--batch takes a whole number of setlists, 1 or more');
      args.batchSize = value;
    } else if (arg.startsWith('--')) throw new UsageError(`unknown import option ${arg}`);
    else args.paths.push(arg);
  }
  if (args.paths.length === 0) throw new UsageError('import needs a file or a folder');
  return args;
}

/**
 * `crawl import`. With --if-empty (what `npm start` uses) it runs only when silver holds no setlist yet, or when an
 * earlier import was left unfinished (a killed first start completes on the next).
 */
export async function importCommand(deps: { pool: Pool; logger: Logger; workerId: string }, argv: string[], out: Output): Promise<number> {
  const args = parseImportArgs(argv);
  if (args.ifEmpty) {
    const { rows } = await deps.pool.query(crawlerSql('import-unfinished'));
    if (rows[0].setlists > 0 && rows[0].unfinished === 0) {
      out.line(`import: skipped, silver already holds ${rows[0].setlists} setlist(s)`);
      return 0;
    }
  }
  const progress = createProgress({ label: 'import', logger: deps.logger });
  const summary = await runImport(
    { ...deps, progress },
    {
      paths: args.paths,
      format: args.format,
      workerId: deps.workerId,
      batchSize: args.batchSize,
      perSetlist: args.perSetlist,
    },
  );
  for (const line of formatSummary(summary)) out.line(line);
  return summary.files.imported + summary.files.skipped === 0 && summary.files.refused > 0 ? 1 : 0;
}
