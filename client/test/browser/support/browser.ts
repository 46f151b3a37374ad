/**
 * Debian Chromium through playwright-core, and the few helpers the explorer tests share: console-error capture
 * (the suite demands none), waiting on the view's read-only debug handle (a canvas has no DOM), and screenshots.
 */
import { chromiumLaunchOptions } from '@songnodes/contracts';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from './workspaces';

export const SCREENSHOT_DIR = join(REPO_ROOT, 'client', 'test-artifacts', 'screens');

export async function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions());
}

/** A page whose console errors and uncaught exceptions are collected in `errors`. */
export async function openPage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 }, deviceScaleFactor: 1 });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  return { page, errors };
}

/** Waits until the explorer is up: the renderer exists (so every React effect, keyboard shortcuts included, ran). */
export async function waitForApp(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__songnodes !== undefined, null, { polling: 100, timeout: 60_000 });
}

/** Waits until the graph holds `ids` (all of them) and the layout has cooled down, so positions are stable. */
export async function waitForGraph(page: Page, ids: readonly string[] = []): Promise<void> {
  await page.waitForFunction(
    (wanted) => {
      const handle = window.__songnodes;
      if (!handle) return false;
      const present = new Set(handle.nodeIds());
      return present.size > 0 && wanted.every((id) => present.has(id)) && handle.settled() !== null;
    },
    [...ids],
    { polling: 100, timeout: 120_000 },
  );
}

export async function nodeIds(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__songnodes!.nodeIds());
}

export async function edgeIds(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__songnodes!.edgeIds());
}

/** Where a track is drawn, in page pixels. */
export async function screenPositionOf(page: Page, id: string): Promise<[number, number]> {
  const position = await page.evaluate((trackId) => window.__songnodes!.screenPositionOf(trackId), id);
  if (!position) throw new Error(`track ${id} is not drawn`);
  return position;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
