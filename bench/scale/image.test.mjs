// node --test bench/scale: the image mode's podman arguments, its --image / SCALE_IMAGE choice and the image summary.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeImage, imageRefFrom, podmanRunArgs, TREE_COMMANDS } from './image.mjs';

test('imageRefFrom takes --image <ref>, --image=<ref>, then SCALE_IMAGE; none is tree mode', () => {
  assert.equal(imageRefFrom(['--image', 'localhost/songnodes/app:0.1.0'], {}), 'localhost/songnodes/app:0.1.0');
  assert.equal(imageRefFrom(['--image=localhost/a:b'], { SCALE_IMAGE: 'other' }), 'localhost/a:b');
  assert.equal(imageRefFrom([], { SCALE_IMAGE: 'localhost/c:d' }), 'localhost/c:d');
  assert.equal(imageRefFrom([], {}), null);
  assert.equal(imageRefFrom([], { SCALE_IMAGE: '' }), null);
  assert.throws(() => imageRefFrom(['--image'], {}), /takes an image reference/);
  assert.throws(() => imageRefFrom(['--image', '--other'], {}), /takes an image reference/);
});

test('podmanRunArgs: --rm, named, host network, the non-root user, runtime args, only the given env, then image and command', () => {
  const args = podmanRunArgs({
    image: 'localhost/songnodes/app:0.1.0',
    name: 'songnodes-scale-1-api-0-1',
    command: 'api',
    env: { PORT: '18410', NEO4J_URI: 'bolt://127.0.0.1:7761,bolt://127.0.0.1:7762', NEO4J_USER: undefined },
    runtimeArgs: ['--ulimit', 'nofile=65536:65536', '--runtime', 'runc'],
  });
  assert.deepEqual(args, [
    'run',
    '--rm',
    '--name',
    'songnodes-scale-1-api-0-1',
    '--network',
    'host',
    '--user',
    '10001:10001',
    '--ulimit',
    'nofile=65536:65536',
    '--runtime',
    'runc',
    '--env',
    'PORT=18410',
    '--env',
    'NEO4J_URI=bolt://127.0.0.1:7761,bolt://127.0.0.1:7762',
    'localhost/songnodes/app:0.1.0',
    'api',
  ]);
});

test('podmanRunArgs passes the command arguments after the image command, and refuses an unknown command', () => {
  const args = podmanRunArgs({ image: 'img', name: 'n', command: 'worker', args: ['--source', 'mixesdb'], env: {} });
  assert.deepEqual(args.slice(-4), ['img', 'worker', '--source', 'mixesdb']);
  assert.deepEqual(podmanRunArgs({ image: 'img', name: 'n', command: 'sync', args: ['--watch'] }).slice(-3), ['img', 'sync', '--watch']);
  assert.throws(() => podmanRunArgs({ image: 'img', name: 'n', command: 'migrate' }), /unknown image command migrate/);
});

test('the tree commands are the files the image entry point runs', () => {
  assert.deepEqual(TREE_COMMANDS, {
    api: ['server/dist/main.js'],
    sync: ['server/dist/sync/main.js'],
    worker: ['crawler/dist/main.js', 'worker'],
  });
});

test('describeImage keeps the ID, size in MB and the commit of the git-<sha> tag', () => {
  const info = describeImage('localhost/songnodes/app:0.1.0', {
    Id: 'f'.repeat(64),
    Size: 812_345_678,
    Created: '2026-12-03T15:40:00Z',
    RepoTags: ['localhost/songnodes/app:0.1.0', 'localhost/songnodes/app:git-6a51988'],
  });
  assert.deepEqual(info, {
    ref: 'localhost/songnodes/app:0.1.0',
    id: 'f'.repeat(64),
    sizeMB: 812,
    created: '2026-12-03T15:40:00Z',
    tags: ['localhost/songnodes/app:0.1.0', 'localhost/songnodes/app:git-6a51988'],
    commit: '6a51988',
  });
  assert.equal(describeImage('x', { Id: 'a', Size: 1, RepoTags: ['x:latest'] }).commit, null);
});
