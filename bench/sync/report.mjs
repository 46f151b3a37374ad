// The markdown table of bench/results/sync.json, as printed by bench/sync and kept in the README.

const n = (value) => Number(value).toLocaleString('en-US');
const mark = (ok) => (ok ? 'met' : '**missed**');

/** Markdown rows for the results object main.mjs writes. */
export function formatSyncTable(results) {
  const { dataset, full, fullRebuild, incremental, naive, targets } = results;
  const rows = [
    ['measurement', 'result', 'target'],
    ['---', '---', '---'],
    [
      `full projection into empty gold: ${n(full.transitions)} transitions, ${n(full.tracks)} tracks, ${n(dataset.credits)} credits`,
      `**${n(full.transitionsPerSecond)} transitions/s** (${full.seconds} s, ${full.batches} batches of ${n(results.settings.batchSize)}); peak RSS ${full.peakRssMb} MB`,
      `≥ ${n(targets.fullTransitionsPerSecond)}/s: ${mark(full.transitionsPerSecond >= targets.fullTransitionsPerSecond)}`,
    ],
    [
      '… of which the relationship phase (credits + edges, concurrent writers)',
      `${n(full.relationshipPhase.rowsPerSecond)} rows/s (${n(full.relationshipPhase.rows)} rows, ${full.relationshipPhase.seconds} s)`,
      '',
    ],
  ];
  if (fullRebuild) {
    rows.push([
      '`--full` over the previous graph (batched DETACH DELETE, then the projection)',
      `${fullRebuild.seconds} s (clearing ${fullRebuild.clearSeconds} s, projecting ${n(fullRebuild.projectionTransitionsPerSecond)} transitions/s)`,
      '',
    ]);
  }
  if (incremental) {
    rows.push([
      `incremental: setlist committed → its NOTIFY graph_changed, ${incremental.setlists} setlists, \`--watch\` (debounce ${incremental.debounceMs} ms)`,
      `p50 **${incremental.p50Ms} ms**, p95 **${incremental.p95Ms} ms**, max ${incremental.maxMs} ms`,
      `p95 ≤ ${n(targets.incrementalP95Ms)} ms: ${mark(incremental.p95Ms <= targets.incrementalP95Ms)}`,
    ]);
  }
  if (naive) {
    rows.push([
      `naive baseline: one MERGE and one transaction per row, ${n(naive.transitions)}-transition subset (${n(naive.tracks)} tracks, ${n(naive.credits)} credits)`,
      `${n(naive.transitionsPerSecond)} transitions/s (${naive.seconds} s)`,
      '',
    ]);
    rows.push(['speed ratio, full projection ÷ naive', `**${results.speedRatio}×**`, '']);
  }
  if (results.writeCeiling) {
    const { relationships, probes } = results.writeCeiling;
    for (const p of probes) {
      const what = p.probe === 'withProperties' ? 'with the 4 edge properties' : 'without properties';
      rows.push([
        `write ceiling (no sync): ${n(relationships)} relationships ${what}, ends by element id, ${p.writers} writer${p.writers > 1 ? 's' : ''}`,
        `${n(p.relationshipsPerSecond)} relationships/s`,
        '',
      ]);
    }
  }
  rows.push(['gold equals silver afterwards (`npm run sync -- --check`)', results.checkEqual ? 'yes' : '**no**', 'yes']);
  return rows.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
