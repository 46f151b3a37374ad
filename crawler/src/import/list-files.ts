import { readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { isIgnoredInFolder } from './detect-format';

/**
 * The files named on the command line, folders walked recursively in name order (so a re-run meets them in the
 * same order). Inside a folder, notes beside the data (SOURCE.md, README, hidden files) are passed over; a file
 * named directly is always taken. A path that does not exist is returned as missing, not thrown.
 */
export function listImportFiles(paths: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      if (isIgnoredInFolder(name)) continue;
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(path);
    }
  };
  for (const given of paths) {
    const path = resolve(given);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      missing.push(given);
      continue;
    }
    if (isDirectory) walk(path);
    else files.push(path);
  }
  return { files: [...new Set(files)], missing };
}

export { basename };
