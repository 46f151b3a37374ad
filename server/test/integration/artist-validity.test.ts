import { artistValidityCases, isValidArtistCredit } from '@songnodes/contracts';
import { connectTestDatabases, type TestDatabases } from '../support/databases';

// One table of cases, asserted against every implementation of the rule (ARCHITECTURE §3).
describe('artist validity: SQL silver.is_valid_artist_credit agrees with the shared case table', () => {
  let db: TestDatabases;
  beforeAll(() => {
    db = connectTestDatabases();
  });
  afterAll(() => db.close());

  it('has at least 40 cases', () => {
    expect(artistValidityCases.cases.length).toBeGreaterThanOrEqual(40);
  });

  it('gives the expected verdict for every case, as the TypeScript twin does', async () => {
    const credits = artistValidityCases.cases.map((c) => c.credit);
    const { rows } = await db.pg.query<{ credit: string; valid: boolean }>(
      'SELECT credit, silver.is_valid_artist_credit(credit) AS valid FROM unnest($1::text[]) AS credit',
      [credits],
    );
    const sqlVerdicts = Object.fromEntries(rows.map((r) => [r.credit, r.valid]));
    const mismatches = artistValidityCases.cases.filter(
      (c) => sqlVerdicts[c.credit] !== c.valid || isValidArtistCredit(c.credit) !== c.valid,
    );
    expect(mismatches).toEqual([]);
  });

  it('treats NULL as invalid', async () => {
    const { rows } = await db.pg.query('SELECT silver.is_valid_artist_credit(NULL) AS valid');
    expect(rows[0].valid).toBe(false);
  });
});
