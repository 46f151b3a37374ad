import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectTestDatabases, uniquePrefix, type TestDatabases } from '../support/databases';
import { startApi } from '../support/api-graph';
import { repoRoot } from '../support/run-script';

// Bring your own tracklist (issue 13 item 2): previewTracklist reads a paste with the free-text reader;
// importTracklist queues it, and a real crawl worker process (`crawl worker`) stores it into silver.
describe('tracklists: preview, import through a crawl worker, bad input', () => {
  let db: TestDatabases;
  let api: Awaited<ReturnType<typeof startApi>>;
  let worker: ChildProcess | null = null;
  let workerLog = '';
  let storage: string;
  const TOKEN = 'tracklist-test-token';
  const admin = { authorization: `Bearer ${TOKEN}` };
  let prefix: string;

  beforeAll(async () => {
    db = connectTestDatabases();
    prefix = uniquePrefix();
    storage = mkdtempSync(join(tmpdir(), 'songnodes-tracklists-'));
    api = await startApi({ SONGNODES_ADMIN_TOKEN: TOKEN });
  });
  afterAll(async () => {
    if (worker && worker.exitCode === null) {
      const exited = new Promise((resolve) => worker!.once('exit', resolve));
      worker.kill('SIGTERM');
      await exited;
    }
    rmSync(storage, { recursive: true, force: true });
    await api.app.close();
    await db.close();
  });

  const paste = (p: string) => `Thanks for listening! Recorded live.

Tracklist:
01. ${p} Robert Hood - Minus [M-Plant]
02. ${p} Jeff Mills - The Bells (Surgeon Remix)
03. ${p} DVS1 - Black Russian w/ ${p} Surgeon - Klonk
04. ID - ID
05. ${p} Ben Klock - Subzero

Follow me on SoundCloud.`;

  it('previews a pasted description: the block found, each row taken apart', async () => {
    const { data, errors } = await api.graphql(
      `query($t: String!) { previewTracklist(text: $t) { found firstLine lastLine warnings
         parts { name rows { raw cue artist title version label featured remixers unidentified layered } } } }`,
      { t: paste('P') },
    );
    expect(errors).toBeUndefined();
    const preview = data.previewTracklist;
    expect(preview).toMatchObject({ found: true, firstLine: 3, lastLine: 7 });
    expect(preview.parts).toHaveLength(1);
    const rows = preview.parts[0].rows.map((r: Record<string, unknown>) => [
      r.artist,
      r.title,
      r.version,
      r.label,
      r.unidentified,
      r.layered,
    ]);
    expect(rows).toEqual([
      ['P Robert Hood', 'Minus', null, 'M-Plant', false, false],
      ['P Jeff Mills', 'The Bells', 'Surgeon Remix', null, false, false],
      ['P DVS1', 'Black Russian', null, null, false, false],
      ['P Surgeon', 'Klonk', null, null, false, true],
      ['ID', 'ID', null, null, true, false],
      ['P Ben Klock', 'Subzero', null, null, false, false],
    ]);
    const none = await api.graphql('query($t: String!) { previewTracklist(text: $t) { found firstLine parts { name } warnings } }', {
      t: 'Just a mix I recorded last night. Enjoy!',
    });
    expect(none.data.previewTracklist).toEqual({ found: false, firstLine: null, parts: [], warnings: ['no tracklist found in the text'] });
  });

  const IMPORT = `mutation($t: String!, $djs: [String!]!, $date: Date, $title: String, $url: String) {
    importTracklist(text: $t, djs: $djs, date: $date, title: $title, sourceUrl: $url) { id status reason setlistUrl rows createdAt finishedAt } }`;

  it('refuses bad input with BAD_USER_INPUT and a clear message, and needs the token', async () => {
    const good = { t: paste(prefix), djs: [`${prefix} DJ`], date: '2024-05-01' };
    expect((await api.graphql(IMPORT, good)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    for (const [variables, message] of [
      [{ ...good, t: '   \n ' }, /text is empty/],
      [{ ...good, t: 'Just a mix I recorded last night. Enjoy!' }, /no tracklist found in the text/],
      [{ ...good, t: 'x'.repeat(100_001) }, /text must be at most 100,000 characters \(got 100,001\)/],
      [{ ...good, date: '2024-02-30' }, /date must be a calendar date YYYY-MM-DD/],
      [{ ...good, date: 'last friday' }, /date must be a calendar date/],
      [{ ...good, djs: [] }, /djs must name 1-10 DJs/],
      [{ ...good, djs: ['Unknown Artist'] }, /not a DJ a setlist could name/],
      [{ ...good, djs: ['A\nURL: http://evil'] }, /one line/],
      [{ ...good, url: 'javascript:alert(1)' }, /sourceUrl must be an http\(s\) URL/],
    ] as const) {
      const { errors } = await api.graphql(IMPORT, variables, admin);
      expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(errors?.[0]?.message).toMatch(message);
    }
    const preview = await api.graphql('query($t: String!) { previewTracklist(text: $t) { found } }', { t: 'y'.repeat(100_001) });
    expect(preview.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const { rows } = await db.pg.query('SELECT count(*)::int AS n FROM ops.tracklist_imports WHERE body LIKE $1', [`%${prefix} DJ%`]);
    expect(rows[0].n).toBe(0);
  });

  async function waitForStatus(id: string, done: (status: string) => boolean) {
    let last: Record<string, unknown> = {};
    for (let i = 0; i < 600; i++) {
      const { data } = await api.graphql('query($id: ID!) { tracklistImport(id: $id) { id status reason setlistUrl rows finishedAt } }', {
        id,
      });
      last = data.tracklistImport;
      if (done(last.status as string)) return last;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`import ${id} stayed ${JSON.stringify(last)}; worker said:\n${workerLog.slice(-3000)}`);
  }

  it('queues an import that a crawl worker stores into silver, in order', async () => {
    const queued = await api.graphql(
      IMPORT,
      { t: paste(prefix), djs: [`${prefix} DJ`], date: '2024-05-01', title: `${prefix} Live at Home` },
      admin,
    );
    expect(queued.errors).toBeUndefined();
    expect(queued.data.importTracklist).toMatchObject({ status: 'QUEUED', reason: null, setlistUrl: null, rows: null, finishedAt: null });
    const id = queued.data.importTracklist.id;
    const { rows: bodies } = await db.pg.query('SELECT body FROM ops.tracklist_imports WHERE id = $1', [id]);
    expect(bodies[0].body.split('\n').slice(0, 4)).toEqual([`DJ: ${prefix} DJ`, 'Date: 2024-05-01', `Title: ${prefix} Live at Home`, '']);

    // The worker: the crawler's own process. It crawls only setlist.fm, which without an API key is skipped, so
    // nothing leaves this machine; it imports the queued tracklist on start and on NOTIFY crawl_requested.
    worker = spawn(process.execPath, [join(repoRoot, 'crawler', 'dist', 'main.js'), 'worker', '--source', 'setlistfm'], {
      env: {
        ...process.env,
        HEALTH_PORT: '0',
        SETLISTFM_API_KEY: '',
        SETLISTFM_BASE_URL: 'http://127.0.0.1:9',
        CRAWLER_STORAGE_DIR: storage,
        CRAWLER_WORKER_ID: `${prefix}-worker`,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    worker.stdout!.on('data', (chunk) => {
      workerLog += chunk;
    });
    worker.stderr!.on('data', (chunk) => {
      workerLog += chunk;
    });

    const done = await waitForStatus(id, (s) => s !== 'QUEUED' && s !== 'IMPORTING');
    expect(done).toMatchObject({ status: 'DONE', reason: null, rows: 6, setlistUrl: expect.stringMatching(/^urn:sha256:[0-9a-f]{64}$/) });
    expect(done.finishedAt).toEqual(expect.any(String));

    const { rows: setlists } = await db.pg.query(
      `SELECT s.id, s.source, s.title, s.date::text, array(SELECT a.name FROM silver.setlist_djs d JOIN silver.artists a ON a.id = d.artist_id
              WHERE d.setlist_id = s.id ORDER BY d.position) AS djs
       FROM silver.setlists s WHERE s.source_url = $1`,
      [done.setlistUrl],
    );
    expect(setlists).toHaveLength(1);
    expect(setlists[0]).toMatchObject({ source: 'text', title: `${prefix} Live at Home`, date: '2024-05-01', djs: [`${prefix} DJ`] });
    const { rows: tracks } = await db.pg.query(
      `SELECT st.position, t.artist_credit, t.title FROM silver.setlist_tracks st LEFT JOIN silver.tracks t ON t.id = st.track_id
       WHERE st.setlist_id = $1 ORDER BY st.part_index, st.position`,
      [setlists[0].id],
    );
    expect(tracks.map((t) => (t.title ? `${t.artist_credit} - ${t.title}` : null))).toEqual([
      `${prefix} Robert Hood - Minus`,
      `${prefix} Jeff Mills - The Bells`,
      `${prefix} DVS1 - Black Russian`,
      `${prefix} Surgeon - Klonk`,
      null,
      `${prefix} Ben Klock - Subzero`,
    ]);
    const { rows: transitions } = await db.pg.query(
      `SELECT f.title AS a, t.title AS b, tr.weight FROM silver.transitions tr
       JOIN silver.tracks f ON f.id = tr.from_track_id JOIN silver.tracks t ON t.id = tr.to_track_id
       WHERE f.artist_credit LIKE $1 AND tr.weight > 0 ORDER BY f.title, t.title`,
      [`${prefix} %`],
    );
    expect(transitions.length).toBeGreaterThan(0);
    expect(transitions).toContainEqual({ a: 'Minus', b: 'The Bells', weight: 1 });

    // the same paste again is the same setlist: done, nothing new
    const again = await api.graphql(
      IMPORT,
      { t: paste(prefix), djs: [`${prefix} DJ`], date: '2024-05-01', title: `${prefix} Live at Home` },
      admin,
    );
    const second = await waitForStatus(again.data.importTracklist.id, (s) => s !== 'QUEUED' && s !== 'IMPORTING');
    expect(second).toMatchObject({ status: 'DONE', setlistUrl: done.setlistUrl, reason: expect.stringMatching(/already imported/) });
    expect((await api.graphql('{ tracklistImport(id: "999999999") { id } }')).data.tracklistImport).toBeNull();
  });
});
