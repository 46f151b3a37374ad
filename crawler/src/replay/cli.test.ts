import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { runReplayCli, ReplayCliUsageError } from './cli';
import { startReplayServer } from './server';
import type { ReplayServer } from './types';

const FIXTURES = join(__dirname, '..', 'sources');
const TRACKLIST_PATH = '/tracklist/1gz59x6t/bicep-the-warehouse-project-rdm-rotterdam-netherlands-2023-04-28.html';

function collect(): { out: Writable; text: () => string } {
  const chunks: string[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { out, text: () => chunks.join('') };
}

let dir: string;
const running: ReplayServer[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'replay-cli-'));
  await mkdir(join(dir, 'mixesdb'));
  await mkdir(join(dir, '1001tracklists', 'tracklist', '1gz59x6t'), { recursive: true });
  await mkdir(join(dir, 'setlistfm'));
  await writeFile(join(dir, 'mixesdb', '2006-08-16 - Richie Hawtin @ Cocorico%2FPart 1.wiki'), '# Âme - Rej\n');
  const tracklistFixture = join(FIXTURES, '1001tracklists', 'fixtures', 'tracklist.html');
  await copyFile(tracklistFixture, join(dir, '1001tracklists', TRACKLIST_PATH));
  await writeFile(join(dir, '1001tracklists', 'search.json'), JSON.stringify({ Bicep: [TRACKLIST_PATH] }));
  const phishFixture = join(FIXTURES, 'setlistfm', 'fixtures', 'phish-setlists-response.json');
  await copyFile(phishFixture, join(dir, 'setlistfm', 'a-phish.json'));
  await copyFile(
    join(FIXTURES, 'setlistfm', 'fixtures', 'ruby-setlistfm-fixtures', 'setlist', '200.json'),
    join(dir, 'setlistfm', 'b-fotos.json'),
  );
  await writeFile(join(dir, 'setlistfm', 'robots.txt'), 'User-agent: *\nDisallow: /\n');
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
  await rm(dir, { recursive: true, force: true });
});

describe('runReplayCli', () => {
  it('serves a folder of stored pages and prints the three base URLs', async () => {
    const { out, text } = collect();
    const server = await runReplayCli(['--dir', dir], out);
    running.push(server);
    expect(text().split('\n')).toEqual([
      `mixesdb         ${server.urls.mixesdb}`,
      `1001tracklists  ${server.urls['1001tracklists']}`,
      `setlistfm       ${server.urls.setlistfm}`,
      '',
    ]);
    const title = encodeURIComponent('2006-08-16 - Richie Hawtin @ Cocorico/Part 1'); // file name had "%2F"
    const raw = await fetch(`${server.urls.mixesdb}/w/index.php?title=${title}&action=raw`);
    expect(await raw.text()).toBe('# Âme - Rej\n');
    expect((await fetch(`${server.urls['1001tracklists']}${TRACKLIST_PATH}`)).status).toBe(200);
    const search = await (await fetch(`${server.urls['1001tracklists']}/search/result.php?main_search=bicep`)).text();
    expect(search).toContain(`href="${TRACKLIST_PATH}"`);
    const phish = await (await fetch(`${server.urls.setlistfm}/rest/1.0/search/setlists?artistName=phish`)).json();
    expect(phish).toMatchObject({ total: 20 });
    expect((await fetch(`${server.urls.setlistfm}/rest/1.0/setlist/6bd6ca6e`)).status).toBe(200); // Fotos, single file
    expect(await (await fetch(`${server.urls.setlistfm}/robots.txt`)).text()).toBe('User-agent: *\nDisallow: /\n');
  });

  it('listens on consecutive fixed ports from --port-base and requires --api-key when given', async () => {
    // Find three free consecutive ports by asking for one and trying the ones after it.
    let server: ReplayServer | null = null;
    for (let attempt = 0; server === null && attempt < 10; attempt += 1) {
      const probe = await startReplayServer();
      const base = Number(new URL(probe.urls.mixesdb).port);
      await probe.close();
      server = await runReplayCli(['--dir', dir, '--port-base', String(base), '--api-key', 'k'], collect().out).catch(() => null);
      if (server !== null) {
        running.push(server);
        expect(server.urls).toEqual({
          mixesdb: `http://127.0.0.1:${base}`,
          '1001tracklists': `http://127.0.0.1:${base + 1}`,
          setlistfm: `http://127.0.0.1:${base + 2}`,
        });
      }
    }
    expect(server).not.toBeNull();
    const path = '/rest/1.0/setlist/6bd6ca6e';
    expect((await fetch(`${server!.urls.setlistfm}${path}`)).status).toBe(403);
    expect((await fetch(`${server!.urls.setlistfm}${path}`, { headers: { 'x-api-key': 'k' } })).status).toBe(200);
  });

  it('rejects bad arguments with the usage text', async () => {
    for (const argv of [[], ['--dir'], ['--dir', dir, '--port-base', 'abc'], ['--dir', dir, '--verbose']]) {
      await expect(runReplayCli(argv, collect().out)).rejects.toThrow(ReplayCliUsageError);
    }
    await expect(runReplayCli([], collect().out)).rejects.toThrow(/--dir is required\nusage: replay --dir/);
  });

  it('refuses a setlist.fm file that is neither a setlist nor a search response', async () => {
    await writeFile(join(dir, 'setlistfm', 'c-error.json'), '{"status":404,"message":"Not Found"}');
    await expect(runReplayCli(['--dir', dir], collect().out)).rejects.toThrow(/c-error\.json holds neither/);
  });
});
