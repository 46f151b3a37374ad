import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The server package's folder, found from this file whether it runs from src/ (ts-jest) or dist/. */
export const serverRoot = findUp(__dirname, 'package.json');

/** The repository root: sql/ and cypher/ live there and are read at run time. */
export const repoRoot = dirname(serverRoot);

function findUp(from: string, marker: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, marker))) return dir;
    if (dirname(dir) === dir) throw new Error(`no ${marker} above ${from}`);
  }
}

/** The server's version, from its package.json. */
export const serverVersion: string = (JSON.parse(readFileSync(join(serverRoot, 'package.json'), 'utf8')) as { version: string }).version;
