/**
 * How a 1001tracklists page is loaded in Chromium, shared by the search (a short-lived browser) and the setlist
 * crawler (Crawlee's browser pool): launch flags, a guard installed before navigation, and reading the page once
 * it has settled.
 *
 * Why settling needs care: the site's anti-bot interstitial (fixtures/captcha.html) submits itself as a POST to
 * the same URL from an inline script. A real browser usually passes that check and lands on the tracklist, which
 * is why this source needs a browser at all; but if the answer is the interstitial again, the page would POST in
 * a tight loop (about 15 requests a second against a local server). The guard therefore lets a page follow at
 * most MAX_SELF_FORWARDS such navigations and cancels the next one, leaving the interstitial on screen for
 * detect1001Block. `page.goto` must use `waitUntil: 'commit'`: with 'domcontentloaded' it waits for the cancelled
 * navigation and times out (Playwright 1.65, Chromium 156).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { chromiumLaunchOptions as launchOptionsFor } from '@songnodes/contracts';
import type { LaunchOptions, Page, Request } from 'playwright';
import type { CrawlerConfig } from '../../config';
import { RetryableError } from '../../errors';
import { detect1001Block } from './detect-block';
import { noteDocumentRequest } from './politeness';

/** Navigations the interstitial may trigger by itself after the one we asked for (GET page -> POST check). */
const MAX_SELF_FORWARDS = 2;
/** Resource types never loaded: not needed to read the page, and each one is a request to the site or its CDN. */
const SKIPPED_RESOURCES = new Set(['image', 'media', 'font']);
const POLL_MS = 250;

/** Playwright launch options for the configured Chromium (Debian's; Playwright's own browsers are not installed). */
export function chromiumLaunchOptions(config: CrawlerConfig): LaunchOptions {
  return launchOptionsFor(config.chromiumPath);
}

/** What the guard saw of a page's top-level navigations. */
export interface PageGuard {
  /** status of the last top-level document received, null before the first */
  readonly lastStatus: number | null;
  /** true once a self-forward beyond MAX_SELF_FORWARDS was cancelled: the page will not change any more */
  readonly forwardsExhausted: boolean;
}

/** Installs the navigation cap and resource filter on `page`; call before the first navigation. */
export async function guardPage(page: Page): Promise<PageGuard> {
  const state = { lastStatus: null as number | null, forwardsExhausted: false, documents: 0 };
  const isTopDocument = (request: Request) => {
    try {
      return request.isNavigationRequest() && request.frame() === page.mainFrame();
    } catch {
      return false; // a service worker's request has no frame (Playwright throws)
    }
  };
  await page.route('**/*', async (route) => {
    const request = route.request();
    let answer: Promise<void>;
    if (isTopDocument(request)) {
      noteDocumentRequest(request.url());
      state.documents += 1;
      state.forwardsExhausted = state.documents > 1 + MAX_SELF_FORWARDS;
      // 'aborted' cancels the navigation and keeps the current document; other codes show an error page.
      answer = state.forwardsExhausted ? route.abort('aborted') : route.continue();
    } else {
      answer = SKIPPED_RESOURCES.has(request.resourceType()) ? route.abort('blockedbyclient') : route.continue();
    }
    // A page closed while a request was paused rejects here; nothing is left to answer.
    await answer.catch(() => undefined);
  });
  page.on('response', (response) => {
    if (isTopDocument(response.request())) state.lastStatus = response.status();
  });
  return state;
}

/**
 * The page's HTML once it has settled: its DOM is parsed and it is not an interstitial that is still forwarding
 * itself. An interstitial that does not go away within `waitMs` is returned as it is (the parser reports it
 * as blocked). Throws RetryableError when no document could be read at all within `waitMs`.
 */
export async function readSettledPage(page: Page, guard: PageGuard, waitMs: number): Promise<string> {
  const deadline = Date.now() + waitMs;
  let body: string | null = null;
  for (;;) {
    if (page.isClosed()) throw new RetryableError(`${page.url()} was closed while loading`);
    // A cancelled self-forward leaves a document whose DOMContentLoaded Playwright never reports: read it anyway.
    const parsed = await page.waitForLoadState('domcontentloaded', { timeout: POLL_MS }).then(
      () => true,
      () => false,
    );
    const html = parsed || guard.forwardsExhausted ? await readContent(page) : null;
    if (html !== null) {
      body = html;
      if (guard.forwardsExhausted || !detect1001Block(html).blocked) return html;
    }
    if (Date.now() >= deadline) break;
    if (parsed) await sleep(POLL_MS);
  }
  if (body === null) throw new RetryableError(`${page.url()} did not finish loading within ${waitMs} ms`);
  return body;
}

/** The serialised DOM, or null while a navigation is replacing it. */
async function readContent(page: Page): Promise<string | null> {
  try {
    return await page.content();
  } catch {
    // "Unable to retrieve content because the page is navigating": the next poll reads the new document.
    return null;
  }
}
