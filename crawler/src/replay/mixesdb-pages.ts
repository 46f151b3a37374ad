/**
 * The MixesDB pages a replay server holds, keyed the way MediaWiki keys titles, with the page metadata the
 * search API reports (page id, last edit time).
 */
import { collapseWhitespace } from './fold-text';

/** One stored wiki page. */
export interface MixesdbPage {
  /** the normalised title, as MediaWiki would display it */
  title: string;
  wikitext: string;
  /** stable per title for the server's lifetime, like a real page id survives edits */
  pageid: number;
  /** last edit time, MediaWiki API format ("2024-05-01T12:00:00Z") */
  timestamp: string;
}

/**
 * Normalises a title as MediaWiki does for lookups: underscores are spaces, runs of spaces collapse, and the first
 * letter is upper-cased ($wgCapitalLinks), so "2017-10-22_-_Ben_Klock" and "2017-10-22 - Ben Klock" are one page.
 */
export function normaliseMixesdbTitle(raw: string): string {
  return collapseWhitespace(raw.replace(/_/g, ' ')).replace(/^./u, (first) => first.toUpperCase());
}

function apiTimestamp(date: Date): string {
  // MediaWiki reports whole seconds without milliseconds.
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** Title-keyed page store; `list()` is ordered by title so search results are deterministic. */
export class MixesdbPageStore {
  private readonly pages = new Map<string, MixesdbPage>();
  private nextPageId = 1;

  constructor(initial: ReadonlyMap<string, string> = new Map()) {
    for (const [title, wikitext] of initial) this.set(title, wikitext);
  }

  /** Adds a page or replaces its text (keeping its page id and bumping its timestamp, like an edit). */
  set(title: string, wikitext: string): MixesdbPage {
    const normalised = normaliseMixesdbTitle(title);
    const existing = this.pages.get(normalised);
    const page: MixesdbPage = {
      title: normalised,
      wikitext,
      pageid: existing?.pageid ?? this.nextPageId++,
      timestamp: apiTimestamp(new Date()),
    };
    this.pages.set(normalised, page);
    return page;
  }

  /** The page for a title in any spelling MediaWiki accepts, or undefined. */
  get(title: string): MixesdbPage | undefined {
    return this.pages.get(normaliseMixesdbTitle(title));
  }

  /** All pages, ordered by title (code-unit order, independent of locale). */
  list(): MixesdbPage[] {
    return [...this.pages.values()].sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
  }
}
