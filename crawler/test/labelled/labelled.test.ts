/**
 * Accuracy on the labelled set (docs/parsing.md, "Labelled set"): per source family, per field and whole row.
 * Rows held out while the rules were written are reported on their own. Misses on the development rows are
 * printed; held-out misses only with LABELLED_SHOW_HELD_OUT=1 (so they are not looked at while rules change).
 */
import { compareRecord, describeMiss, formatTable, summarise, type RowResult } from './accuracy';
import { loadLabelledSet } from './labelled-set';
import { readActualRows } from './read-labelled-rows';

/** Whole-row accuracy every family must reach on all its labelled rows. */
const BAR = 0.98;

const records = loadLabelledSet();
const results: RowResult[] = records.flatMap((record) => compareRecord(record, readActualRows(record)));
const development = results.filter((result) => !result.record.heldOut && result.record.postFreeze === null);
const heldOut = results.filter((result) => result.record.heldOut && result.record.postFreeze === null);
/** Rows sampled and labelled only after the rules were frozen, by batch: the fairest estimate on unseen lines. */
const postFreeze = results.filter((result) => result.record.postFreeze !== null);
const batches = [...new Set(postFreeze.map((result) => result.record.postFreeze))].sort();

describe('the labelled set', () => {
  it('holds at least 400 real rows across the source families', () => {
    const families = new Set(results.map((result) => result.record.family));
    expect(results.length).toBeGreaterThanOrEqual(400);
    expect([...families]).toEqual(
      expect.arrayContaining(['mixesdb-wikitext', 'mixesdb-csv', 'free-text', 'cue', 'setlistfm', '1001tracklists']),
    );
  });

  it('keeps about a fifth of its rows held out', () => {
    const labelledFirst = results.length - postFreeze.length;
    expect(heldOut.length).toBeGreaterThan(0.1 * labelledFirst);
    expect(heldOut.length).toBeLessThan(0.3 * labelledFirst);
  });
});

describe('parser accuracy on the labelled set', () => {
  const report = [
    `Labelled set, all rows:\n${formatTable(summarise(results))}`,
    `Development rows:\n${formatTable(summarise(development))}`,
    `Held-out rows:\n${formatTable(summarise(heldOut))}`,
    ...batches.map((batch) => {
      const rows = postFreeze.filter((result) => result.record.postFreeze === batch);
      const misses = rows
        .filter((result) => result.wrongFields.length > 0)
        .map(describeMiss)
        .join('\n');
      return `Rows labelled after the rules were frozen (${batch}):\n${formatTable(summarise(rows))}\nMisses:\n${misses}`;
    }),
    `Development misses:\n${development
      .filter((result) => result.wrongFields.length > 0)
      .map(describeMiss)
      .join('\n')}`,
    process.env.LABELLED_SHOW_HELD_OUT === '1'
      ? `Held-out misses:\n${heldOut
          .filter((result) => result.wrongFields.length > 0)
          .map(describeMiss)
          .join('\n')}`
      : '',
  ];
  process.stdout.write(`${report.join('\n\n')}\n`);

  it.each(summarise(results).map((family) => [family.family, family] as const))('%s: whole-row accuracy at least 98%', (_name, family) => {
    expect(family.rightRows / family.rows).toBeGreaterThanOrEqual(BAR);
  });
});
