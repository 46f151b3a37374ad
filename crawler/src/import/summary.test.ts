import { formatSummary, newSummary } from './summary';

it('counts setlists by outcome and groups refusals by reason', () => {
  const s = newSummary();
  s.files.seen = 2;
  s.count({ kind: 'written', rows: 30 });
  s.count({ kind: 'written', rows: 12 });
  s.count({ kind: 'unchanged' });
  s.count({ kind: 'not-refined', reason: 'empty: tracklist section has no rows' });
  s.refuse({ file: 'a.csv', key: 'm1', line: 12, reason: 'line 12: position "x" is not a positive whole number' }, 'entry');
  s.refuse({ file: 'a.csv', key: 'm2', line: 40, reason: 'line 40: position "y" is not a positive whole number' }, 'entry');
  expect(s.toJSON()).toMatchObject({
    setlists: { written: 2, unchanged: 1, notRefined: { 'empty: tracklist section has no rows': 1 } },
    rows: 42,
    entries: { refused: 2 },
    refusedByReason: { 'line N: position "x" is not a positive whole number': 1, 'line N: position "y" is not a positive whole number': 1 },
  });
  const lines = formatSummary(s, 1);
  expect(lines[1]).toBe('setlists: 2 written, 1 unchanged, 1 not refined, 2 refused; 42 rows into silver');
  expect(lines).toContain('  refused: a.csv:12 (m1): line 12: position "x" is not a positive whole number');
  expect(lines[lines.length - 1]).toBe('  … and 1 more refusal(s)');
});
