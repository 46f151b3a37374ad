import { Client } from 'pg';
import { connectTestDatabases, uniquePrefix, type TestDatabases } from '../support/databases';
import { startApi } from '../support/api-graph';

// Watching the crawl and asking for tracks (issue 14): targets, sources, crawl runs, the viewer, track requests in
// public and local mode, approvals and source pauses, against the real PostgreSQL.
describe('crawl: targets, sources, runs, track requests and the auth modes', () => {
  let db: TestDatabases;
  let pub: Awaited<ReturnType<typeof startApi>>;
  let local: Awaited<ReturnType<typeof startApi>>;
  let listener: Client;
  const notes: string[] = [];
  const TOKEN = 'crawl-test-token';
  const admin = { authorization: `Bearer ${TOKEN}` };
  let prefix: string;

  beforeAll(async () => {
    db = connectTestDatabases();
    prefix = uniquePrefix();
    pub = await startApi({ SONGNODES_ADMIN_TOKEN: TOKEN, SONGNODES_AUTH_MODE: 'public', SONGNODES_TRACK_REQUESTS_PER_HOUR: '3' });
    local = await startApi({ SONGNODES_ADMIN_TOKEN: TOKEN, SONGNODES_AUTH_MODE: 'local', SETLISTFM_DAILY_CAP: '777' });
    listener = new Client({ connectionString: db.config.databaseUrl });
    await listener.connect();
    listener.on('notification', (n) => void notes.push(n.payload ?? ''));
    await listener.query('LISTEN crawl_requested');
  });
  afterAll(async () => {
    await listener.end();
    await pub.app.close();
    await local.app.close();
    await db.close();
  });

  const REQUEST = `mutation($a: String!, $t: String!) { requestTrack(artist: $a, title: $t) {
    id artist title status requests createdAt targets { source artist title status } } }`;
  const waitForNote = async (text: string) => {
    for (let i = 0; i < 100 && !notes.includes(text); i++) await new Promise((r) => setTimeout(r, 50));
    return notes.includes(text);
  };

  it('tells the viewer what it may do in each mode', async () => {
    const query = '{ viewer { admin authMode anonymousRequests } }';
    expect((await pub.graphql(query)).data.viewer).toEqual({ admin: false, authMode: 'PUBLIC', anonymousRequests: true });
    expect((await pub.graphql(query, {}, admin)).data.viewer).toEqual({ admin: true, authMode: 'PUBLIC', anonymousRequests: true });
    expect((await local.graphql(query, {}, { authorization: 'Bearer wrong' })).data.viewer).toEqual({
      admin: false,
      authMode: 'LOCAL',
      anonymousRequests: false,
    });
  });

  it('queues anonymous requests in public mode, one per track, and the admin approves one into targets', async () => {
    const artist = `${prefix} Robert Hood`;
    const first = await pub.graphql(REQUEST, { a: artist, t: 'Range' });
    expect(first.errors).toBeUndefined();
    expect(first.data.requestTrack).toMatchObject({ artist, title: 'Range', status: 'PENDING', requests: 1, targets: [] });
    // the same track in other case and spacing is the same request
    const again = await pub.graphql(REQUEST, { a: `  ${prefix.toUpperCase()}   robert hood `, t: 'RANGE' });
    expect(again.data.requestTrack).toMatchObject({ id: first.data.requestTrack.id, status: 'PENDING', requests: 2 });
    const { rows } = await db.pg.query('SELECT count(*)::int AS n FROM ops.target_track_searches WHERE artist = $1', [artist]);
    expect(rows[0].n).toBe(0);

    // the queue is the admin's to read
    const LIST = '{ trackRequests(status: PENDING, first: 100) { edges { node { id artist requests } } } }';
    expect((await pub.graphql(LIST)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const list = await pub.graphql(LIST, {}, admin);
    expect(list.data.trackRequests.edges.length).toBeGreaterThan(0);
    expect(
      list.data.trackRequests.edges.map((e: { node: { artist: string } }) => e.node).filter((n: { artist: string }) => n.artist === artist),
    ).toEqual([{ id: first.data.requestTrack.id, artist, requests: 2 }]);

    const APPROVE = `mutation($id: ID!) { approveTrackRequest(id: $id) { id status targets { source artist title } } }`;
    expect((await pub.graphql(APPROVE, { id: first.data.requestTrack.id })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const approved = await pub.graphql(APPROVE, { id: first.data.requestTrack.id }, admin);
    expect(approved.errors).toBeUndefined();
    expect(approved.data.approveTrackRequest.status).toBe('APPROVED');
    expect(approved.data.approveTrackRequest.targets).toEqual([
      { source: '1001tracklists', artist, title: 'Range' },
      { source: 'mixesdb', artist, title: 'Range' },
      { source: 'setlistfm', artist, title: 'Range' },
    ]);
    expect(await waitForNote(`track-request:${first.data.requestTrack.id}`)).toBe(true);
    // an approved request cannot be rejected; an unknown one is not found
    const REJECT = `mutation($id: ID!) { rejectTrackRequest(id: $id) { id status } }`;
    expect((await pub.graphql(REJECT, { id: first.data.requestTrack.id }, admin)).errors?.[0].message).toMatch(/already approved/);
    expect((await pub.graphql(REJECT, { id: '999999999' }, admin)).errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it('rejects a queued request, validates as the crawler does and rate-limits anonymous clients', async () => {
    const queued = await pub.graphql(REQUEST, { a: `${prefix} Jeff Mills`, t: 'The Bells' });
    expect(queued.data.requestTrack.status).toBe('PENDING');
    const rejected = await pub.graphql(
      `mutation($id: ID!) { rejectTrackRequest(id: $id) { id status } }`,
      { id: queued.data.requestTrack.id },
      admin,
    );
    expect(rejected.data.rejectTrackRequest).toEqual({ id: queued.data.requestTrack.id, status: 'REJECTED' });

    for (const [a, t, message] of [
      ['Unknown Artist', 'Range', /not an artist a setlist could name/],
      ['  ', 'Range', /needs both artist and title/],
      ['Robert Hood', 'x'.repeat(301), /at most 300 characters/],
    ] as const) {
      const { errors } = await pub.graphql(REQUEST, { a, t }, admin);
      expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(errors?.[0]?.message).toMatch(message);
    }
    // 3 per hour per client: 2 spent in the test before and 1 above, so the next anonymous request is refused
    const limited = await pub.graphql(REQUEST, { a: `${prefix} Surgeon`, t: 'Klonk' });
    expect(limited.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(limited.errors?.[0]?.message).toMatch(/too many track requests/);
    // the admin is not limited
    expect((await pub.graphql(REQUEST, { a: `${prefix} Surgeon`, t: 'Klonk' }, admin)).data.requestTrack.status).toBe('APPROVED');
  });

  it('in local mode needs the token, which makes targets at once and wakes the crawl workers', async () => {
    const anonymous = await local.graphql(REQUEST, { a: `${prefix} DVS1`, t: 'Black Russian' });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const asked = await local.graphql(REQUEST, { a: `${prefix} DVS1`, t: 'Black Russian' }, admin);
    expect(asked.errors).toBeUndefined();
    expect(asked.data.requestTrack.status).toBe('APPROVED');
    expect(asked.data.requestTrack.targets.map((t: { source: string }) => t.source)).toEqual(['1001tracklists', 'mixesdb', 'setlistfm']);
    expect(await waitForNote(`track-request:${asked.data.requestTrack.id}`)).toBe(true);

    const TARGETS = `query($s: String, $after: String) { targets(status: $s, first: 100, after: $after) {
      totalCount edges { cursor node { artist title source status } } pageInfo { hasNextPage endCursor } } }`;
    const targets = await local.graphql(TARGETS, { s: 'pending' });
    expect(targets.errors).toBeUndefined();
    // most recently changed first: the three just made lead the list
    expect(
      targets.data.targets.edges
        .slice(0, 3)
        .map((e: { node: { artist: string; source: string } }) => [e.node.artist, e.node.source])
        .sort(),
    ).toEqual([
      [`${prefix} DVS1`, '1001tracklists'],
      [`${prefix} DVS1`, 'mixesdb'],
      [`${prefix} DVS1`, 'setlistfm'],
    ]);
    const { rows } = await db.pg.query("SELECT count(*)::int AS n FROM ops.target_track_searches WHERE status = 'pending'");
    expect(targets.data.targets.totalCount).toBe(rows[0].n);
    expect((await local.graphql(TARGETS, { s: 'sleeping' })).errors?.[0]?.message).toMatch(/status must be one of/);
  });

  it('shows sources, pauses and resumes one, and lists crawl runs newest first', async () => {
    const SOURCES = '{ sources { name paused pausedUntil pauseReason requestsToday dailyCap dueTargets } }';
    const before = await local.graphql(SOURCES);
    expect(before.errors).toBeUndefined();
    expect(before.data.sources.map((s: { name: string }) => s.name)).toEqual(['mixesdb', '1001tracklists', 'setlistfm']);
    expect(before.data.sources[2].dailyCap).toBe(777);
    expect(before.data.sources[0].dailyCap).toBeNull();
    const { rows: due } = await db.pg.query(
      "SELECT count(*)::int AS n FROM ops.target_track_searches WHERE source = 'mixesdb' AND next_search_after <= now() AND status <> 'searching'",
    );
    expect(before.data.sources[0].dueTargets).toBe(due[0].n);
    expect(due[0].n).toBeGreaterThan(0);

    const PAUSE =
      'mutation { pauseSource(source: "setlistfm", minutes: 30, reason: "key rotated") { name paused pausedUntil pauseReason } }';
    expect((await local.graphql(PAUSE)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const paused = await local.graphql(PAUSE, {}, admin);
    expect(paused.data.pauseSource).toMatchObject({ name: 'setlistfm', paused: true, pauseReason: 'key rotated' });
    const minutes = (Date.parse(paused.data.pauseSource.pausedUntil) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(28);
    expect(minutes).toBeLessThanOrEqual(30.1);
    // the crawler's own reading of the pause (sql/queries/crawler/source-state-paused.sql)
    const { rows: pausedNow } = await db.pg.query('SELECT source FROM ops.source_state WHERE paused_until > now()');
    expect(pausedNow.map((r) => r.source)).toContain('setlistfm');
    const resumed = await local.graphql('mutation { resumeSource(source: "setlistfm") { name paused pausedUntil } }', {}, admin);
    expect(resumed.data.resumeSource).toEqual({ name: 'setlistfm', paused: false, pausedUntil: null });
    expect((await local.graphql('mutation { resumeSource(source: "bandcamp") { name } }', {}, admin)).errors?.[0]?.message).toMatch(
      /source must be one of/,
    );
    expect(
      (await local.graphql('mutation { pauseSource(source: "mixesdb", minutes: 0) { name } }', {}, admin)).errors?.[0]?.extensions?.code,
    ).toBe('BAD_USER_INPUT');

    const older = await db.pg.query(
      "INSERT INTO ops.crawl_runs (worker, command, status, started_at, finished_at, summary) VALUES ($1, 'run', 'ok', now() - interval '2 minutes', now(), '{\"targets\":1}') RETURNING id",
      [`${prefix}-w`],
    );
    const newer = await db.pg.query(
      "INSERT INTO ops.crawl_runs (worker, command, started_at) VALUES ($1, 'worker', now() + interval '1 day') RETURNING id",
      [`${prefix}-w`],
    );
    const runs = await local.graphql(
      '{ crawlRuns(first: 50) { edges { node { id worker command status finishedAt summary } } pageInfo { hasNextPage } } }',
    );
    expect(runs.errors).toBeUndefined();
    const mine = runs.data.crawlRuns.edges
      .map((e: { node: { worker: string } }) => e.node)
      .filter((n: { worker: string }) => n.worker === `${prefix}-w`);
    expect(mine).toEqual([
      { id: String(newer.rows[0].id), worker: `${prefix}-w`, command: 'worker', status: 'running', finishedAt: null, summary: null },
      {
        id: String(older.rows[0].id),
        worker: `${prefix}-w`,
        command: 'run',
        status: 'ok',
        finishedAt: expect.any(String),
        summary: '{"targets": 1}',
      },
    ]);
    await db.pg.query('DELETE FROM ops.crawl_runs WHERE id = $1', [newer.rows[0].id]);
  });
});
