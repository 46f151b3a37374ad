import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { operationLabeller, readOperationNames } from './operation-names';

describe('operation names as metric labels', () => {
  it("reads the explorer's operation names from its documents", () => {
    const names = readOperationNames();
    expect(names.has('Neighbourhood')).toBe(true);
    expect(names.has('SearchTracks')).toBe(true);
    expect(names.has('TrackFields')).toBe(false); // a fragment, not an operation
  });

  it('reads every operation of every .graphql file of a folder, and nothing from a missing one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'operation-names-'));
    writeFileSync(join(dir, 'a.graphql'), 'query A { stats { tracks } }\nfragment F on Stats { tracks }\nmutation B { requestSync }');
    writeFileSync(join(dir, 'b.graphql'), 'subscription C { crawlProgress { event } }');
    writeFileSync(join(dir, 'notes.txt'), 'query D { x }');
    expect([...readOperationNames(dir)].sort()).toEqual(['A', 'B', 'C']);
    expect(readOperationNames(join(dir, 'missing')).size).toBe(0);
  });

  it('labels known names as themselves, unnamed operations as anonymous, and every other name as other', () => {
    const label = operationLabeller(new Set(['Neighbourhood']));
    expect(label('Neighbourhood')).toBe('Neighbourhood');
    expect(label(undefined)).toBe('anonymous');
    expect(label(null)).toBe('anonymous');
    expect(label('')).toBe('anonymous');
    const labels = new Set(Array.from({ length: 2000 }, (_, i) => label(`Attack${i}`)));
    expect([...labels]).toEqual(['other']);
  });
});
