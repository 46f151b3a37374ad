/**
 * The sources' setlist crawlers, loaded when a crawl first creates one: Crawlee and Playwright take seconds to load,
 * and commands that never crawl (`import`, `reparse`) only need the sources' parsers and parser versions.
 */
import type { SetlistCrawlerOptions } from './types';

type Module<T> = () => T;

function once<T>(load: Module<T>): Module<T> {
  let loaded: T | undefined;
  return () => (loaded ??= load());
}

const httpCrawler = once(() => require('../crawl/http-setlist-crawler') as typeof import('../crawl/http-setlist-crawler'));
const browserCrawler = once(() => require('./1001tracklists/setlist-crawler') as typeof import('./1001tracklists/setlist-crawler'));

export const createHttpSetlistCrawler = (options: SetlistCrawlerOptions) => httpCrawler().createHttpSetlistCrawler(options);
export const create1001SetlistCrawler = (options: SetlistCrawlerOptions) => browserCrawler().create1001SetlistCrawler(options);
/** Playwright's Chromium. */
export const chromium = () => (require('playwright') as typeof import('playwright')).chromium;
