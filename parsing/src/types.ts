/**
 * Plain records the parsers produce. Parsers are pure: page text in, these out, no I/O.
 * bronze.setlists / bronze.setlist_rows store them as found; the refine step turns them into silver.
 */

/** One tracklist row as a parser read it. */
export interface ParsedTrackLine {
  /** the line as found, after markup (wikilinks, templates, HTML) was removed */
  raw: string;
  /** cue as written ("12", "1:02:33", "?", "1?"), without brackets; null when the row has none */
  cue: string | null;
  /** cue in seconds when it is exact; null for unknown/partial cues ("?", "1?") */
  cueSeconds: number | null;
  /** the full artist credit as written ("Above & Beyond", "Dubfire feat. X"); null when there is none */
  artist: string | null;
  /** the title without version, label and featuring ("Strobe") */
  title: string | null;
  /** the version in brackets ("Dubfire Remix", "Ben Klock Process", "Radikal Victory Edit"); null for the original */
  version: string | null;
  /** artists credited for the version ("Dubfire" for "Dubfire Remix") */
  remixers: string[];
  /** featured artists ("feat. X", "ft. X"), from the artist credit or the title */
  featured: string[];
  /** individual primary artists derived from the credit where it is safe to split (see README) */
  primaryArtists: string[];
  label: string | null;
  catalog: string | null;
  /** "ID - ID", "?", "Unknown - ...", "ID": not a known track, breaks the transition chain */
  unidentified: boolean;
  /** the artist-validity rule (contracts) applied to `artist` */
  artistValid: boolean;
  /**
   * played over the previous row rather than after it: a "w/" row, a 1001tracklists mashup part, the second track
   * of "A - X vs. B - Y" or "A + B". Kept as a row of its own, in order; see docs/parsing.md "Layered rows" for what
   * counts as a transition across it.
   */
  layered: boolean;
  /** anything odd the parser noticed, in words ("label bracket not closed", ...) */
  warnings: string[];
}

/** One part of a setlist (";Part 1", "CD2", an encore); a setlist without parts has one part, index 0. */
export interface ParsedPart {
  index: number;
  name: string | null;
  rows: ParsedTrackLine[];
}

export type ParseStatus = 'ok' | 'blocked' | 'empty' | 'error';

/** One setlist as a parser read it from one page. */
export interface ParsedSetlist {
  /** a crawled site, or a tracklist brought in as text or a CUE sheet (`crawl import`, the paste form) */
  source: 'mixesdb' | '1001tracklists' | 'setlistfm' | 'text' | 'cue';
  sourceUrl: string;
  sourceId: string | null;
  title: string | null;
  /** DJs in credit order ("Ben Klock b2b Adiel" -> ["Ben Klock", "Adiel"]) */
  djs: string[];
  event: string | null;
  venue: string | null;
  location: string | null;
  /** the date as written, and as an ISO date (YYYY-MM-DD) when it is a full date */
  dateText: string | null;
  date: string | null;
  status: ParseStatus;
  /** why the status is not 'ok' */
  statusReason: string | null;
  parts: ParsedPart[];
  warnings: string[];
}
