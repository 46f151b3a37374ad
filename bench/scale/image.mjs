// bench/scale's image mode: the API, sync and crawl-worker processes run as containers of the app image
// (deploy/image/, scripts/build-image.sh) instead of from the built tree. Pure helpers here (tested by image.test.mjs);
// the podman calls themselves are in processes.mjs (startContainer) and imageInfo below.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** The tree-mode command for each image command (deploy/image/entrypoint.sh runs the same files). */
export const TREE_COMMANDS = {
  api: ['server/dist/main.js'],
  sync: ['server/dist/sync/main.js'],
  worker: ['crawler/dist/main.js', 'worker'],
};

/** The image to run, from `--image <ref>` / `--image=<ref>` on the command line or SCALE_IMAGE; null: tree mode. */
export function imageRefFrom(argv, env = {}) {
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--image') {
      const ref = argv[i + 1];
      if (!ref || ref.startsWith('--')) throw new Error('--image takes an image reference (e.g. localhost/songnodes/app:0.1.0)');
      return ref;
    }
    if (argv[i].startsWith('--image=')) return argv[i].slice('--image='.length) || null;
  }
  return env.SCALE_IMAGE || null;
}

/**
 * The arguments of `podman run` for one process of the image: removed when it ends, host network (the databases,
 * the replay server and the proxy are on loopback), the image's non-root user, `env` as --env (nothing else of the
 * bench's environment goes in), then the image and its command (api | sync | worker) with `args`.
 */
export function podmanRunArgs({ image, name, command, args = [], env = {}, runtimeArgs = [], user = '10001:10001' }) {
  if (!TREE_COMMANDS[command]) throw new Error(`unknown image command ${command}`);
  const envArgs = Object.entries(env)
    .filter(([, value]) => value !== undefined)
    .flatMap(([key, value]) => ['--env', `${key}=${value}`]);
  return ['run', '--rm', '--name', name, '--network', 'host', '--user', user, ...runtimeArgs, ...envArgs, image, command, ...args];
}

/** deploy/image/runtime-args.sh's RUNTIME_ARGS (ulimits, runc on hybrid cgroup hosts), as smoke.sh uses them. */
export function runtimeArgs(root) {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a bash array expansion, not a template
  const script = 'source "$1" && printf "%s\\n" "${RUNTIME_ARGS[@]}"';
  const out = execFileSync('bash', ['-c', script, 'runtime-args', join(root, 'deploy/image/runtime-args.sh')], {
    encoding: 'utf8',
  });
  return out.split('\n').filter(Boolean);
}

/** What `podman image inspect` says of the image, for the results: ID, size, tags and the commit it was built from. */
export function describeImage(ref, inspected) {
  const tags = inspected.RepoTags ?? [];
  const gitTag = tags.find((t) => /:git-[0-9a-f]+$/.test(t));
  return {
    ref,
    id: inspected.Id,
    sizeMB: Math.round(inspected.Size / 1e6),
    created: inspected.Created,
    tags,
    // scripts/build-image.sh tags every image git-<short sha of HEAD at the build>
    commit: gitTag ? gitTag.slice(gitTag.lastIndexOf(':git-') + 5) : null,
  };
}

export function imageInfo(ref) {
  const [inspected] = JSON.parse(execFileSync('podman', ['image', 'inspect', ref], { encoding: 'utf8' }));
  return describeImage(ref, inspected);
}
