import neo4j, { type Driver } from 'neo4j-driver';

/** Options for the Neo4j driver. */
export interface Neo4jOptions {
  uri: string;
  user: string;
  password: string;
  /** @default 50 */
  maxConnectionPoolSize?: number;
}

/** A new connection must be open (TCP + Bolt handshake started) within this. */
export const NEO4J_CONNECTION_TIMEOUT_MS = 5_000;
/** A call waits at most this for a pooled connection; the driver wants it >= the connection timeout. */
export const NEO4J_ACQUISITION_TIMEOUT_MS = 10_000;

/**
 * A driver that returns plain JS numbers: every integer we store (ids, weights, counts) is far below 2^53,
 * so lossless Integer objects would only leak into every mapping function.
 *
 * The driver is no event emitter: a lost or refused connection surfaces as the failed call's error (translated in
 * db/run-cypher.ts), the broken connection is dropped from its pool and the next call opens a new one. The
 * timeouts are short so that a Neo4j that is down or hung is reported in seconds instead of the default 30 s + 60 s.
 */
export function createNeo4jDriver(options: Neo4jOptions): Driver {
  return neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: options.maxConnectionPoolSize ?? 50,
    connectionTimeout: NEO4J_CONNECTION_TIMEOUT_MS,
    connectionAcquisitionTimeout: NEO4J_ACQUISITION_TIMEOUT_MS,
    userAgent: 'songnodes-server',
  });
}
