import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { createPool } from '../../src/db/pool';
import { copyColumns, copyText } from '../../src/db/copy';
import { createTestDatabase } from '../support/test-database';

// What the bulk path writes with COPY comes back from PostgreSQL exactly as written, however odd the text.
describe('COPY text format against PostgreSQL', () => {
  it('round-trips tabs, newlines, backslashes, quotes, braces, NULLs and arrays', async () => {
    const database = await createTestDatabase();
    const pool = createPool(database.url);
    const client = await pool.connect();
    try {
      await client.query('CREATE TEMP TABLE t (id int, raw text, names text[], flag boolean, n int)');
      const records = [
        { id: 1, raw: 'AC\\DC\t- Back In Black\n(live)\r', names: ['a, b', '{x}', 'say "hi"', 'NULL', 'back\\slash'], flag: true, n: 0 },
        { id: 2, raw: '\\N', names: [], flag: false, n: -3 },
        { id: 3, raw: null, names: ['Rødhåd', 'Âme'], flag: null, n: null },
      ];
      const statement = 'COPY t (id, raw, names, flag, n) FROM STDIN';
      await pipeline(Readable.from([copyText(copyColumns(statement), records)]), client.query(copyFrom(statement)));
      const { rows } = await client.query('SELECT id, raw, names, flag, n FROM t ORDER BY id');
      expect(rows).toEqual(records);
    } finally {
      client.release();
      await pool.end();
      await database.drop();
    }
  });
});
