/**
 * Politeness for the browser-driven source: robots.txt and the minimum spacing between page loads. The HTTP
 * sources get both from their PoliteFetcher; here pages are loaded by Chromium (the search in a short-lived
 * browser, setlists through Crawlee's PlaywrightCrawler), so both paths share these two checks instead.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { NonRetryableError, describeError } from '../../errors';
import { RobotsCache } from '../../http/robots';
import type { SourceContext } from '../types';

/** When the last page load of each origin started, and the queue of loads waiting for their turn. */
const lastLoadAt = new Map<string, number>();
const turns = new Map<string, Promise<void>>();

/**
 * Resolves when a page of `url`'s origin may be loaded: at least `minDelayMs` after the previous load of that
 * origin started, whichever part of the source (search or setlist crawler) made it. Module-level on purpose: the
 * site sees one client per process, however many crawler instances or runs that process creates. Crawlee's own
 * `sameDomainDelaySecs` is not used because it only spaces the crawler's requests, not the search loads between
 * them, and it ignores IP-address hosts such as the replay server.
 */
export function waitForLoadTurn(url: string, minDelayMs: number): Promise<void> {
  const origin = new URL(url).origin;
  const turn = (turns.get(origin) ?? Promise.resolve()).then(async () => {
    const wait = (lastLoadAt.get(origin) ?? 0) + minDelayMs - Date.now();
    if (wait > 0) await sleep(wait);
    lastLoadAt.set(origin, Date.now());
  });
  turns.set(origin, turn);
  return turn;
}

/**
 * Records that a document request of `url`'s origin is leaving the browser now. The turn above starts the clock
 * before `goto`; a cold browser can take tens of milliseconds more to send the request, and the spacing the site
 * sees is between requests, so the clock restarts at the real send (and at every self-forward of a page).
 */
export function noteDocumentRequest(url: string): void {
  const origin = new URL(url).origin;
  lastLoadAt.set(origin, Math.max(lastLoadAt.get(origin) ?? 0, Date.now()));
}

/** One robots.txt cache per crawl context (the orchestrator builds one per run), so each run reads it afresh. */
const robotsByContext = new WeakMap<SourceContext, RobotsCache>();

function robotsFor(context: SourceContext): RobotsCache {
  let robots = robotsByContext.get(context);
  if (!robots) {
    const { userAgent, timeoutSeconds } = context.config;
    robots = new RobotsCache(userAgent, async (robotsUrl) => {
      // A plain GET: robots.txt is one small file per run, and a browser would add nothing but start-up time.
      try {
        const response = await fetch(robotsUrl, {
          headers: { 'user-agent': userAgent },
          signal: AbortSignal.timeout(timeoutSeconds * 1000),
        });
        if (response.status >= 500) throw new Error(`HTTP ${response.status}`);
        return response.ok ? await response.text() : null;
      } catch (error) {
        context.logger.warn({ url: robotsUrl, err: describeError(error) }, 'robots.txt unreadable; crawling as if absent');
        throw error;
      }
    });
    robotsByContext.set(context, robots);
  }
  return robots;
}

/** Throws NonRetryableError when the origin's robots.txt disallows `url` for our user-agent. */
export async function assertRobotsAllow(context: SourceContext, url: string): Promise<void> {
  if (!(await robotsFor(context).isAllowed(url))) {
    throw new NonRetryableError(`robots.txt of ${new URL(url).origin} disallows ${url}`);
  }
}
