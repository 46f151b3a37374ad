// Reads spread over several gold instances (README "Read scale-out"). Neo4j Community cannot cluster, but every gold
// instance is a full projection of silver fed by its own sync, so any of them can answer any read. The pool probes
// each instance (reachable? fully built?) and hands each request one instance: the best available, in turn.
import neo4j, { type Driver, type Result, type Session, type SessionConfig } from 'neo4j-driver';
import type { Logger } from '../logger';
import { cypherQuery } from './statements';

/**
 * ready: reachable, and its sync finished a run (the gold marker says so); empty: reachable, never synced;
 * rebuilding: reachable, a --full rebuild is running or was killed (gold half-built); down: the last probe or read
 * failed to reach it; unknown: not probed yet.
 */
export type GoldMemberState = 'unknown' | 'ready' | 'empty' | 'rebuilding' | 'down';

/** What a probe found out about one instance. */
export interface GoldProbe {
  state: Exclude<GoldMemberState, 'unknown'>;
  /** the sync instance name the gold marker carries (SYNC_INSTANCE_NAME of the sync that feeds it) */
  instance: string | null;
  /** the watermark of its last finished sync run */
  watermark: string | null;
  error: string | null;
}

export interface GoldMemberStatus extends Omit<GoldProbe, 'state'> {
  uri: string;
  state: GoldMemberState;
}

/** Splits NEO4J_URI: one Bolt URI, or several separated by commas (or whitespace). */
export function parseGoldUris(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter((uri) => uri !== ''))];
}

/** Rejects after `ms` unless `promise` settled first; the work itself is not cancelled. */
function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * One probe of one instance: the gold marker (cypher/sync/read-gold-state.cypher) in an auto-commit read, no
 * managed retries, cut off after `timeoutMs`: a hung instance reads as down, not as slow.
 */
export async function probeGoldInstance(driver: Driver, timeoutMs: number): Promise<GoldProbe> {
  const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
  try {
    const result = await withTimeout(session.run(cypherQuery('sync/read-gold-state'), {}, { timeout: timeoutMs }), timeoutMs, 'gold probe');
    const marker = result.records[0]?.toObject() as { instance: string | null; rebuilding: boolean | null; watermark: string | null };
    const state = marker.rebuilding === null ? 'empty' : marker.rebuilding ? 'rebuilding' : 'ready';
    return { state, instance: marker.instance, watermark: marker.watermark, error: null };
  } catch (error) {
    return { state: 'down', instance: null, watermark: null, error: error instanceof Error ? error.message : String(error) };
  } finally {
    // Not awaited: closing a session on a hung server would wait as long as the server does.
    session.close().catch(() => undefined);
  }
}

/** Errors that say the instance itself is gone (not the statement): stop sending to it until a probe succeeds. */
function isInstanceFailure(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === neo4j.error.SERVICE_UNAVAILABLE || code === neo4j.error.SESSION_EXPIRED || code === 'ECONNREFUSED';
}

interface Member extends GoldMemberStatus {
  driver: Driver;
  probing: boolean;
}

/** Preference among states: the pool picks from the best tier that has a member. */
const TIER: Record<GoldMemberState, number> = { ready: 0, unknown: 1, empty: 2, rebuilding: 2, down: 3 };

export interface GoldPoolOptions {
  uris: string[];
  /** builds the driver of one instance (the API passes createNeo4jDriver) */
  createDriver: (uri: string) => Driver;
  logger: Logger;
  /** how often every instance is probed @default 2000 */
  probeIntervalMs?: number;
  /** a probe not answered within this marks the instance down @default 1000 */
  probeTimeoutMs?: number;
}

/**
 * The gold instances of one API process. `pick()` gives a request its instance (every read of that request goes
 * there, so one answer comes from one projection); `driver` picks anew for every session (health checks, tools).
 * With a single URI both are that instance's plain driver: nothing to choose, nothing added.
 */
export class GoldPool {
  readonly driver: Driver;
  private readonly members: Member[];
  private readonly timer: NodeJS.Timeout | null;
  private next = 0;

  constructor(private readonly options: GoldPoolOptions) {
    if (options.uris.length === 0) throw new Error('the gold pool needs at least one Neo4j URI');
    this.members = options.uris.map((uri) => ({
      uri,
      driver: options.createDriver(uri),
      state: 'unknown' as GoldMemberState,
      instance: null,
      watermark: null,
      error: null,
      probing: false,
    }));
    const single = this.members.length === 1;
    this.driver = single ? this.members[0]!.driver : this.view(null);
    this.timer = single ? null : setInterval(() => void this.refresh(), options.probeIntervalMs ?? 2000);
    this.timer?.unref();
  }

  /** The instance for one request: the best state available, in turn; moves on if it fails mid-request. */
  pick(): Driver {
    if (this.members.length === 1) return this.members[0]!.driver;
    return this.view(this.choose());
  }

  /** Every instance's last known state (for /readyz, logs and tests). */
  status(): GoldMemberStatus[] {
    return this.members.map(({ uri, state, instance, watermark, error }) => ({ uri, state, instance, watermark, error }));
  }

  /** Probes every instance now (at most one probe per instance at a time). */
  async refresh(): Promise<void> {
    const timeoutMs = this.options.probeTimeoutMs ?? 1000;
    await Promise.all(
      this.members.map(async (member) => {
        if (member.probing) return;
        member.probing = true;
        try {
          const probe = await probeGoldInstance(member.driver, timeoutMs);
          if (probe.state !== member.state) {
            const fields = { uri: member.uri, from: member.state, to: probe.state, instance: probe.instance, error: probe.error };
            this.options.logger[probe.state === 'down' ? 'warn' : 'info'](fields, 'gold instance state changed');
          }
          Object.assign(member, probe);
        } finally {
          member.probing = false;
        }
      }),
    );
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await Promise.all(this.members.map((m) => m.driver.close()));
  }

  private choose(): Member {
    const best = Math.min(...this.members.map((m) => TIER[m.state]));
    const candidates = this.members.filter((m) => TIER[m.state] === best);
    return candidates[this.next++ % candidates.length]!;
  }

  private noteFailure(member: Member, error: unknown): void {
    if (!isInstanceFailure(error) || member.state === 'down') return;
    this.options.logger.warn(
      { uri: member.uri, err: error },
      'gold instance failed a read; sending reads elsewhere until it answers a probe',
    );
    member.state = 'down';
    member.error = error instanceof Error ? error.message : String(error);
  }

  /**
   * A Driver that sends sessions to `pinned` (or, unpinned, to a fresh choice each time) and to another instance
   * once it is down: a read retried after a connection failure (run-cypher.ts retries those) lands elsewhere.
   */
  private view(pinned: Member | null): Driver {
    let member = pinned;
    const current = (): Member => {
      if (!member || member.state === 'down' || !pinned) member = this.choose();
      return member;
    };
    return new Proxy(this.members[0]!.driver, {
      get: (_target, property) => {
        if (property === 'session') return (config?: SessionConfig) => this.observedSession(current(), config);
        if (property === 'executeQuery') {
          return (...args: unknown[]) => {
            const target = current();
            const run = target.driver.executeQuery as (...a: unknown[]) => Promise<unknown>;
            return run.apply(target.driver, args).catch((error: unknown) => {
              this.noteFailure(target, error);
              throw error;
            });
          };
        }
        // A request's view never closes the shared drivers; the pool's own view closes the pool.
        if (property === 'close') return pinned ? async () => undefined : () => this.close();
        const target = current().driver;
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }

  /**
   * A session of `member` whose failures are noticed: `run` results (when awaited) and managed transactions report
   * connection failures. Own properties shadow the prototype's methods; streaming (subscribe) is left untouched.
   */
  private observedSession(member: Member, config?: SessionConfig): Session {
    const session = member.driver.session(config);
    const note = (error: unknown) => this.noteFailure(member, error);
    const run = session.run.bind(session);
    session.run = ((...args: Parameters<Session['run']>) => {
      const result: Result = run(...args);
      const then = result.then.bind(result);
      // biome-ignore lint/suspicious/noThenProperty: wraps the driver's own thenable Result to note failures
      result.then = ((onFulfilled, onRejected) =>
        then(onFulfilled, (error: unknown) => {
          note(error);
          if (onRejected) return onRejected(error);
          throw error;
        })) as Result['then'];
      return result;
    }) as Session['run'];
    for (const method of ['executeRead', 'executeWrite'] as const) {
      const original = session[method].bind(session) as (...a: unknown[]) => Promise<unknown>;
      (session as unknown as Record<string, unknown>)[method] = (...args: unknown[]) =>
        original(...args).catch((error: unknown) => {
          note(error);
          throw error;
        });
    }
    return session;
  }
}

/** A pool whose instances have been probed once, so the first requests already avoid a down or rebuilding one. */
export async function createGoldPool(options: GoldPoolOptions): Promise<GoldPool> {
  const pool = new GoldPool(options);
  if (options.uris.length > 1) await pool.refresh();
  return pool;
}
