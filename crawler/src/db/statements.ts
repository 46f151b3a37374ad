import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SQL_DIR = join(__dirname, '..', '..', '..', 'sql', 'queries', 'crawler');
const cache = new Map<string, string>();

/** A parameterised statement from sql/queries/crawler/<name>.sql. */
export function crawlerSql(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(join(SQL_DIR, `${name}.sql`), 'utf8');
    cache.set(name, text);
  }
  return text;
}
