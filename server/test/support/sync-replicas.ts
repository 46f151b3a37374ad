import { localNeo4jUri } from '@songnodes/contracts';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, Socket, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { Pool } from 'pg';
import { createNeo4jDriver } from '../../src/db/neo4j';
import { checkGold } from '../../src/sync';
import { repoRoot } from './run-script';

/**
 * The second gold instance of the test stack: NEO4J_URI_2, else the test stack's second Neo4j
 * (`SONGNODES_STACK=test2 SONGNODES_NEO4J_PORT=7690 bash scripts/stack.sh up`). Must differ from NEO4J_URI: the
 * replica tests are about two independent projections.
 */
export function secondGoldUri(): string {
  const uri = process.env.NEO4J_URI_2 || localNeo4jUri('test2');
  if (uri === process.env.NEO4J_URI) throw new Error('NEO4J_URI_2 must name another Neo4j than NEO4J_URI');
  return uri;
}

/** A driver for the second gold instance, with cypher/schema applied (what `npm run migrate` does for the first). */
export async function connectSecondGold(): Promise<Driver> {
  const driver = createNeo4jDriver({
    uri: secondGoldUri(),
    user: process.env.NEO4J_USER || 'neo4j',
    password: process.env.NEO4J_PASSWORD || 'songnodes-dev',
  });
  const dir = join(repoRoot, 'cypher', 'schema');
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort()) {
    const text = readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .filter((line) => !line.trim().startsWith('//'))
      .join('\n');
    for (const statement of text
      .split(/;\s*(?:\n|$)/)
      .map((s) => s.trim())
      .filter(Boolean))
      await driver.executeQuery(statement);
  }
  await driver.executeQuery('CALL db.awaitIndexes(300)');
  return driver;
}

/** The checker against one gold instance: the fields that differ from silver, as readable strings. */
export async function differencesOf(pg: Pool, neo4j: Driver): Promise<string[]> {
  const check = await checkGold({ pg, neo4j });
  return check.differences.map((key) => `${key}: silver ${check.silver[key]} gold ${check.gold[key]}`);
}

/** Instance `name`'s row of ops.sync_state, or null. */
export async function readInstance(pg: Pool, name: string) {
  const { rows } = await pg.query(
    `SELECT watermark_xid::text AS watermark, rebuild_floor::text AS floor, last_result AS "lastResult"
     FROM ops.sync_state WHERE name = $1`,
    [name],
  );
  return (rows[0] as { watermark: string | null; floor: string | null; lastResult: Record<string, unknown> | null } | undefined) ?? null;
}

/**
 * A TCP relay in front of a Neo4j: `stop()` drops every connection and refuses new ones (the instance is gone, as
 * when its pod dies), `start()` brings it back on the same port. The real server is never touched.
 */
export interface GoldRelay {
  uri: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startGoldRelay(targetUri: string): Promise<GoldRelay> {
  const target = new URL(targetUri);
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer((client) => {
        const upstream = new Socket();
        sockets.add(client).add(upstream);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
        upstream.connect(Number(target.port), target.hostname, () => {
          client.pipe(upstream);
          upstream.pipe(client);
        });
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as AddressInfo).port;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      if (!server) return resolve();
      server.close(() => resolve());
      server = null;
    });
  await listen();
  return { uri: `bolt://127.0.0.1:${port}`, stop, start: listen, close: stop };
}
