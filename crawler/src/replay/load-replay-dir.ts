/**
 * Reads a folder of stored pages into replay server options, for running the replay server by hand:
 *
 *   <dir>/mixesdb/<title>.wiki            page title = file base name, "/" written as "%2F"
 *   <dir>/1001tracklists/**\/*.html        served at "/" + the path relative to 1001tracklists/
 *   <dir>/1001tracklists/search.json      optional: { "<query>": ["/tracklist/….html", …] }
 *   <dir>/setlistfm/*.json                a setlist, or a search response whose `setlist` array is merged
 *   <dir>/<source>/robots.txt             optional: replaces that origin's permissive default
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { REPLAY_SOURCES, type ReplayServerOptions, type ReplaySource } from './types';

async function listFiles(folder: string, recursive: boolean): Promise<string[]> {
  try {
    return (await readdir(folder, { recursive })).sort();
  } catch (error) {
    // A source folder is optional: a directory with only MixesDB pages is a valid replay set.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function loadMixesdbPages(folder: string): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  for (const name of await listFiles(folder, false)) {
    if (!name.endsWith('.wiki')) continue;
    const title = name.slice(0, -'.wiki'.length).replace(/%2F/gi, '/');
    pages.set(title, await readFile(join(folder, name), 'utf8'));
  }
  return pages;
}

async function loadTracklistPages(folder: string): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  for (const relative of await listFiles(folder, true)) {
    if (!relative.endsWith('.html')) continue;
    pages.set(`/${relative.split(sep).join('/')}`, await readFile(join(folder, relative), 'utf8'));
  }
  return pages;
}

async function loadTracklistSearch(folder: string): Promise<Map<string, string[]> | undefined> {
  const text = await readOptional(join(folder, 'search.json'));
  if (text === undefined) return undefined;
  const parsed = JSON.parse(text) as Record<string, string[]>;
  return new Map(Object.entries(parsed));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Setlists from every JSON file, in file order; a setlist id seen twice keeps its first copy. */
async function loadSetlists(folder: string): Promise<unknown[]> {
  const byId = new Map<unknown, unknown>();
  for (const name of await listFiles(folder, false)) {
    if (!name.endsWith('.json')) continue;
    const json: unknown = JSON.parse(await readFile(join(folder, name), 'utf8'));
    const setlists = isRecord(json) && Array.isArray(json.setlist) ? json.setlist : [json];
    for (const setlist of setlists) {
      if (!isRecord(setlist) || typeof setlist.id !== 'string') {
        throw new TypeError(`${join(folder, name)} holds neither a setlist nor a setlist search response`);
      }
      if (!byId.has(setlist.id)) byId.set(setlist.id, setlist);
    }
  }
  return [...byId.values()];
}

/** Loads a replay folder (see the file comment for its layout). */
export async function loadReplayDir(dir: string): Promise<ReplayServerOptions> {
  const robots: Partial<Record<ReplaySource, string>> = {};
  for (const source of REPLAY_SOURCES) {
    const text = await readOptional(join(dir, source, 'robots.txt'));
    if (text !== undefined) robots[source] = text;
  }
  const tracklistsFolder = join(dir, '1001tracklists');
  const search = await loadTracklistSearch(tracklistsFolder);
  return {
    mixesdb: { pages: await loadMixesdbPages(join(dir, 'mixesdb')) },
    tracklists1001: { pages: await loadTracklistPages(tracklistsFolder), ...(search ? { search } : {}) },
    setlistfm: { setlists: await loadSetlists(join(dir, 'setlistfm')) },
    robots,
  };
}
