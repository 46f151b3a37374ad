import neo4j, { type Driver } from 'neo4j-driver';
import { translateDatabaseError } from '../errors';
import { cypherQuery } from './statements';

/** Every API read in Neo4j times out: no request waits on the graph forever. */
export const CYPHER_TIMEOUT_MS = 10_000;

/**
 * JS numbers travel to Neo4j as floats, which LIMIT/SKIP refuse and which never equal an integer id; whole numbers
 * (and lists of them) go as Neo4j integers instead.
 */
function asNeo4jParams(params: Record<string, unknown>): Record<string, unknown> {
  const convert = (value: unknown): unknown =>
    typeof value === 'number' && Number.isInteger(value) ? neo4j.int(value) : Array.isArray(value) ? value.map(convert) : value;
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, convert(value)]));
}

/**
 * Runs a read statement from cypher/<name>.cypher with parameters (never string-built) and returns plain records.
 * The one choke point where driver errors are translated.
 */
export async function readCypher<T = Record<string, unknown>>(
  driver: Driver,
  name: string,
  params: Record<string, unknown>,
  timeoutMs = CYPHER_TIMEOUT_MS,
): Promise<T[]> {
  try {
    const result = await driver.executeQuery(cypherQuery(name), asNeo4jParams(params), {
      routing: neo4j.routing.READ,
      database: 'neo4j',
      transactionConfig: { timeout: timeoutMs },
    });
    return result.records.map((record) => record.toObject() as T);
  } catch (error) {
    return translateDatabaseError(error, `graph query ${name}`);
  }
}

/** Runs a write statement from cypher/<name>.cypher (analytics that store derived properties). */
export async function writeCypher<T = Record<string, unknown>>(
  driver: Driver,
  name: string,
  params: Record<string, unknown>,
  timeoutMs = 60_000,
): Promise<T[]> {
  try {
    const result = await driver.executeQuery(cypherQuery(name), asNeo4jParams(params), {
      routing: neo4j.routing.WRITE,
      database: 'neo4j',
      transactionConfig: { timeout: timeoutMs },
    });
    return result.records.map((record) => record.toObject() as T);
  } catch (error) {
    return translateDatabaseError(error, `graph statement ${name}`);
  }
}
