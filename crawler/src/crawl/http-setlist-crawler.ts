import { BasicCrawler, CriticalError } from '@crawlee/basic';
import { NonRetryableError, RetryableError, SourceStoppedError } from '../errors';
import type { SetlistCrawlerOptions, SetlistRef } from '../sources/types';

/**
 * The Crawlee crawler for sources served over plain HTTP (MixesDB, setlist.fm): one request at a time through
 * the source's polite fetcher, which already retries with backoff; Crawlee adds the persisted request queue and
 * one more try for anything unexpected (a database hiccup). A stopped source ends the whole crawl (CriticalError).
 */
export function createHttpSetlistCrawler({ context, configuration, requestQueue, onPage, onFailure }: SetlistCrawlerOptions): BasicCrawler {
  return new BasicCrawler(
    {
      requestQueue,
      maxConcurrency: 1,
      maxRequestRetries: 1,
      requestHandlerTimeoutSecs: 600,
      async requestHandler({ request }) {
        const ref = request.userData.ref as SetlistRef;
        try {
          await onPage(ref, await context.fetcher.get(request.url));
        } catch (error) {
          if (error instanceof SourceStoppedError) throw new CriticalError(error.message);
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
