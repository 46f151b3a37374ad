/**
 * A saved 1001tracklists tracklist page (one HTML file per page), read by the crawler's own page parser. The page
 * says which tracklist it is (`<link rel="canonical">`, else `og:url`): that URL, on the live site's origin, is the
 * setlist's identity, so a saved page and a crawled one are one setlist. A page that names no tracklist URL cannot
 * be told apart from any other and is refused.
 */
import * as cheerio from 'cheerio';
import { parse1001Tracklist } from '../../sources/1001tracklists/parse-tracklist';
import { sha256Hex, tracklists1001CanonicalUrl } from '../source-identity';
import type { ImportFile, ReadResult } from '../types';

/** The tracklist URL a saved page names, canonicalised; null when it names none. */
export function savedPageUrl(html: string): string | null {
  // Only the head matters and a saved page can be large: cheerio reads the part before <body>.
  const head = html.slice(0, Math.max(html.search(/<body[\s>]/i), 0) || 200_000);
  const $ = cheerio.load(head);
  const candidates = [$('link[rel="canonical"]').attr('href'), $('meta[property="og:url"]').attr('content')];
  for (const candidate of candidates) {
    const url = candidate ? tracklists1001CanonicalUrl(candidate.trim()) : null;
    if (url) return url;
  }
  return null;
}

export function readTracklists1001Html(file: ImportFile): ReadResult {
  const sourceUrl = savedPageUrl(file.text);
  if (sourceUrl === null) {
    return {
      entries: [],
      refused: [{ key: 'file', line: null, reason: 'the page names no 1001tracklists tracklist URL (no canonical link or og:url)' }],
    };
  }
  return {
    entries: [
      {
        key: 'file',
        line: 1,
        source: '1001tracklists',
        body: file.text,
        contentType: 'text/html',
        sha256: sha256Hex(`1001tracklists-html\n${sourceUrl}\n${file.text}`),
        parse: () => parse1001Tracklist(file.text, { sourceUrl }),
      },
    ],
    refused: [],
  };
}
