/**
 * Each crawled source's parser version, stored with every parse in bronze (a new version parses the same page
 * again). Apart from the sources so that `crawl import`, which needs only these, does not load the crawlers and
 * their page libraries (cheerio) to start.
 */
export const PARSER_VERSIONS = {
  mixesdb: 'mixesdb@1',
  '1001tracklists': '1001tracklists@2',
  setlistfm: 'setlistfm@1',
} as const;

/** The parser version of a crawled source, or undefined for a source nobody crawls (the free-text formats). */
export function crawledParserVersion(source: string): string | undefined {
  return (PARSER_VERSIONS as Readonly<Record<string, string>>)[source];
}
