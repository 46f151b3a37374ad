/**
 * Issue 14 in Debian Chromium against the real API and databases seeded from the real sample: the front page
 * lists real tracks and one click centres one; the directed lists beside the graph match the API, sort, and
 * answer the keyboard; a lens by DJ and by years changes the view and survives a reload; a set built from the
 * lists exports M3U8, CSV and rekordbox XML that parse back in order; the view exports PNG, GraphML and CSV; a track
 * that is not there is asked for, its crawl shows up live and its neighbourhood opens without a reload; the crawl
 * page lists targets and pauses a source; a pasted tracklist is shown as rows before it is saved; the keyboard. Each test opens its own
 * URL, so they do not depend on each other's order; none may log a console error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { parse } from 'csv-parse/sync';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium, nodeIds, openPage, screenPositionOf, screenshot, waitForApp, waitForGraph } from './support/browser';
import { findTrackId, queryApi } from './support/graphql';
import { startSampleStack, type SampleStack } from './support/sample-stack';
import { REPO_ROOT } from './support/workspaces';

let stack: SampleStack;
let browser: Browser;
let page: Page;
let errors: string[];
let range: string;
let setupError: unknown;
/** The server's admin token for this run; pages get it as `#token=…`, as the link `npm start` prints. */
const TOKEN = 'client-e2e-admin-token';

interface Row {
  from: { id: string };
  to: { id: string };
  weight: number;
  djs: number;
}

async function transitions(trackId: string, direction: 'IN' | 'OUT', orderBy = 'WEIGHT', lens: unknown = null): Promise<Row[]> {
  const data = await queryApi<{ transitions: { edges: { node: Row }[] } }>(
    stack.baseUrl,
    `query ($id: ID!, $dir: Direction!, $order: TransitionOrder, $lens: LensInput) {
      transitions(trackId: $id, direction: $dir, orderBy: $order, lens: $lens, first: 25) { edges { node { from { id } to { id } weight djs } } }
    }`,
    { id: trackId, dir: direction, order: orderBy, lens },
  );
  return data.transitions.edges.map((edge) => edge.node);
}

/** Clicks a button that downloads a file and returns the file's bytes. */
async function download(name: string | RegExp): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name, exact: typeof name === 'string' }).click(),
  ]);
  return readFileSync((await file.path())!);
}

function parseXml(text: string): Element {
  const problems: string[] = [];
  const doc = new DOMParser({
    errorHandler: { warning: () => {}, error: (m) => problems.push(m), fatalError: (m) => problems.push(m) },
  }).parseFromString(text, 'text/xml');
  expect(problems).toEqual([]);
  return doc.documentElement as unknown as Element;
}

async function directedRowIds(direction: 'in' | 'out'): Promise<string[]> {
  return page
    .getByTestId(`directed-${direction}`)
    .getByTestId('directed-row')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-track-id')!));
}

beforeAll(async () => {
  try {
    const { prepareTestDatabase } = (await import(pathToFileURL(join(REPO_ROOT, 'scripts/test-database.mjs')).href)) as {
      prepareTestDatabase(suffix: string, options: { neo4j: boolean }): Promise<void>;
    };
    await prepareTestDatabase('client_e2e_home', { neo4j: true });
    process.env.SONGNODES_ADMIN_TOKEN = TOKEN;
    process.env.SONGNODES_AUTH_MODE = 'local';
    stack = await startSampleStack(process.env.DATABASE_URL!);
    browser = await launchChromium();
    ({ page, errors } = await openPage(browser));
    const found = await findTrackId(stack.baseUrl, 'Robert Hood', 'Range');
    if (!found) throw new Error('"Robert Hood — Range" is not in the graph built from the sample');
    range = found;
  } catch (error) {
    setupError = error;
  }
});

beforeEach(() => {
  if (setupError) throw setupError;
  errors.length = 0;
});

afterEach(() => {
  if (!setupError) expect(errors).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe('front page, directed lists and lenses (Chromium, real API, real sample)', () => {
  it('the front page lists the most played real tracks, and one click centres one', async () => {
    const api = await queryApi<{
      topTracks: { edges: { node: { id: string; title: string; artistCredit: string } }[] };
      stats: { tracks: number };
    }>(stack.baseUrl, '{ stats { tracks } topTracks(first: 15) { edges { node { id title artistCredit } } } }');
    expect(api.topTracks.edges.length).toBeGreaterThan(0);
    await page.goto(stack.baseUrl);
    await waitForApp(page);
    const list = page.getByTestId('top-tracks');
    await list.locator('li').first().waitFor();
    const shown = await list.locator('button[data-track-id]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-track-id')));
    expect(shown).toEqual(api.topTracks.edges.map((edge) => edge.node.id));
    expect(await page.getByTestId('stats').textContent()).toContain(api.stats.tracks.toLocaleString('en'));
    await page.getByTestId('top-transitions').locator('li').first().waitFor();
    await screenshot(page, 'front-page');

    await page.getByRole('button', { name: 'More' }).click();
    await expect.poll(() => list.locator('button[data-track-id]').count()).toBeGreaterThan(shown.length);

    const [first] = api.topTracks.edges;
    await list.locator(`button[data-track-id="${first!.node.id}"]`).click();
    await page.waitForURL(new RegExp(`[?&]track=${first!.node.id}(&|$)`));
    await waitForGraph(page, [first!.node.id]);
    await expect.poll(() => page.getByTestId('track-details').locator('h2').textContent()).toBe(first!.node.title);
    expect(await page.getByTestId('front-page').count()).toBe(0);
  });

  it('lists what DJs play right before and after the selected track, as the API does, sortable and keyboard navigable', async () => {
    const before = await transitions(range, 'IN');
    const after = await transitions(range, 'OUT');
    expect(before.length).toBeGreaterThan(0);
    expect(after.length).toBeGreaterThan(1);
    await page.goto(`${stack.baseUrl}/?track=${range}`);
    await waitForGraph(page, [range]);
    await page.getByTestId('directed-out').getByTestId('directed-row').first().waitFor();
    expect(await directedRowIds('in')).toEqual(before.map((row) => row.from.id));
    expect(await directedRowIds('out')).toEqual(after.map((row) => row.to.id));
    const firstWeight = await page.getByTestId('directed-out').getByTestId('directed-weight').first().textContent();
    expect(firstWeight).toBe(`${after[0]!.weight} ${after[0]!.weight === 1 ? 'set' : 'sets'}`);
    await screenshot(page, 'directed-lists');

    const byDjs = await transitions(range, 'OUT', 'LAST_SEEN');
    await page.getByLabel('Played right after: sort by').selectOption('LAST_SEEN');
    await expect.poll(() => directedRowIds('out')).toEqual(byDjs.map((row) => row.to.id));

    const rows = page.getByTestId('directed-out').getByTestId('directed-row');
    await rows.first().focus();
    await page.keyboard.press('ArrowDown');
    const second = byDjs[1]!.to.id;
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-track-id'))).toBe(second);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`[?&]track=${second}(&|$)`));
    await waitForGraph(page, [second]);
  });

  it('a lens by DJ changes what is shown and survives a reload', async () => {
    // a DJ who played Range: the first setlist behind its heaviest transition out
    const [heaviest] = await transitions(range, 'OUT');
    const setlist = await queryApi<{ transition: { setlists: { edges: { node: { djs: string[] } }[] } } }>(
      stack.baseUrl,
      'query ($a: ID!, $b: ID!) { transition(fromId: $a, toId: $b) { setlists(first: 1) { edges { node { djs } } } } }',
      { a: range, b: heaviest!.to.id },
    );
    const djName = setlist.transition.setlists.edges[0]!.node.djs[0]!;
    const djs = await queryApi<{ djs: { edges: { node: { id: string; name: string } }[] } }>(
      stack.baseUrl,
      'query ($q: String) { djs(query: $q, first: 5) { edges { node { id name } } } }',
      { q: djName },
    );
    const dj = djs.djs.edges.find((edge) => edge.node.name === djName)!.node;
    const lensed = await transitions(range, 'OUT', 'WEIGHT', { djIds: [dj.id] });
    const all = await transitions(range, 'OUT');
    expect(lensed.length).toBeGreaterThan(0);
    expect(lensed.length).toBeLessThan(all.length);

    await page.goto(`${stack.baseUrl}/?track=${range}`);
    await waitForGraph(page, [range]);
    const unlensed = (await nodeIds(page)).sort();
    const picker = page.getByTestId('lens-panel');
    await picker.getByPlaceholder('Find a DJ…').fill(djName);
    await picker.getByRole('button', { name: djName, exact: true }).click();
    await page.waitForURL(new RegExp(`[?&]djs=${dj.id}(&|$)`));
    await expect.poll(() => directedRowIds('out')).toEqual(lensed.map((row) => row.to.id));
    await waitForGraph(page, [range]);
    await expect.poll(async () => (await nodeIds(page)).length).toBeLessThan(unlensed.length);
    const view = (await nodeIds(page)).sort();
    await screenshot(page, 'lens-dj');

    const url = page.url();
    await page.reload();
    await waitForGraph(page, view);
    expect(page.url()).toBe(url);
    expect((await nodeIds(page)).sort()).toEqual(view);
    await expect.poll(() => page.getByTestId('lens-djs').textContent()).toContain(djName);
    await expect.poll(() => directedRowIds('out')).toEqual(lensed.map((row) => row.to.id));
  });

  it('a lens by years changes what is shown and survives a reload', async () => {
    const range_ = await queryApi<{ dateRange: { from: string; to: string } }>(stack.baseUrl, '{ dateRange { from to } }');
    const lastYear = Number(range_.dateRange.to.slice(0, 4));
    await page.goto(`${stack.baseUrl}/?track=${range}`);
    await waitForGraph(page, [range]);
    const unlensed = (await nodeIds(page)).sort();
    // the era's start to its last year: Range's sets from the sample are older, so the view must change
    await page.getByLabel('From year').focus();
    await page.keyboard.press('End');
    await page.waitForURL(new RegExp(`[?&]from=${lastYear}-01-01(&|$)`));
    const lensed = await transitions(range, 'OUT', 'WEIGHT', { from: `${lastYear}-01-01` });
    await expect.poll(() => page.getByTestId('directed-out').locator('[data-testid=directed-row]').count()).toBe(lensed.length);
    await expect.poll(async () => (await nodeIds(page)).sort()).not.toEqual(unlensed);
    await expect.poll(() => page.getByTestId('lens-era').textContent()).toBe(String(lastYear));
    const url = page.url();
    await page.reload();
    await waitForApp(page);
    expect(page.url()).toBe(url);
    await expect.poll(() => page.getByTestId('lens-era').textContent()).toBe(String(lastYear));
    await expect.poll(async () => (await nodeIds(page)).sort()).not.toEqual(unlensed);
  });

  it('builds a set from the lists, reorders it, exports files that parse back in order, and shares it as a URL', async () => {
    const after = await transitions(range, 'OUT');
    expect(after.length).toBeGreaterThan(1);
    const [a, b] = [after[0]!.to.id, after[1]!.to.id];
    await page.goto(`${stack.baseUrl}/?track=${range}`);
    await waitForGraph(page, [range]);
    await page.getByRole('button', { name: 'Add to set' }).click();
    const outRows = page.getByTestId('directed-out').getByTestId('directed-row');
    await outRows.first().waitFor();
    await outRows
      .nth(0)
      .getByRole('button', { name: /^Add .* to the set$/ })
      .click();
    await outRows
      .nth(1)
      .getByRole('button', { name: /^Add .* to the set$/ })
      .click();
    await page.waitForURL(new RegExp(`[?&]set=${range}%2C${a}%2C${b}(&|$)`));
    const setRows = page.getByTestId('set-row');
    await expect.poll(() => setRows.count()).toBe(3);
    // the step into a: what the API says of range -> a
    await expect
      .poll(() => page.getByTestId('set-step').first().textContent())
      .toBe(`↓ ${after[0]!.weight} set${after[0]!.weight === 1 ? '' : 's'} · ${after[0]!.djs} DJ${after[0]!.djs === 1 ? '' : 's'}`);
    await setRows.nth(2).getByRole('button', { name: 'Move up' }).click();
    await page.waitForURL(new RegExp(`[?&]set=${range}%2C${b}%2C${a}(&|$)`));
    const order = [range, b, a];
    await expect.poll(() => setRows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-track-id')))).toEqual(order);
    await expect.poll(() => page.getByRole('button', { name: 'M3U8' }).isEnabled()).toBe(true);
    await screenshot(page, 'set-builder');

    const m3u = (await download('M3U8')).toString('utf8').trimEnd().split('\n');
    expect(m3u[0]).toBe('#EXTM3U');
    const locations = m3u.filter((line) => !line.startsWith('#'));
    expect(locations).toEqual(order.map((id) => `${stack.baseUrl}/?track=${id}`));
    expect(m3u.filter((line) => line.startsWith('#EXTINF:-1,'))).toHaveLength(3);
    expect(m3u[2]).toBe('#EXTINF:-1,Robert Hood - Range');

    const csv = parse((await download('CSV')).toString('utf8'), { columns: true }) as Record<string, string>[];
    expect(csv.map((row) => row.track_id)).toEqual(order);
    expect(csv[0]).toMatchObject({ position: '1', artist: 'Robert Hood', title: 'Range', setlists_from_previous: '' });

    const xml = parseXml((await download('rekordbox XML')).toString('utf8'));
    expect(xml.nodeName).toBe('DJ_PLAYLISTS');
    const collection = Array.from(xml.getElementsByTagName('COLLECTION')[0]!.getElementsByTagName('TRACK'));
    expect(collection).toHaveLength(3);
    for (const track of collection) expect(track.hasAttribute('Location')).toBe(false);
    const nameOf = new Map(collection.map((t) => [t.getAttribute('TrackID'), t.getAttribute('Name')]));
    const playlist = Array.from(xml.getElementsByTagName('PLAYLISTS')[0]!.getElementsByTagName('NODE')).find(
      (n) => n.getAttribute('Type') === '1',
    )!;
    const keys = Array.from(playlist.getElementsByTagName('TRACK')).map((t) => t.getAttribute('Key'));
    expect(keys.map((key) => nameOf.get(key))).toEqual(csv.map((row) => (row.version ? `${row.title} (${row.version})` : row.title)));

    const share = await page.getByTestId('set-share').inputValue();
    expect(share).toBe(`${stack.baseUrl}/?set=${order.join('%2C')}`);
    await page.goto(share);
    await waitForApp(page);
    await expect
      .poll(() => page.getByTestId('set-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-track-id'))))
      .toEqual(order);
  });

  it('exports the view as PNG, GraphML and CSV that open', async () => {
    await page.goto(`${stack.baseUrl}/?track=${range}`);
    await waitForGraph(page, [range]);
    const ids = (await nodeIds(page)).sort();
    expect(ids.length).toBeGreaterThan(1);
    const png = await download('PNG');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBeGreaterThan(100); // IHDR width

    const graphml = parseXml((await download('GraphML')).toString('utf8'));
    expect(graphml.nodeName).toBe('graphml');
    const nodes = Array.from(graphml.getElementsByTagName('node')).map((node) => node.getAttribute('id')!.slice(1));
    expect(nodes.sort()).toEqual(ids);
    expect(graphml.getElementsByTagName('edge').length).toBeGreaterThan(0);

    const tracks = parse((await download('Tracks CSV')).toString('utf8'), { columns: true }) as Record<string, string>[];
    expect(tracks.map((row) => row.id).sort()).toEqual(ids);
    const edges = parse((await download('Transitions CSV')).toString('utf8'), { columns: true }) as Record<string, string>[];
    expect(edges.length).toBeGreaterThan(0);
    expect(edges.every((row) => ids.includes(row.from!) && ids.includes(row.to!))).toBe(true);
  });

  it('asks for a track that is not there, shows its crawl live, and opens its neighbourhood when the sync lands it', async () => {
    expect(await findTrackId(stack.baseUrl, 'Rhythm Is Rhythm', 'Salsa Life')).toBeNull();
    await page.goto(`${stack.baseUrl}/#token=${TOKEN}`);
    await waitForApp(page);
    expect(new URL(page.url()).hash).toBe(''); // the token left the address bar
    await page.goto(`${stack.baseUrl}/?track=${range}`);
    await waitForGraph(page, [range]);
    await expect.poll(() => page.getByTestId('live-watching').textContent(), { timeout: 60_000 }).toContain('watching');
    await page.keyboard.press('/');
    await page.keyboard.type('Rhythm Is Rhythm - Salsa Life');
    await page.getByRole('listbox', { name: 'Matching tracks' }).getByText('No track matches').waitFor();
    await page.getByRole('button', { name: 'Find sets with this track' }).click();
    const panel = page.getByTestId('request-track');
    expect(await panel.getByLabel('Artist').inputValue()).toBe('Rhythm Is Rhythm');
    expect(await panel.getByLabel('Title').inputValue()).toBe('Salsa Life');
    await panel.getByRole('button', { name: 'Find sets' }).click();
    await expect.poll(() => panel.getByTestId('request-status').textContent()).toContain('Crawling for it on');

    await stack.crawlHeldBackMix();
    const salsaLife = (await findTrackId(stack.baseUrl, 'Rhythm Is Rhythm', 'Salsa Life'))!;
    expect(salsaLife).toBeTruthy();
    await expect.poll(() => panel.getByTestId('crawl-progress').locator('li').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await page.waitForURL(new RegExp(`[?&]track=${salsaLife}(&|$)`), { timeout: 120_000 });
    await waitForGraph(page, [salsaLife, range]);
    await screenshot(page, 'request-track');
  });

  it('the crawl page lists the targets and sources, and pauses and resumes a source with the token', async () => {
    const api = await queryApi<{ targets: { totalCount: number } }>(stack.baseUrl, '{ targets(first: 1) { totalCount } }');
    expect(api.targets.totalCount).toBeGreaterThan(0);
    await page.goto(`${stack.baseUrl}/?page=crawl#token=${TOKEN}`);
    const crawl = page.getByTestId('crawl-page');
    await crawl.getByTestId('targets').locator('tbody tr').first().waitFor();
    expect(await crawl.getByTestId('targets').locator('tbody tr').count()).toBe(Math.min(25, api.targets.totalCount));
    expect(await crawl.getByRole('heading', { name: /^Targets/ }).textContent()).toContain(String(api.targets.totalCount));
    const mixesdb = crawl.getByTestId('sources').locator('tr', { hasText: 'mixesdb' });
    await mixesdb.getByRole('button', { name: 'Pause 1 h' }).click();
    await expect.poll(() => mixesdb.textContent()).toContain('paused until');
    await screenshot(page, 'crawl-page');
    await mixesdb.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => mixesdb.textContent()).toContain('running');
  });

  it('shows a pasted tracklist as rows before saving it, then saves it', async () => {
    const text = 'Tracklist:\n01. Robert Hood - Range\n02. Jeff Mills - The Bells w/ Surgeon - Floorshow\n03. ID - ID';
    const api = await queryApi<{ previewTracklist: { parts: { rows: { artist: string | null; title: string | null }[] }[] } }>(
      stack.baseUrl,
      'query ($t: String!) { previewTracklist(text: $t) { parts { rows { artist title } } } }',
      { t: text },
    );
    const apiRows = api.previewTracklist.parts.flatMap((part) => part.rows);
    expect(apiRows.length).toBeGreaterThan(2);
    await page.goto(`${stack.baseUrl}/?page=paste#token=${TOKEN}`);
    const paste = page.getByTestId('paste-page');
    await paste.getByLabel('Tracklist').fill(text);
    await paste.getByLabel('DJs (comma-separated)').fill('Test DJ');
    await paste.getByLabel(/^Date/).fill('2020-02-02');
    await paste.getByRole('button', { name: 'Preview' }).click();
    const rows = paste.getByTestId('preview-row');
    await expect.poll(() => rows.count()).toBe(apiRows.length);
    const cells = await rows.evaluateAll((trs) => trs.map((tr) => [tr.children[2]!.textContent, tr.children[3]!.textContent]));
    expect(cells[0]).toEqual(['Robert Hood', 'Range']);
    expect(cells.slice(0, 3).map(([artist]) => artist)).toEqual(apiRows.slice(0, 3).map((row) => row.artist ?? 'ID'));
    await screenshot(page, 'paste-preview');
    await paste.getByRole('button', { name: 'Save' }).click();
    // no crawl worker runs in this test stack: the import waits in the queue
    await expect.poll(() => paste.getByTestId('import-status').textContent()).toMatch(/Import \d+: (queued|importing|done)/);
  });

  it('keyboard: d shows the debug overlay, Ctrl+A selects the view, Space pauses the layout, Shift-click selects a range', async () => {
    await page.goto(`${stack.baseUrl}/?track=${range}`);
    await waitForGraph(page, [range]);
    const ids = await nodeIds(page);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('d');
    await expect.poll(() => page.getByTestId('debug-overlay').textContent()).toContain(`${ids.length} tracks`);
    await page.keyboard.press('Control+a');
    await page.waitForURL((url) => (url.searchParams.get('sel') ?? '').split(',').length === ids.length);
    await page.keyboard.press('Space');
    await page.getByText('layout paused (Space)').waitFor();
    await page.keyboard.press('Space');
    await page.getByText('layout paused (Space)').waitFor({ state: 'detached' });
    await page.keyboard.press('d');
    await page.getByTestId('debug-overlay').waitFor({ state: 'detached' });

    const [other] = ids.filter((id) => id !== range);
    await page.mouse.click(...(await screenPositionOf(page, range)));
    await page.waitForURL(new RegExp(`[?&]sel=${range}(&|$)`));
    await page.keyboard.down('Shift');
    await page.mouse.click(...(await screenPositionOf(page, other!)));
    await page.keyboard.up('Shift');
    await page.waitForURL((url) => {
      const sel = (url.searchParams.get('sel') ?? '').split(',');
      return sel.includes(range) && sel.includes(other!);
    });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1400);
  });
});
