import { isValidArtistCredit } from './artist-validity';
import table from './artist-validity-cases.json';

describe('isValidArtistCredit', () => {
  it('has a case table of at least 40 credits, valid and invalid', () => {
    expect(table.cases.length).toBeGreaterThanOrEqual(40);
    expect(table.cases.some((c) => c.valid)).toBe(true);
    expect(table.cases.some((c) => !c.valid)).toBe(true);
  });

  it.each(table.cases.map((c) => [c.credit, c.valid] as const))('%j is valid: %s', (credit, valid) => {
    expect(isValidArtistCredit(credit)).toBe(valid);
  });

  it('treats a missing credit as invalid', () => {
    expect(isValidArtistCredit(null)).toBe(false);
    expect(isValidArtistCredit(undefined)).toBe(false);
  });
});
