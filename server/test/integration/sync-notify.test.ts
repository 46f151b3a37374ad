import { connectTestDatabases, uniquePrefix, type TestDatabases } from '../support/databases';
import { insertHandMadeSilver, replaceSetlistRows } from '../support/silver-fixtures';
import { goldDifferences, syncOnce } from '../support/sync-gold';
import { listenToGraphChanged, type GraphChangedListener } from '../support/sync-listen';
import { generateSyntheticSilver } from '../support/sync-process';

// NOTIFY graph_changed after each committed batch: ids only, every payload under PostgreSQL's 8000-byte limit.
describe('sync: NOTIFY graph_changed', () => {
  let db: TestDatabases;
  let listener: GraphChangedListener;
  beforeAll(async () => {
    db = connectTestDatabases();
    await syncOnce(db);
    listener = await listenToGraphChanged(db.pg);
  });
  afterAll(async () => {
    await listener.close();
    await db.close();
  });

  const expectWellFormed = (payloads: string[]) => {
    for (const payload of payloads) {
      expect(Buffer.byteLength(payload)).toBeLessThan(8000);
      const parsed = JSON.parse(payload) as Record<string, unknown>;
      expect(Object.keys(parsed)).toEqual(['trackIds']);
      expect((parsed.trackIds as unknown[]).length).toBeGreaterThan(0);
      expect((parsed.trackIds as unknown[]).every((id) => Number.isInteger(id))).toBe(true);
    }
  };

  it('announces the tracks of a new setlist, and both ends of an edge a correction removed', async () => {
    const prefix = uniquePrefix();
    const ids = await insertHandMadeSilver(db.pg, prefix, { A: undefined, B: undefined, C: undefined, U: 'Unknown Artist' }, [
      { url: 'one', djs: ['DJ X'], parts: [['A', 'B', 'C', 'U']] },
    ]);
    listener.payloads.length = 0;
    await syncOnce(db);
    await listener.waitForTrackIds([ids.A!, ids.B!, ids.C!]);
    expect(listener.trackIds().has(ids.U!)).toBe(false);

    const { rows } = await db.pg.query('SELECT id FROM silver.setlists WHERE source_url = $1', [`${prefix}/one`]);
    await replaceSetlistRows(db.pg, Number(rows[0].id), ids, [['A', null, 'B', 'C']]);
    listener.payloads.length = 0;
    await syncOnce(db);
    // A -> B is gone: both of its ends changed.
    await listener.waitForTrackIds([ids.A!, ids.B!]);
    expectWellFormed(listener.payloads);
  });

  it('splits a large batch into several payloads, each under 8000 bytes, announcing every gold track', async () => {
    generateSyntheticSilver('small', `${uniquePrefix()}-synthetic`);
    listener.payloads.length = 0;
    const summary = await syncOnce(db, { full: true, batchSize: 5000 });
    const { rows } = await db.pg.query('SELECT id FROM silver.graph_tracks');
    await listener.waitForTrackIds(rows.map((r) => Number(r.id)));
    expect(summary.notifications).toBeGreaterThan(summary.batches);
    expectWellFormed(listener.payloads);
    expect(await goldDifferences(db)).toEqual([]);
  });
});
