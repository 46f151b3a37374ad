import type { BasicCrawler, Configuration, RequestQueue } from '@crawlee/basic';
import type { Logger } from 'pino';
import type { Pool } from 'pg';
import type { CrawlerConfig } from '../config';
import type { TargetSearch } from '../db/targets';
import type { FetchedPage, PoliteFetcher } from '../http/polite-fetcher';
import type { ParsedSetlist } from '@songnodes/parsing';
import type { SourceName } from './source-names';

/** A setlist page a search found. */
export interface SetlistRef {
  /** the URL fetched (bronze.pages.url) */
  url: string;
  /** for progress logs: the page title as the search listed it */
  label: string;
}

/** A setlist that came whole inside a search response (setlist.fm), already stored as a bronze page. */
export interface InlineSetlist {
  pageId: number;
  parsed: ParsedSetlist;
}

export interface SearchOutcome {
  /** what the source said it found in all (before the per-target cap) */
  resultsFound: number;
  refs: SetlistRef[];
  inline: InlineSetlist[];
}

/** What a source's code may use while crawling. */
export interface SourceContext {
  config: CrawlerConfig;
  pool: Pool;
  logger: Logger;
  fetcher: PoliteFetcher;
  crawlRunId: number | null;
  /** stores a fetched page as bronze evidence, returns its id */
  savePage(page: FetchedPage, kind: 'search' | 'setlist'): Promise<number>;
}

/** Called by a source's Crawlee crawler with each loaded setlist page (the orchestrator parses and stores it). */
export type OnSetlistPage = (ref: SetlistRef, page: FetchedPage) => Promise<void>;

export interface SetlistCrawlerOptions {
  context: SourceContext;
  configuration: Configuration;
  requestQueue: RequestQueue;
  onPage: OnSetlistPage;
  /** called when a setlist page could not be loaded after its retries (recorded on the target) */
  onFailure?: (ref: SetlistRef, error: Error) => void;
}

/** One data source: how to search it, how to load its setlist pages, how to parse what it stores. */
export interface CrawlSource {
  name: SourceName;
  /** stored with every parse (bronze.setlists.parser_version); bump it when the parser changes */
  parserVersion: string;
  /** the source's politeness delay between requests, from config */
  minDelayMs(config: CrawlerConfig): number;
  /** extra headers for every request (API keys) */
  headers?(config: CrawlerConfig): Record<string, string>;
  /** why the source cannot run with this config (e.g. no API key), or null */
  unavailableReason(config: CrawlerConfig): string | null;
  /** searches with artist AND title together; at most `cap` refs */
  search(target: TargetSearch, context: SourceContext, cap: number): Promise<SearchOutcome>;
  /** the Crawlee crawler that loads setlist pages (HTTP or a real browser) */
  createSetlistCrawler(options: SetlistCrawlerOptions): BasicCrawler;
  /** the setlist page to load for a URL a person pasted (`crawl url`), or null when it is not this source's */
  refForUrl(url: string, config: CrawlerConfig): SetlistRef | null;
  /** pure: a stored page (bronze) -> the setlists it holds; used after fetching and by `reparse` */
  parsePage(page: { url: string; body: string; kind: string }, config: CrawlerConfig): ParsedSetlist[];
}
