/**
 * Public types of the replay server: what a test hands it (stored pages, faults) and what it hands back
 * (base URLs, the log of requests it answered).
 */

/** The three crawled sources; each gets its own origin (port) so each has its own /robots.txt. */
export type ReplaySource = 'mixesdb' | '1001tracklists' | 'setlistfm';

/** Every source, in the order their ports are assigned (`--port-base` N, N+1, N+2). */
export const REPLAY_SOURCES: readonly ReplaySource[] = ['mixesdb', '1001tracklists', 'setlistfm'];

interface FaultBase {
  /** which origin the fault applies to */
  source: ReplaySource;
  /**
   * Matched against the request's path + query: a string matches when it is contained in it, a RegExp when it
   * tests true. Both the raw form (as sent, percent-encoded) and the decoded form are tried, so
   * `'srsearch=insource:"Bicep'` and `/srsearch=insource%3A/` both work.
   */
  match: string | RegExp;
  /** how many matching requests the fault answers before it retires; default: every one, forever */
  times?: number;
}

/** Answers with this status instead of the real reply (e.g. 429 + Retry-After, 500, 503). */
export interface StatusFault extends FaultBase {
  kind: 'status';
  status: number;
  /** sent as the `Retry-After` header (seconds) */
  retryAfterSeconds?: number;
  /** default: "<status> <reason phrase>" as text/plain; when given, it is sent with the real reply's content type */
  body?: string;
}

/** Never answers: the client has to give up (timeout/abort). `close()` still ends such requests. */
export interface HangFault extends FaultBase {
  kind: 'hang';
}

/**
 * Sends the real status and headers (with the real Content-Length), the first `bytes` bytes of the real body,
 * then destroys the socket, so the client sees an aborted body rather than a short but "complete" one.
 */
export interface TruncateFault extends FaultBase {
  kind: 'truncate';
  bytes: number;
}

/** Replaces the body (e.g. the anti-bot captcha page, malformed JSON); status stays the real one unless given. */
export interface BodyFault extends FaultBase {
  kind: 'body';
  body: string;
  /** default: the real reply's content type */
  contentType?: string;
  /** default: the real reply's status */
  status?: number;
}

/** A misbehaviour to inject. Faults are tried in the order added; the first that matches answers the request. */
export type Fault = StatusFault | HangFault | TruncateFault | BodyFault;

/** One request the server received, logged as it arrived so tests can assert politeness, retries and headers. */
export interface RecordedRequest {
  source: ReplaySource;
  method: string;
  /** the path as sent (still percent-encoded), without the query */
  path: string;
  /** decoded query parameters; a repeated name keeps its last value */
  query: Record<string, string>;
  /** request headers, names lower-cased, repeated headers joined with ", " */
  headers: Record<string, string>;
  /** arrival time, `Date.now()` */
  at: number;
  /** the status sent; 0 when nothing was sent (a 'hang' fault) */
  status: number;
  /** the kind of fault that answered, when one did */
  fault?: Fault['kind'];
}

/** What to serve. Every part is optional: an origin without data answers searches with no hits. */
export interface ReplayServerOptions {
  /** MixesDB pages: title -> wikitext. Titles are normalised as MediaWiki does (underscores, first letter). */
  mixesdb?: { pages: Map<string, string> };
  /**
   * setlist.fm setlist objects (as the API returns them) served by search and by id, in the order given
   * (the real API sorts by date, newest first; stored responses already are). When `apiKey` is set, every
   * `/rest/` request must carry it in `x-api-key`, else 403.
   */
  setlistfm?: { setlists: unknown[]; apiKey?: string };
  /**
   * 1001tracklists pages by path (e.g. `/tracklist/1gz59x6t/bicep-….html`) and search results: query
   * (normalised with `normalise1001Query`; keys are normalised for you) -> paths, in result order.
   */
  tracklists1001?: { pages: Map<string, string>; search?: Map<string, string[]> };
  /** robots.txt per source; default `User-agent: *\nAllow: /\n` */
  robots?: Partial<Record<ReplaySource, string>>;
  /** faults active from the start, in order */
  faults?: Fault[];
  /** fixed ports per source; default 0 (any free port) */
  ports?: Partial<Record<ReplaySource, number>>;
}

/** A running replay server: three origins on 127.0.0.1. */
export interface ReplayServer {
  /** base URLs without a trailing slash, e.g. `http://127.0.0.1:41234` */
  urls: Record<ReplaySource, string>;
  /** every request received so far, in arrival order (a live array: tests may read or clear it) */
  requests: RecordedRequest[];
  /** adds a fault after the ones already active */
  addFault(fault: Fault): void;
  /** removes every fault, including those from the options */
  clearFaults(): void;
  /** adds or replaces a MixesDB page at run time (e.g. a page corrected by an editor) */
  setMixesdbPage(title: string, wikitext: string): void;
  /** stops all three origins, ending open and hanging requests */
  close(): Promise<void>;
}
