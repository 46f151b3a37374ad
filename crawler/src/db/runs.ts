import type { Pool } from 'pg';
import { crawlerSql } from './statements';

/** Records a crawl run in ops.crawl_runs; returns its id. */
export async function startCrawlRun(pool: Pool, worker: string, command: string, args: object): Promise<number> {
  const { rows } = await pool.query(crawlerSql('crawl-run-start'), [worker, command, JSON.stringify(args)]);
  return Number(rows[0].id);
}

export async function finishCrawlRun(pool: Pool, id: number, status: 'ok' | 'failed' | 'aborted', summary: object) {
  await pool.query(crawlerSql('crawl-run-finish'), [id, status, JSON.stringify(summary)]);
}

/** The active pause of a source (set by its circuit breaker in an earlier run), if any. */
export async function readSourcePause(pool: Pool, source: string): Promise<{ until: Date; reason: string } | null> {
  const { rows } = await pool.query(crawlerSql('source-state-read'), [source]);
  return rows[0] ? { until: rows[0].paused_until, reason: rows[0].pause_reason } : null;
}

export async function pauseSource(pool: Pool, source: string, seconds: number, reason: string) {
  await pool.query(crawlerSql('source-state-pause'), [source, seconds, reason]);
}

/** Counts one request against today's cap of `source`; returns today's count including it. */
export async function countSourceRequest(pool: Pool, source: string): Promise<number> {
  const { rows } = await pool.query(crawlerSql('source-usage-count'), [source]);
  return rows[0].requests;
}

/** The sources whose breaker pause is running now (every worker sees the same ops.source_state). */
export async function readPausedSources(pool: Pool): Promise<string[]> {
  const { rows } = await pool.query(crawlerSql('source-state-paused'));
  return rows.map((r) => r.source as string);
}
