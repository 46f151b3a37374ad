/**
 * Issue 14 in Debian Chromium against the real API and databases seeded from the real sample: the front page
 * lists real tracks and one click centres one; the directed lists beside the graph match the API, sort, and
 * answer the keyboard; a lens by DJ and by years changes the view and survives a reload. Each test opens its own
 * URL, so they do not depend on each other's order; none may log a console error.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium, nodeIds, openPage, screenshot, waitForApp, waitForGraph } from './support/browser';
import { findTrackId, queryApi } from './support/graphql';
import { startSampleStack, type SampleStack } from './support/sample-stack';
import { REPO_ROOT } from './support/workspaces';

let stack: SampleStack;
let browser: Browser;
let page: Page;
let errors: string[];
let range: string;
let setupError: unknown;

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

async function directedRowIds(direction: 'in' | 'out'): Promise<string[]> {
  return page.getByTestId(`directed-${direction}`).getByTestId('directed-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-track-id')!));
}

beforeAll(async () => {
  try {
    const { prepareTestDatabase } = (await import(pathToFileURL(join(REPO_ROOT, 'scripts/test-database.mjs')).href)) as {
      prepareTestDatabase(suffix: string, options: { neo4j: boolean }): Promise<void>;
    };
    await prepareTestDatabase('client_e2e_home', { neo4j: true });
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
    const api = await queryApi<{ topTracks: { edges: { node: { id: string; title: string; artistCredit: string } }[] }; stats: { tracks: number } }>(
      stack.baseUrl,
      '{ stats { tracks } topTracks(first: 15) { edges { node { id title artistCredit } } } }',
    );
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
    const djs = await queryApi<{ djs: { edges: { node: { id: string; name: string } }[] } }>(stack.baseUrl, 'query ($q: String) { djs(query: $q, first: 5) { edges { node { id name } } } }', { q: djName });
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
});
