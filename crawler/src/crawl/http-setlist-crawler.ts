import { BasicCrawler, CriticalError } from '@crawlee/basic';
import { NonRetryableError, RetryableError, ShutdownError, SourceStoppedError } from '../errors';
import type { SetlistCrawlerOptions, SetlistRef } from '../sources/types';

/**
 * The Crawlee crawler for sources served over plain HTTP (MixesDB, setlist.fm): one request at a time through
 * the source's polite fetcher, which already retries with backoff; Crawlee adds the persisted request queue and
 * one more try for anything unexpected (a database hiccup). A stopped source ends the whole crawl (CriticalError).
 *
 * The request queue is the only state it persists: no session pool (the fetcher sends one identity and no
 * cookies, so a session means nothing) and no persisted statistics. Each persisted file is one more a SIGKILL can
 * leave half-written; a damaged session-pool file once paused MixesDB for an hour (issue 11).
 */
export function createHttpSetlistCrawler({ context, configuration, requestQueue, onPage, onFailure }: SetlistCrawlerOptions): BasicCrawler {
  return new BasicCrawler(
    {
      requestQueue,
      maxConcurrency: 1,
      maxRequestRetries: 1,
      requestHandlerTimeoutSecs: 600,
      useSessionPool: false,
      statisticsOptions: { persistenceOptions: { enable: false } },
      async requestHandler({ request }) {
        const ref = request.userData.ref as SetlistRef;
        try {
          await onPage(ref, await context.fetcher.get(request.url));
        } catch (error) {
          if (error instanceof SourceStoppedError) throw new CriticalError(error.message);
          // Cut short by shutdown: Crawlee puts the request back in the queue and the next run loads it.
          if (error instanceof ShutdownError) throw error;
          if (error instanceof NonRetryableError || error instanceof RetryableError) request.noRetry = true;
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
}
