// The README tables of bench/next-track.
const pct = (x) => `${(100 * x).toFixed(1)} %`;
const signed = (x) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}`;

export function formatNextTrackTables(r) {
  const c = r.coverage;
  const lines = [
    `Corpus: ${r.setlists.all} real setlists (${r.setlists.train} train, ${r.setlists.test} test; ${r.split.kind === 'date' ? `test = on or after ${r.split.cutoff}` : `seeded random split, seed ${r.split.seed}, ${pct(r.split.testShare)} test`}). ` +
      `Training graph: ${r.graph.tracks.toLocaleString('en-US')} tracks, ${r.graph.transitions.toLocaleString('en-US')} transitions, heaviest weight ${r.graph.heaviest}.`,
    `Test pairs A → B: ${c.testPairs.toLocaleString('en-US')}; the graph knows A for ${pct(c.fromKnown)}, B for ${pct(c.toKnown)}, both for ${pct(c.bothKnown)}. Scored: the ${r.scores['nextTracks (API)'].pairs.toLocaleString('en-US')} pairs whose A it knows (a B it does not know is a miss for every method).`,
    '',
    `| ranking (top ${r.k}) | hit@1 | hit@5 | hit@10 | MRR |`,
    '| --- | --- | --- | --- | --- |',
  ];
  for (const [name, s] of Object.entries(r.scores)) {
    if (name.startsWith('ablation:')) continue;
    lines.push(`| ${name} | ${pct(s['hit@1'])} | ${pct(s['hit@5'])} | ${pct(s['hit@10'])} | ${s.mrr.toFixed(4)} |`);
  }
  const v = r.nextTracksVsRawCount;
  const e = r.nextTracksVsExplorer;
  lines.push(
    '',
    `nextTracks − raw count: hit@10 ${signed(v['hit@10'].difference)} points (95 % CI ${signed(v['hit@10'].low)} … ${signed(v['hit@10'].high)}), MRR ${signed(v.mrr.difference / 100)}e-2… see JSON`.replace(
      /MRR .*$/,
      `MRR ${v.mrr.difference >= 0 ? '+' : ''}${v.mrr.difference.toFixed(4)} (95 % CI ${v.mrr.low.toFixed(4)} … ${v.mrr.high.toFixed(4)})`,
    ),
    `nextTracks − explorer: hit@10 ${signed(e['hit@10'].difference)} points (95 % CI ${signed(e['hit@10'].low)} … ${signed(e['hit@10'].high)}), MRR ${e.mrr.difference >= 0 ? '+' : ''}${e.mrr.difference.toFixed(4)} (95 % CI ${e.mrr.low.toFixed(4)} … ${e.mrr.high.toFixed(4)})`,
    '',
    '| ablation step (cumulative) | hit@1 | hit@5 | hit@10 | MRR |',
    '| --- | --- | --- | --- | --- |',
  );
  for (const [name, s] of Object.entries(r.scores)) {
    if (!name.startsWith('ablation:')) continue;
    lines.push(
      `| ${name.replace('ablation: ', '')} | ${pct(s['hit@1'])} | ${pct(s['hit@5'])} | ${pct(s['hit@10'])} | ${s.mrr.toFixed(4)} |`,
    );
  }
  lines.push(
    '',
    `Checks: the API's nextTracks equals the last ablation step for every A: ${r.checks.apiEqualsFullAblation}; the explorer's ranking equals the weight-only step: ${r.checks.explorerEqualsWeightOnly}.`,
  );
  return lines.join('\n');
}
