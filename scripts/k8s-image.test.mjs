// The image's entry point picks the process from its first argument (deploy/image/entrypoint.sh), and the
// Containerfile copies only what exists. The image itself is built and run by `scripts/build-image.sh --smoke`
// (too slow and too dependent on this machine's container runtime for `npm test`).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ENTRYPOINT = join(ROOT, 'deploy/image/entrypoint.sh');
const bin = mkdtempSync(join(tmpdir(), 'songnodes-entrypoint-'));
after(() => rmSync(bin, { recursive: true, force: true }));

// A stand-in `node` that records its arguments, so the test sees exactly what each command would run.
const log = join(bin, 'calls.log');
writeFileSync(
  join(bin, 'node'),
  `#!/bin/sh\necho "node $*" >> "${log}"\n[ -n "\${FAIL_ON:-}" ] && case "$*" in *"$FAIL_ON"*) exit 3 ;; esac\nexit 0\n`,
);
chmodSync(join(bin, 'node'), 0o755);

function entrypoint(args, env = {}) {
  rmSync(log, { force: true });
  const result = spawnSync('sh', [ENTRYPOINT, ...args], {
    encoding: 'utf8',
    env: { PATH: `${bin}:/usr/bin:/bin`, SONGNODES_APP_DIR: '/app', ...env },
  });
  const calls = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, calls };
}

test('each command runs its process with the arguments passed on', () => {
  // the API process is main.js (server/dist/index.js only exports, since one public entry per workspace)
  assert.deepEqual(entrypoint([]).calls, ['node /app/server/dist/main.js']);
  assert.deepEqual(entrypoint(['api']).calls, ['node /app/server/dist/main.js']);
  assert.deepEqual(entrypoint(['worker', '--interval-minutes', '10']).calls, [
    'node /app/crawler/dist/main.js worker --interval-minutes 10',
  ]);
  assert.deepEqual(entrypoint(['crawl', 'targets', 'list']).calls, ['node /app/crawler/dist/main.js targets list']);
  assert.deepEqual(entrypoint(['migrate', '--only', 'sql']).calls, ['node /app/scripts/migrate.mjs --only sql']);
  assert.deepEqual(entrypoint(['sync']).calls, ['node /app/server/dist/sync/main.js']);
  assert.deepEqual(entrypoint(['sync', '--full']).calls, ['node /app/server/dist/sync/main.js --full']);
  assert.deepEqual(entrypoint(['sync', '--check']).calls, ['node /app/server/dist/sync/main.js --check']);
});

test('sync --watch (the gold sidecar) applies the Neo4j schema, then watches', () => {
  const run = entrypoint(['sync', '--watch']);
  assert.equal(run.status, 0);
  assert.deepEqual(run.calls, ['node /app/scripts/migrate.mjs --only cypher', 'node /app/server/dist/sync/main.js --watch']);
  // No schema, no watching: the container exits and Kubernetes restarts it (Neo4j not up yet, wrong password).
  const failed = entrypoint(['sync', '--watch'], { FAIL_ON: '--only cypher' });
  assert.notEqual(failed.status, 0);
  assert.deepEqual(failed.calls, ['node /app/scripts/migrate.mjs --only cypher']);
});

test('help lists the commands; an unknown command is a usage error', () => {
  const help = entrypoint(['help']);
  assert.equal(help.status, 0);
  for (const command of ['api', 'worker', 'sync', 'migrate', 'crawl']) assert.match(help.stdout, new RegExp(`^  ${command}\\b`, 'm'));
  assert.equal(entrypoint(['api', '--help']).status, 0);
  const bad = entrypoint(['serve']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown command 'serve'/);
  assert.deepEqual(bad.calls, []);
});

test('the Containerfile copies only paths that exist or that the build makes, and runs as a non-root user', () => {
  const file = readFileSync(join(ROOT, 'deploy/image/Containerfile'), 'utf8');
  const copies = [...file.matchAll(/^COPY --from=build \/src\/(\S+) /gm)].map((m) => m[1]);
  assert.ok(copies.length >= 10, 'the runtime stage copies the build output');
  for (const path of copies) {
    const built = /^(contracts|parsing|crawler|server|client)\/dist$/.test(path) || path === 'node_modules';
    if (!built) assert.ok(existsSync(join(ROOT, path)), `${path} exists in the repository`);
    if (built && path !== 'node_modules') {
      const pkg = JSON.parse(readFileSync(join(ROOT, dirname(path), 'package.json'), 'utf8'));
      assert.ok(pkg.scripts?.build, `${dirname(path)} has a build script making dist/`);
    }
  }
  assert.match(file, /^USER 10001:10001$/m);
  assert.match(file, /^ARG BASE_IMAGE=\S+:\d+\.\d+\.\d+-bookworm-slim$/m, 'the default base image is pinned to a Node release');
  // The last matching line of the ignore file wins; `!` lets a path back in.
  const patterns = readFileSync(join(ROOT, 'deploy/image/Containerfile.dockerignore'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'));
  const ignored = (path) => patterns.reduce((state, p) => (path.startsWith(p.replace(/^!/, '')) ? !p.startsWith('!') : state), false);
  const sources = [...file.matchAll(/^COPY (?!--from)(\S+) /gm)].map((m) => m[1]);
  assert.ok(sources.includes('deploy/image/entrypoint.sh'));
  for (const path of sources) assert.ok(!ignored(path), `${path} is not ignored`);
  assert.ok(ignored('deploy/image/smoke.sh') && !ignored('server/src'), 'the ignore rules read as meant');
});

test('every workspace the processes run is installed and copied, and so is every local module migrate.mjs imports', () => {
  const file = readFileSync(join(ROOT, 'deploy/image/Containerfile'), 'utf8');
  const { workspaces } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const served = workspaces.filter((w) => w !== 'client'); // the explorer is served from client/dist
  assert.ok(served.length >= 4, 'the root package lists its workspaces');
  for (const w of workspaces) assert.ok(file.includes(`\nCOPY ${w}/package.json ${w}/\n`), `npm ci sees ${w}/package.json`);
  for (const w of served) {
    assert.ok(file.includes(`\nCOPY --from=build /src/${w}/package.json ${w}/\n`), `the runtime has ${w}/package.json`);
    assert.ok(file.includes(`\nCOPY --from=build /src/${w}/dist ${w}/dist\n`), `the runtime has ${w}/dist`);
  }
  const imports = [...readFileSync(join(ROOT, 'scripts/migrate.mjs'), 'utf8').matchAll(/from '\.\/(\S+\.mjs)'/g)].map((m) => m[1]);
  assert.ok(imports.includes('local-stack.mjs'), 'migrate.mjs imports its local modules by relative path');
  for (const m of imports) assert.ok(file.includes(`/src/scripts/${m} scripts/${m}\n`), `the runtime has scripts/${m}`);
});
