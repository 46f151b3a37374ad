import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runRepoScript } from './run-script';

/**
 * A PostgreSQL cluster of a test's own, on a free port, that the test may stop and start (the shared cluster on 54329
 * is never touched): Debian's binaries, as scripts/stack.sh uses them; as root, run as the postgres system user
 * (PostgreSQL refuses root). Migrated with sql/migrations, database `songnodes`.
 */
export interface ThrowawayPostgres {
  url: string;
  stop(): void;
  start(): void;
  close(): void;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function binDir(): string {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b));
  const latest = versions.at(-1);
  if (!latest) throw new Error('no PostgreSQL server binaries in /usr/lib/postgresql (scripts/stack.sh installs them)');
  return join('/usr/lib/postgresql', latest, 'bin');
}

const root = process.getuid?.() === 0;

function asOwner(command: string, args: string[]): string {
  const [file, argv] = root ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'songnodes-throwaway-pg-'));
  const data = join(dir, 'data');
  const port = await freePort();
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, 'songnodes\n', { mode: 0o644 });
  if (root)
    chownSync(
      dir,
      Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
      Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
    );
  asOwner(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'songnodes',
    `--pwfile=${pwfile}`,
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ]);
  appendFileSync(
    join(data, 'postgresql.conf'),
    `\nlisten_addresses = '127.0.0.1'\nport = ${port}\nunix_socket_directories = '${dir}'\nfsync = off\nshared_buffers = 32MB\nmax_connections = 60\n`,
  );
  const start = () => void asOwner(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  const stop = () => void asOwner(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']);
  start();
  asOwner(join(bin, 'psql'), ['-h', dir, '-p', String(port), '-U', 'songnodes', '-d', 'postgres', '-qc', 'CREATE DATABASE songnodes']);
  const url = `postgres://songnodes:songnodes@127.0.0.1:${port}/songnodes`;
  const migrated = runRepoScript('migrate.mjs', ['--only', 'sql'], { DATABASE_URL: url });
  if (migrated.status !== 0) throw new Error(`migrating the throwaway cluster failed: ${migrated.stderr}`);
  return {
    url,
    stop,
    start,
    close: () => {
      try {
        asOwner(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
