import neo4j, { type Driver } from 'neo4j-driver';

/** Options for the Neo4j driver. */
export interface Neo4jOptions {
  uri: string;
  user: string;
  password: string;
  /** @default 50 */
  maxConnectionPoolSize?: number;
}

/**
 * A driver that returns plain JS numbers: every integer we store (ids, weights, counts) is far below 2^53,
 * so lossless Integer objects would only leak into every mapping function.
 */
export function createNeo4jDriver(options: Neo4jOptions): Driver {
  return neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: options.maxConnectionPoolSize ?? 50,
    connectionAcquisitionTimeout: 10_000,
    userAgent: 'songnodes-server',
  });
}
