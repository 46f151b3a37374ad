import { parseArgs } from 'node:util';
import type { RunCrawlOptions } from '../crawl/run-crawl';
import { isSourceName, SOURCE_NAMES } from '../sources/source-names';
import { UsageError } from './output';

const parseOptions = (argv: string[]) =>
  parseArgs({
    args: argv,
    options: { source: { type: 'string', multiple: true }, limit: { type: 'string' }, force: { type: 'boolean' } },
  });

/** `run [--source name] [--limit N] [--force]` -> RunCrawlOptions, or a UsageError saying what is wrong. */
export function parseRunArgs(argv: string[]): RunCrawlOptions {
  let values: ReturnType<typeof parseOptions>['values'];
  try {
    ({ values } = parseOptions(argv));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const sources = values.source?.map((s) => s.trim());
  const unknown = sources?.find((s) => !isSourceName(s));
  if (unknown) throw new UsageError(`unknown source "${unknown}" (one of ${SOURCE_NAMES.join(', ')})`);
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new UsageError('--limit takes a whole number >= 1');
  return { sources: sources?.filter(isSourceName), limit, force: values.force ?? false };
}
