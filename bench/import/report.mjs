// The README table of bench/import.
const n = (v) => (typeof v === 'number' ? v.toLocaleString('en-US') : String(v));

export function formatImportTable(r) {
  const lines = [
    `Corpus: ${r.corpus} — ${n(r.silver.setlists)} setlists, ${n(r.silver.rows)} rows, ${n(r.silver.transitions)} transitions in silver.`,
    '',
    '| measurement | result | target |',
    '| --- | --- | --- |',
    `| first import (real CLI, ${r.first.path ?? 'per-setlist path'}; process start to exit${r.first.runs > 1 ? `; median of ${r.first.runs} runs, each into a new database` : ''}) | ${r.first.seconds.toFixed(1)} s, **${n(r.first.rowsPerSecond)} rows/s** (${n(r.first.setlistsPerSecond)} setlists/s)${r.first.runs > 1 ? `; fastest ${n(r.first.fastestRowsPerSecond)}, slowest ${n(r.first.slowestRowsPerSecond)} rows/s` : ''}; peak RSS ${n(r.first.maxRssMb)} MB | ≥ ${n(r.targets.rowsPerSecond)} rows/s: ${r.first.rowsPerSecond >= r.targets.rowsPerSecond ? 'met' : '**missed**'} |`,
    ...(r.first.commandSeconds
      ? [
          `| the same import, the command's own time (its summary; without Node starting) | ${r.first.commandSeconds} s, ${n(r.first.commandRowsPerSecond)} rows/s |  |`,
        ]
      : []),
    ...(r.perSetlist
      ? [
          `| first import through the older per-setlist path (\`--per-setlist\`), same run | ${r.perSetlist.seconds.toFixed(1)} s, ${n(r.perSetlist.rowsPerSecond)} rows/s (command: ${r.perSetlist.commandSeconds} s); bulk is ${(r.perSetlist.seconds / r.first.seconds).toFixed(1)}× faster |  |`,
        ]
      : []),
    `| second import of the same file (process start to exit; the command itself: ${r.second.commandSeconds} s) | ${r.second.seconds.toFixed(2)} s: **${r.second.speedup}×** faster | ≥ ${r.targets.secondImportSpeedup}×: ${r.second.speedup >= r.targets.secondImportSpeedup ? 'met' : '**missed**'} |`,
    `| floor: plain COPY of the same ${n(r.copyFloor.rows)} rows into a scratch table (no index, no trigger) | ${r.copyFloor.seconds.toFixed(3)} s, ${n(r.copyFloor.rowsPerSecond)} rows/s |  |`,
  ];
  if (r.profile) {
    // The parts overlap (the parse runs while the database works; a batch's bronze is stored on a second connection
    // while the previous batch is refined), so each is shown as a share of their sum, beside the wall time.
    const parts = Object.entries(r.profile.shares).filter(([part]) => part !== 'other');
    const sum = parts.reduce((total, [, ms]) => total + ms, 0);
    lines.push(
      '',
      `Where the first import's time goes (in-process profile: ${n(r.profile.totalMs)} ms wall, ${n(sum)} ms in the parts, which overlap):`,
      '',
      '| part | ms | share of the parts |',
      '| --- | --- | --- |',
    );
    for (const [part, ms] of parts) lines.push(`| ${part} | ${n(ms)} | ${((100 * ms) / sum).toFixed(1)} % |`);
  }
  lines.push(
    '',
    `1-minute load average ${r.machine.loadAverage1mBefore} before, ${r.machine.loadAverage1mAfter} after (${r.machine.cpus} cores, shared).`,
  );
  return lines.join('\n');
}
