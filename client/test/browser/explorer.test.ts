/**
 * The explorer in Debian Chromium against the built client, the real API and real databases seeded from the real
 * sample (support/sample-stack.ts): search → centre → expand → an edge's setlists → path finder → reload restores
 * the view → keyboard → a crawl + sync in the background makes a new transition appear live. Steps share one page
 * and run in order; every step waits for a state, never for a duration, and no step may log a console error.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { edgeIds, launchChromium, nodeIds, openPage, screenPositionOf, screenshot, waitForApp, waitForGraph } from './support/browser';
import { findTrackId, playedAfter } from './support/graphql';
import { startSampleStack, type SampleStack } from './support/sample-stack';
import { REPO_ROOT } from './support/workspaces';

let stack: SampleStack;
let browser: Browser;
let page: Page;
let errors: string[];
let range: string;
let expanded: string;
let twoHopsAway: string;

/** A point on the canvas at least `clearance` px away from every drawn track. */
async function emptySpot(clearance = 60): Promise<[number, number]> {
  const box = (await page.getByTestId('graph-canvas').boundingBox())!;
  const tracks = await Promise.all((await nodeIds(page)).map((id) => screenPositionOf(page, id)));
  for (let y = box.y + 80; y < box.y + box.height - 80; y += 20) {
    for (let x = box.x + 20; x < box.x + box.width - 20; x += 20) {
      if (tracks.every(([tx, ty]) => Math.hypot(tx - x, ty - y) > clearance)) return [x, y];
    }
  }
  throw new Error('no empty spot on the canvas');
}

/** A failed start is rethrown by every test, so each one is reported failed (not skipped) in the JSON report. */
let setupError: unknown;

beforeAll(async () => {
  try {
    const { prepareTestDatabase } = (await import(pathToFileURL(join(REPO_ROOT, 'scripts/test-database.mjs')).href)) as {
      prepareTestDatabase(suffix: string, options: { neo4j: boolean }): Promise<void>;
    };
    await prepareTestDatabase('client_e2e', { neo4j: true });
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
});

afterEach(() => {
  if (!setupError) expect(errors).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe('graph explorer (Chromium, real API, real sample)', () => {
  it('finds a track with the keyboard and centres it with its neighbourhood', async () => {
    await page.goto(stack.baseUrl);
    await waitForApp(page);
    await page.keyboard.press('/');
    await page.keyboard.type('Robert Hood Range');
    const suggestions = page.getByRole('listbox', { name: 'Matching tracks' }).getByRole('option');
    await suggestions.filter({ hasText: 'Robert Hood — Range' }).waitFor();
    const options = await suggestions.allTextContents();
    for (let i = 0; i < options.findIndex((text) => text.startsWith('Robert Hood — Range')); i += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`[?&]track=${range}(&|$)`));
    await waitForGraph(page, [range]);
    expect((await nodeIds(page)).length).toBeGreaterThan(5);
    await expect.poll(() => page.getByTestId('track-details').locator('h2').textContent()).toBe('Range');
    await screenshot(page, 'explorer-centre');
  });

  it('selects on click, pans on drag without selecting, expands on double-click', async () => {
    const before = new Set(await nodeIds(page));
    // An out-neighbour of Range that leads on to a track Range is not next to: its expansion grows the view.
    for (const candidate of await playedAfter(stack.baseUrl, range)) {
      const onward = (await playedAfter(stack.baseUrl, candidate)).find((id) => id !== range && !before.has(id));
      if (before.has(candidate) && onward) [expanded, twoHopsAway] = [candidate, onward];
    }
    expect(expanded).toBeTruthy();
    await page.mouse.click(...(await screenPositionOf(page, expanded)));
    await page.getByTestId('track-details').waitFor();
    await page.waitForURL(new RegExp(`sel=${expanded}(&|$)`));

    const [x, y] = await emptySpot();
    const centreBefore = await screenPositionOf(page, range);
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 30, y + 10);
    await page.mouse.move(x + 60, y + 20);
    await page.mouse.up();
    const centreAfter = await screenPositionOf(page, range);
    expect(centreAfter[0] - centreBefore[0]).toBeCloseTo(60, 0);
    expect(page.url()).toContain(`sel=${expanded}`);

    await page.mouse.dblclick(...(await screenPositionOf(page, expanded)));
    await page.waitForURL(new RegExp(`expand=${expanded}(&|$)`));
    await waitForGraph(page, [twoHopsAway]);
    expect((await nodeIds(page)).length).toBeGreaterThan(before.size);
    await page.keyboard.press('f');
    await screenshot(page, 'explorer-expanded');
  });

  it('opens the setlists behind a transition, linking to their sources', async () => {
    const edgeId = `${range}->${expanded}`;
    expect(await edgeIds(page)).toContain(edgeId);
    const [ax, ay] = await screenPositionOf(page, range);
    const [bx, by] = await screenPositionOf(page, expanded);
    // Halfway, a few pixels to the right of the direction of travel: where this transition (and not its
    // opposite, when DJs also played them the other way round) is drawn.
    const length = Math.hypot(bx - ax, by - ay);
    const [nx, ny] = [-(by - ay) / length, (bx - ax) / length];
    await page.mouse.click((ax + bx) / 2 + nx * 3, (ay + by) / 2 + ny * 3);
    const details = page.getByTestId('edge-details');
    await details.waitFor();
    await page.waitForURL(new RegExp(`edge=${range}-%3E${expanded}`));
    await expect.poll(() => details.getByTestId('edge-weight').textContent()).toMatch(/^\d+ performances?$/);
    const links = details.getByTestId('setlist-link');
    await links.first().waitFor();
    for (const href of await links.evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href))) {
      // the mix's page on MixesDB itself, not the replay server it was crawled from (docs/identity.md)
      expect(href.startsWith('https://www.mixesdb.com/w/')).toBe(true);
    }
    await screenshot(page, 'explorer-edge');
  });

  it('finds and draws the path between two Ctrl-clicked tracks', async () => {
    await page.mouse.click(...(await screenPositionOf(page, range)));
    await page.keyboard.down('Control');
    await page.mouse.click(...(await screenPositionOf(page, twoHopsAway)));
    await page.keyboard.up('Control');
    await page.getByRole('button', { name: 'Path between the 2 selected' }).click();
    const result = page.getByTestId('path-result');
    await result.waitFor();
    await expect.poll(() => result.textContent()).toMatch(/\d+ hops/);
    // Not adjacent, so at least two hops; the most-travelled route may take more.
    expect(Number(/(\d+) hops/.exec((await result.textContent())!)![1])).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('path-fromId').textContent()).toBe('Robert Hood — Range');
    await page.waitForURL(new RegExp(`path=${range}%2C${twoHopsAway}`));
    await screenshot(page, 'explorer-path');
  });

  it('reloads the view for new filters: depth 2 grows it, an unmet minimum weight says so', async () => {
    const before = (await nodeIds(page)).length;
    await page.getByLabel(/^Depth/).selectOption('2');
    await page.waitForURL(/[?&]depth=2(&|$)/);
    await page.waitForFunction((n) => window.__songnodes!.nodeIds().length > n && window.__songnodes!.settled() !== null, before, {
      polling: 100,
      timeout: 120_000,
    });
    await page.getByTestId('path-result').waitFor();
    await screenshot(page, 'explorer-depth-2');
    if (process.env.UPDATE_DOCS_SCREENSHOT === '1') {
      mkdirSync(join(REPO_ROOT, 'docs/screenshots'), { recursive: true });
      copyFileSync(await screenshot(page, 'explorer'), join(REPO_ROOT, 'docs/screenshots/explorer.png'));
    }

    const minWeight = page.getByLabel(/^Minimum weight/);
    await minWeight.fill('99');
    await page.waitForURL(/[?&]minWeight=99(&|$)/);
    await page.getByText('no transition meets the filters around').waitFor();
    expect(await nodeIds(page)).toContain(range);
    await minWeight.fill('1');
    await page.waitForURL((current) => !current.searchParams.has('minWeight'));
    await waitForGraph(page, [range, expanded, twoHopsAway]);
  });

  it('restores the whole view from the URL after a reload', async () => {
    const url = page.url();
    const before = (await nodeIds(page)).sort();
    const path = await page.getByTestId('path-result').textContent();
    await page.reload();
    await waitForGraph(page, before);
    expect(page.url()).toBe(url);
    expect((await nodeIds(page)).sort()).toEqual(before);
    await expect.poll(() => page.getByTestId('path-result').textContent()).toBe(path);
    await expect.poll(() => page.getByRole('heading', { name: '2 tracks selected' }).count()).toBe(1);
  });

  it('expands with Enter, shows the keyboard help on ?, and Escape closes it, then clears the selection', async () => {
    const expandedIds = new URL(page.url()).searchParams.get('expand')!.split(',');
    const next = (await nodeIds(page)).find((id) => id !== range && !expandedIds.includes(id))!;
    await page.mouse.click(...(await screenPositionOf(page, next)));
    await page.waitForURL(new RegExp(`sel=${next}(&|$)`));
    await page.keyboard.press('Enter');
    await page.waitForURL((current) => current.searchParams.get('expand')!.split(',').includes(next));

    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard and mouse' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await page.waitForURL((current) => !current.searchParams.has('sel'));
  });

  it('a crawl and sync in the background make the new transition appear live', async () => {
    await page.goto(`${stack.baseUrl}/?track=${range}`);
    await waitForGraph(page, [range]);
    const watching = `watching ${(await nodeIds(page)).length} tracks`;
    await expect.poll(() => page.getByTestId('live-watching').textContent(), { timeout: 60_000 }).toContain(watching);
    expect(await findTrackId(stack.baseUrl, 'Rhythm Is Rhythm', 'Salsa Life')).toBeNull();

    await stack.crawlHeldBackMix();

    const salsaLife = (await findTrackId(stack.baseUrl, 'Rhythm Is Rhythm', 'Salsa Life'))!;
    expect(salsaLife).toBeTruthy();
    const edgeId = `${range}->${salsaLife}`;
    await page.waitForFunction((id) => window.__songnodes!.edgeIds().includes(id), edgeId, { polling: 100, timeout: 120_000 });
    expect(await page.evaluate((id) => window.__songnodes!.changedAt(id), edgeId)).not.toBeNull();
    await expect.poll(() => page.getByTestId('live-changes').textContent()).toContain('Rhythm Is Rhythm — Salsa Life');
    await screenshot(page, 'explorer-live');
  });
});
