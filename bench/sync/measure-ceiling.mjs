// How fast can this Neo4j create relationships at all? The write path's ceiling, without the sync: parameters are
// built before the clock starts, ends are found by element id, nothing else runs. Relationships of a probe type
// (:SYNC_CEILING_PROBE, no index on it) between the first N graph transitions' tracks, removed afterwards. If this
// ceiling is below the full projection's target, no client-side work can reach the target on this machine.
import neo4j from 'neo4j-driver';

const PROBE = {
  // weight, djs, firstSeen, lastSeen: what a gold TRANSITION carries
  withProperties:
    'UNWIND range(0, size($fromNode) - 1) AS i MATCH (a:Track) WHERE elementId(a) = $fromNode[i] MATCH (b:Track) WHERE elementId(b) = $toNode[i] ' +
    'CREATE (a)-[:SYNC_CEILING_PROBE {weight: $weight[i], djs: $djs[i], firstSeen: $firstSeen[i], lastSeen: $lastSeen[i]}]->(b)',
  withoutProperties:
    'UNWIND range(0, size($fromNode) - 1) AS i MATCH (a:Track) WHERE elementId(a) = $fromNode[i] MATCH (b:Track) WHERE elementId(b) = $toNode[i] ' +
    'CREATE (a)-[:SYNC_CEILING_PROBE]->(b)',
};

async function removeProbes(driver) {
  for (;;) {
    const { records } = await driver.executeQuery('MATCH ()-[r:SYNC_CEILING_PROBE]->() WITH r LIMIT 50000 DELETE r RETURN count(*) AS n');
    if (records[0].get('n') === 0) return;
  }
}

async function probe(driver, statement, batches, writers) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      const session = driver.session();
      try {
        while (next < batches.length) {
          const batch = batches[next++];
          await session.executeWrite((tx) => tx.run(statement, batch));
        }
      } finally {
        await session.close();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await removeProbes(driver);
  return seconds;
}

/** Relationships/s for each probe and writer count, on the graph the full projection left in `driver`'s Neo4j. */
export async function measureWriteCeiling({ pg, driver, edges = 300_000, batchSize = 10_000, writerCounts = [1, 2], log }) {
  const { records } = await driver.executeQuery('MATCH (t:Track) RETURN t.id AS id, elementId(t) AS node');
  const nodes = new Map(records.map((r) => [r.get('id'), r.get('node')]));
  const { rows } = await pg.query({
    text: `SELECT from_track_id, to_track_id, weight, djs, first_seen::text, last_seen::text
           FROM silver.graph_transitions ORDER BY from_track_id, to_track_id LIMIT $1`,
    values: [edges],
    rowMode: 'array',
  });
  const batches = [];
  for (let start = 0; start < rows.length; start += batchSize) {
    const part = rows.slice(start, start + batchSize);
    batches.push({
      fromNode: part.map((r) => nodes.get(Number(r[0]))),
      toNode: part.map((r) => nodes.get(Number(r[1]))),
      weight: part.map((r) => neo4j.int(r[2])),
      djs: part.map((r) => neo4j.int(r[3])),
      firstSeen: part.map((r) => r[4]),
      lastSeen: part.map((r) => r[5]),
    });
  }
  if (batches.some((b) => b.fromNode.includes(undefined) || b.toNode.includes(undefined))) {
    throw new Error('the ceiling probe needs the full projection in Neo4j first');
  }
  await removeProbes(driver);
  const results = { relationships: rows.length, batchSize, probes: [] };
  for (const [name, statement] of Object.entries(PROBE)) {
    for (const writers of writerCounts) {
      const seconds = await probe(driver, statement, batches, writers);
      const measured = {
        probe: name,
        writers,
        seconds: Math.round(seconds * 100) / 100,
        relationshipsPerSecond: Math.round(rows.length / seconds),
      };
      log?.info(measured, 'write ceiling probe');
      results.probes.push(measured);
    }
  }
  return results;
}
