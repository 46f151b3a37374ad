import { DatabaseError } from 'pg';
import {
  LocalFailureError,
  NonRetryableError,
  RetryableError,
  ShutdownError,
  SourceStoppedError,
  isDatabaseError,
  isSourceError,
  localFailureKind,
} from './errors';

// Only the source's own answers may count against it (issue 11: every Crawlee error became "source stopped").
describe('failure origins', () => {
  const pgError = (code: string) =>
    Object.assign(new DatabaseError('relation "x" does not exist', 100, 'error'), { code, severity: 'ERROR' });
  const connectionError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:54329`), { code, syscall: 'connect' });

  it.each<[string, unknown]>([
    ['a 5xx after retries', new RetryableError('HTTP 503 from https://www.mixesdb.com/w/x (gave up after 5 attempts)')],
    ['a timeout', new RetryableError('The operation was aborted due to timeout while fetching https://www.mixesdb.com/w/x')],
    ['a 404 or a robots.txt disallow', new NonRetryableError('robots.txt of https://www.mixesdb.com disallows https://www.mixesdb.com/x')],
    ['an anti-bot page', new SourceStoppedError('1001tracklists', 'blocked by an anti-bot page at https://www.1001tracklists.com/x')],
  ])('%s is the source’s', (_what, error) => {
    expect(isSourceError(error)).toBe(true);
    expect(localFailureKind(error)).toBeNull();
  });

  it.each<[string, unknown, string]>([
    ['Crawlee state', new LocalFailureError('crawl-state', 'Could not find file at /x/SDK_SESSION_POOL_STATE.json'), 'crawl-state'],
    ['a SQL error', pgError('42P01'), 'database'],
    ['a terminated backend', pgError('57P01'), 'database'],
    ['a lost connection', new Error('Connection terminated unexpectedly'), 'database'],
    ['a refused connection', connectionError('ECONNREFUSED'), 'database'],
    ['a pool that waited too long', new Error('timeout exceeded when trying to connect'), 'database'],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'sessions')"), 'internal'],
    ['a thrown string', 'oops', 'internal'],
  ])('%s is ours (%s)', (_what, error, kind) => {
    expect(isSourceError(error)).toBe(false);
    expect(localFailureKind(error)).toBe(kind);
  });

  it('a shutdown is neither', () => {
    expect(localFailureKind(new ShutdownError())).toBeNull();
    expect(isSourceError(new ShutdownError())).toBe(false);
  });

  it('tells a PostgreSQL error from an HTTP status message', () => {
    expect(isDatabaseError(new Error('HTTP 503 from https://www.mixesdb.com/w/x'))).toBe(false);
    expect(isDatabaseError(Object.assign(new Error('x'), { code: 'ERR_INVALID_URL' }))).toBe(false);
  });

  it('says a local failure is not the source’s in its message', () => {
    expect(new LocalFailureError('database', 'Connection terminated').message).toBe(
      "local failure (database), not the source's: Connection terminated",
    );
  });
});
