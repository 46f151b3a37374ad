// Renders a kustomization with `kubectl kustomize` into plain objects. The secrets' env files are git-ignored, so
// rendering works on a copy of k8s/ where every missing `*.env` is made from its `*.env.example` with placeholder
// values: the example files are then exactly what a deployer must fill in.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

export const K8S_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Every kustomization a deployer applies: each overlay and its migrate/ step. */
export const KUSTOMIZATIONS = ['overlays/local', 'overlays/local/migrate', 'overlays/production', 'overlays/production/migrate'];

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** The keys an example env file declares (`NAME=` lines; comments and blank lines skipped). */
export function exampleKeys(text) {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split('=')[0]);
}

/** A copy of k8s/ with every `x.env` that only exists as `x.env.example` filled with placeholders. */
export function renderableCopy(source = K8S_DIR) {
  const copy = mkdtempSync(join(tmpdir(), 'songnodes-k8s-'));
  cpSync(source, copy, { recursive: true });
  for (const file of walk(copy)) {
    if (!file.endsWith('.env.example')) continue;
    const target = file.slice(0, -'.example'.length);
    if (existsSync(target)) continue;
    const keys = exampleKeys(readFileSync(file, 'utf8'));
    writeFileSync(target, `${keys.map((key) => `${key}=placeholder-${key.toLowerCase()}`).join('\n')}\n`);
  }
  return { dir: copy, cleanup: () => rmSync(copy, { recursive: true, force: true }) };
}

/** YAML text (one or more documents) to objects; a YAML error throws with the document's position. */
export function parseManifests(text, origin = 'manifest') {
  const objects = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length) throw new Error(`${origin}: ${doc.errors[0].message}`);
    const value = doc.toJS();
    if (value != null) objects.push(value);
  }
  return objects;
}

/** `kubectl kustomize <root>/<path>` as objects; a kustomize error throws with its message. */
export function render(root, path) {
  let out;
  try {
    out = execFileSync('kubectl', ['kustomize', join(root, path)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw new Error(`kubectl kustomize ${relative(root, join(root, path))} failed: ${error.stderr || error.message}`);
  }
  return parseManifests(out, path);
}
