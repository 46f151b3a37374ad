#!/usr/bin/env node
// `node k8s/validate/main.mjs`: renders every kustomization (render.mjs KUSTOMIZATIONS) and prints what breaks the
// rules (rules.mjs). Exit code 1 when anything does. `scripts/k8s.test.mjs` runs the same checks in `npm test`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseContract } from './contract.mjs';
import { K8S_DIR, KUSTOMIZATIONS, render, renderableCopy } from './render.mjs';
import { checkAll } from './rules.mjs';

/** The "Made outside the manifests" table of k8s/SECRETS.md: overlay -> [{name, keys}]. */
export function externalSecrets(markdown) {
  const section = markdown.split(/^## Made outside the manifests$/m)[1] ?? '';
  const byOverlay = {};
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 5 || !cells[2].startsWith('`')) continue;
    const [, overlay, name, keys] = cells;
    byOverlay[overlay] ??= [];
    byOverlay[overlay].push({ name: name.replaceAll('`', ''), keys: [...keys.matchAll(/`([^`]+)`/g)].map((m) => m[1]) });
  }
  return byOverlay;
}

/** The contract with the processes, from k8s/README.md. */
export const readContract = () => parseContract(readFileSync(join(K8S_DIR, 'README.md'), 'utf8'));

/** The options checkAll takes for a kustomization path such as overlays/production/migrate. */
export function optionsFor(path, secretsDoc = readFileSync(join(K8S_DIR, 'SECRETS.md'), 'utf8')) {
  const overlay = path.split('/')[1];
  return {
    externalSecrets: externalSecrets(secretsDoc)[overlay] ?? [],
    requireOperator: overlay === 'production' && !path.endsWith('/migrate'),
    contract: readContract(),
  };
}

export function validateAll() {
  const { dir, cleanup } = renderableCopy();
  try {
    return KUSTOMIZATIONS.map((path) => {
      const objects = render(dir, path);
      return { path, objects, problems: checkAll(objects, optionsFor(path)) };
    });
  } finally {
    cleanup();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let failed = false;
  for (const { path, objects, problems } of validateAll()) {
    process.stdout.write(`${path}: ${objects.length} objects, ${problems.length ? `${problems.length} problem(s)` : 'ok'}\n`);
    for (const problem of problems) process.stdout.write(`  - ${problem}\n`);
    failed ||= problems.length > 0;
  }
  process.exit(failed ? 1 : 0);
}
