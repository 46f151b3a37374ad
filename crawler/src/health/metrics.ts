import { Counter, Registry } from 'prom-client';
import type { LocalFailureKind } from '../errors';
import type { SourceName } from '../sources/source-names';

/**
 * Every label comes from a bounded set — source names, the status and reason vocabularies below — never a URL or
 * free text, so the number of series stays fixed however much is crawled (issue 11: free-text labels grew the
 * API's /metrics to 30,000 series).
 */

/** HTTP statuses worth a series of their own; any other is counted by class ('2xx'...'5xx'). */
const NAMED_STATUSES = new Set([200, 301, 302, 304, 400, 401, 403, 404, 408, 410, 425, 429, 500, 502, 503, 504, 520, 521, 522, 524]);

/** A request's outcome as a label: a named HTTP status, its class, or how it failed without one. */
export type RequestStatus = number | 'timeout' | 'network' | 'aborted';

export function statusLabel(status: RequestStatus): string {
  if (typeof status !== 'number') return status;
  if (NAMED_STATUSES.has(status)) return String(status);
  return status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : 'other';
}

/** What a stored setlist did to silver. */
export type StoredReason = 'written' | 'unchanged';
/** Why a setlist page gave silver nothing: its parse status, no setlist on the page, or the page never loaded. */
export type RefusedReason = 'blocked' | 'empty' | 'error' | 'not_refined' | 'no_setlist' | 'page_failed' | 'local_failure';
export type TargetOutcome = 'done' | 'failed' | 'blocked' | 'released';
export type RunOutcome = 'ok' | 'failed' | 'aborted';

/**
 * The crawl's counters, on a registry of their own (the health server adds process and queue metrics). Names are
 * the contract the manifests' alerts and dashboard read (k8s/README.md, "Metrics the manifests expect").
 */
export function createCrawlerMetrics(registry = new Registry()) {
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new Counter<L>({ name: `songnodes_crawl_${name}`, help, labelNames, registers: [registry] });
  const requests = counter('requests_total', 'HTTP requests to sources by status (each retry counts)', ['source', 'status']);
  const pages = counter('pages_total', 'pages loaded and stored as bronze evidence, by kind and HTTP status', ['source', 'kind', 'status']);
  const setlists = counter(
    'setlists_total',
    'setlists by outcome: stored (written to silver, or unchanged) or refused, with why (the silent failures: blocked, empty or broken parses, setlist pages without a setlist or that never loaded)',
    ['source', 'outcome', 'reason'],
  );
  const targets = counter('targets_total', 'target searches finished by outcome (released: given back on shutdown)', ['source', 'outcome']);
  const localFailures = counter(
    'local_failures_total',
    'failures on our side (Crawlee state, PostgreSQL, bugs); never held against a source',
    ['source', 'kind'],
  );
  const stateResets = counter('state_resets_total', 'damaged Crawlee states thrown away and started afresh', ['source']);
  const runs = counter('runs_total', 'crawl runs by outcome', ['outcome']);

  let lastActivityAt = Date.now();
  const touch = () => {
    lastActivityAt = Date.now();
  };
  return {
    registry,
    /** when anything was last counted: the worker's sign of life while it crawls */
    get lastActivityAt() {
      return lastActivityAt;
    },
    request(source: SourceName, status: RequestStatus) {
      requests.inc({ source, status: statusLabel(status) });
      touch();
    },
    page(source: SourceName, kind: 'search' | 'setlist', status: number) {
      pages.inc({ source, kind, status: statusLabel(status) });
      touch();
    },
    setlistStored(source: SourceName, reason: StoredReason) {
      setlists.inc({ source, outcome: 'stored', reason });
      touch();
    },
    setlistRefused(source: SourceName, reason: RefusedReason) {
      setlists.inc({ source, outcome: 'refused', reason });
      touch();
    },
    target(source: SourceName, outcome: TargetOutcome) {
      targets.inc({ source, outcome });
      touch();
    },
    localFailure(source: SourceName, kind: LocalFailureKind) {
      localFailures.inc({ source, kind });
      touch();
    },
    stateReset(source: SourceName) {
      stateResets.inc({ source });
      touch();
    },
    run(outcome: RunOutcome) {
      runs.inc({ outcome });
      touch();
    },
  };
}

export type CrawlerMetrics = ReturnType<typeof createCrawlerMetrics>;
