import neo4j, { type Driver } from 'neo4j-driver';
import { DatabaseDeadlineError, translateDatabaseError } from '../errors';
import { withDeadline } from './deadline';
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

/** Attempts of a read before its error is reported: reads are idempotent, so a transient failure is retried. */
const READ_ATTEMPTS = 3;

/**
 * Client-side margin over a read's timeout. Neo4j stops a statement at `timeoutMs` itself (then the question was too
 * big); a Neo4j that accepted the connection and went silent is given up on here `SILENT_SERVER_MARGIN_MS` later (then
 * the database is hung), so a request never waits on the graph forever.
 */
const SILENT_SERVER_MARGIN_MS = 2_000;

/**
 * Runs a read statement from cypher/<name>.cypher with parameters (never string-built) and returns plain records.
 * The one choke point where driver errors are translated.
 *
 * An auto-commit transaction rather than `executeQuery`: one statement needs no explicit BEGIN/COMMIT, and those
 * cost a Bolt message and a socket write each way (3 writes per query against 1). That was the largest single cost
 * of a depth-1 neighbourhood, in Node and in Neo4j alike (bench/api). The managed retry it gives up is kept here,
 * bounded by the same deadline as the whole read.
 */
export async function readCypher<T = Record<string, unknown>>(
  driver: Driver,
  name: string,
  params: Record<string, unknown>,
  timeoutMs = CYPHER_TIMEOUT_MS,
): Promise<T[]> {
  const what = `graph query ${name}`;
  const deadlineAt = Date.now() + timeoutMs + SILENT_SERVER_MARGIN_MS;
  for (let attempt = 1; ; attempt++) {
    const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
    let answered = false;
    try {
      const result = await withDeadline(
        session.run(cypherQuery(name), asNeo4jParams(params), { timeout: timeoutMs }),
        deadlineAt - Date.now(),
        what,
      );
      answered = true;
      return result.records.map((record) => record.toObject() as T);
    } catch (error) {
      answered = !(error instanceof DatabaseDeadlineError);
      if (answered && attempt < READ_ATTEMPTS && neo4j.isRetryableError(error) && Date.now() < deadlineAt) continue;
      return translateDatabaseError(error, what);
    } finally {
      // A session whose call lost to the deadline is closed without waiting: a silent server never answers it.
      if (answered) await session.close();
      else session.close().catch(() => undefined);
    }
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
