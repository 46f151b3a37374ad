import { GraphQLError } from 'graphql';
import { classifyDatabaseError, DatabaseDeadlineError, requireNumericId, requireRange, translateDatabaseError } from './errors';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

function thrownBy(action: () => unknown): GraphQLError {
  try {
    action();
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error('nothing was thrown');
}

describe('argument checks', () => {
  it('requireRange passes whole numbers in range and names the argument otherwise', () => {
    expect(requireRange('limit', 500, 1, 500)).toBe(500);
    for (const bad of [0, 501, 1.5, Number.NaN]) {
      expect(thrownBy(() => requireRange('limit', bad, 1, 500)).extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'limit' });
    }
  });

  it('requireNumericId takes digits only', () => {
    expect(requireNumericId('id', '42')).toBe(42);
    for (const bad of ['', '1 OR 1=1', '-1', '1e3', '1234567890123456']) {
      expect(thrownBy(() => requireNumericId('id', bad)).extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

// The codes and messages the real drivers raise (neo4j-driver 6, node-postgres 8), sorted into what a client can act on.
describe('classifyDatabaseError', () => {
  it.each([
    [
      'a Neo4j transaction stopped at its timeout',
      withCode('Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'),
      'too-slow',
    ],
    ['a PostgreSQL statement_timeout', withCode('57014', 'canceling statement due to statement timeout'), 'too-slow'],
    ['our own deadline on a silent server', new DatabaseDeadlineError('graph query x', 12000), 'not-answering'],
    [
      'a Neo4j pool that could not get a connection in time',
      withCode('N/A', 'Connection acquisition timed out in 10000 ms. Pool status: Active conn count = 0, Idle conn count = 0.'),
      'not-answering',
    ],
    [
      'a Neo4j connection that did not open in time',
      withCode('ServiceUnavailable', 'Failed to establish connection in 5000ms'),
      'not-answering',
    ],
    ['a pg pool that could not connect in time', new Error('timeout exceeded when trying to connect'), 'not-answering'],
    ['a pg query_timeout', new Error('Query read timeout'), 'not-answering'],
    ['Neo4j down', withCode('ServiceUnavailable', 'Could not perform discovery. No routing servers available.'), 'unreachable'],
    ['PostgreSQL down', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'), 'unreachable'],
    ['pg_terminate_backend', withCode('57P01', 'terminating connection due to administrator command'), 'unreachable'],
    ['PostgreSQL starting up', withCode('57P03', 'the database system is starting up'), 'unreachable'],
    ['a connection exception', withCode('08006'), 'unreachable'],
    ['a connection node-postgres lost', new Error('Connection terminated unexpectedly'), 'unreachable'],
    ['a syntax error in a statement', withCode('42601', 'syntax error at or near'), 'other'],
    ['a Neo4j authentication failure', withCode('Neo.ClientError.Security.Unauthorized', 'The client is unauthorized'), 'other'],
    ['anything else', new TypeError('x is not a function'), 'other'],
  ])('%s is %s', (_what, error, expected) => {
    expect(classifyDatabaseError(error)).toBe(expected);
  });
});

describe('translateDatabaseError', () => {
  it('tells a question too big from a database that is hung or down, both UNAVAILABLE', () => {
    const tooSlow = thrownBy(() => translateDatabaseError(withCode('57014'), 'query x'));
    expect(tooSlow.extensions).toEqual({ code: 'UNAVAILABLE', reason: 'QUERY_TIMEOUT' });
    expect(tooSlow.message).toMatch(/smaller depth or limit/);
    const hung = thrownBy(() => translateDatabaseError(new DatabaseDeadlineError('graph query x', 12000), 'graph query x'));
    expect(hung.extensions).toEqual({ code: 'UNAVAILABLE', reason: 'DATABASE_NOT_ANSWERING' });
    expect(hung.message).not.toMatch(/smaller/);
    expect(hung.message).toMatch(/not answering/);
    const down = thrownBy(() => translateDatabaseError(withCode('ECONNREFUSED'), 'query x'));
    expect(down.extensions).toEqual({ code: 'UNAVAILABLE', reason: 'DATABASE_UNREACHABLE' });
  });

  it('passes our own errors through and rethrows anything unexpected as it is (to be masked)', () => {
    const ours = new GraphQLError('bad', { extensions: { code: 'BAD_USER_INPUT' } });
    expect(thrownBy(() => translateDatabaseError(ours, 'q'))).toBe(ours);
    const bug = new TypeError('x is not a function');
    expect(thrownBy(() => translateDatabaseError(bug, 'q'))).toBe(bug);
  });
});
