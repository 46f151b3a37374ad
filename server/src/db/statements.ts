import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../paths';

const cache = new Map<string, string>();

function load(path: string): string {
  let text = cache.get(path);
  if (text === undefined) {
    text = readFileSync(path, 'utf8');
    cache.set(path, text);
  }
  return text;
}

/** A parameterised query from sql/queries/<name>.sql (`$1`, `$2`...). */
export function sqlQuery(name: string): string {
  return load(join(repoRoot, 'sql', 'queries', `${name}.sql`));
}

/** A parameterised statement from cypher/<name>.cypher (`$param`). */
export function cypherQuery(name: string): string {
  return load(join(repoRoot, 'cypher', `${name}.cypher`));
}
