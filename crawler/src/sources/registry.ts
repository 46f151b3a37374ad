import { tracklists1001Source } from './1001tracklists/source';
import { mixesdbSource } from './mixesdb/source';
import { setlistfmSource } from './setlistfm/source';
import type { CrawlSource } from './types';

/** Every source, in the order a run visits them. */
export const SOURCES: readonly CrawlSource[] = [mixesdbSource, tracklists1001Source, setlistfmSource];
