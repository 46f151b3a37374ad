import { CriticalError, type BasicCrawler } from '@crawlee/basic';
import { PlaywrightCrawler } from '@crawlee/playwright';
import { chromium } from 'playwright';
import type { Page } from 'playwright';
import { NonRetryableError, SourceStoppedError } from '../../errors';
import type { SetlistCrawlerOptions, SetlistRef } from '../types';
import { chromiumLaunchOptions, guardPage, readSettledPage, type PageGuard } from './browser-page';
import { assertRobotsAllow, waitForLoadTurn } from './politeness';

/** Each page's guard, installed before its navigation and read by the request handler. */
const guards = new WeakMap<Page, PageGuard>();

/**
 * The Crawlee crawler that loads 1001tracklists setlist pages in the configured Chromium, one at a time.
 * Error policy as in the HTTP sources' crawler: a stopped source (anti-bot page) ends the whole crawl
 * (CriticalError); a page robots.txt disallows is not retried; anything else thrown gets one more try. Pages
 * that load but are not tracklists (404, error pages) reach onPage, whose parser records why.
 *
 * Choices, each on purpose:
 * - incognito pages: every page gets a fresh browser context, so no cookies or storage carry over between pages;
 * - no fingerprints (they need extra packages and pretend to be someone else) and our own User-Agent;
 * - no session pool: with one identity and no proxies a session means nothing, and its 401/403/429 check would
 *   throw before the handler sees an anti-bot page, which must reach the parser to stop the source;
 * - robots.txt and the politeness delay are checked in a pre-navigation hook, shared with the search.
 */
export function create1001SetlistCrawler({ context, configuration, requestQueue, onPage, onFailure }: SetlistCrawlerOptions): BasicCrawler {
  const { config } = context;
  const timeoutMs = config.timeoutSeconds * 1000;
  const crawler = new PlaywrightCrawler(
    {
      requestQueue,
      maxConcurrency: 1,
      maxRequestRetries: 1,
      navigationTimeoutSecs: config.timeoutSeconds,
      requestHandlerTimeoutSecs: config.timeoutSeconds + 60,
      useSessionPool: false,
      persistCookiesPerSession: false,
      launchContext: {
        launcher: chromium,
        launchOptions: chromiumLaunchOptions(config),
        userAgent: config.userAgent,
        useIncognitoPages: true,
      },
      browserPoolOptions: { useFingerprints: false },
      preNavigationHooks: [
        async ({ request, page }, gotoOptions) => {
          try {
            await assertRobotsAllow(context, request.url);
          } catch (error) {
            request.noRetry = true;
            throw error;
          }
          guards.set(page, await guardPage(page));
          // 'commit', not the default 'load': see browser-page.ts; readSettledPage waits for the document.
          if (gotoOptions) gotoOptions.waitUntil = 'commit';
          await waitForLoadTurn(request.url, config.tracklists1001DelaySeconds * 1000);
        },
      ],
      async requestHandler({ request, page, response }) {
        const ref = request.userData.ref as SetlistRef;
        try {
          const guard = guards.get(page);
          if (!guard) throw new Error(`no page guard for ${request.url}`);
          const body = await readSettledPage(page, guard, timeoutMs);
          const status = guard.lastStatus ?? response?.status() ?? 200;
          await onPage(ref, { url: request.url, status, contentType: 'text/html', body });
        } catch (error) {
          if (error instanceof SourceStoppedError) throw new CriticalError(error.message);
          // Unlike the HTTP sources, nothing has retried a slow page yet: leave RetryableError to Crawlee's one retry.
          if (error instanceof NonRetryableError) request.noRetry = true;
          throw error;
        }
      },
      failedRequestHandler({ request }, error) {
        context.logger.warn({ url: request.url, err: error.message }, 'setlist page failed');
        onFailure?.(request.userData.ref as SetlistRef, error);
      },
    },
    configuration,
  );
  // CrawlSource promises a BasicCrawler (the orchestrator only adds requests and runs it); TypeScript cannot see
  // that a PlaywrightCrawler is one, because its router's handlers take the richer browser context.
  return crawler as unknown as BasicCrawler;
}
