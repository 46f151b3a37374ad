/** What an import did, counted as it goes; printed at the end and stored in ops.crawl_runs.summary. */

export interface Refusal {
  file: string;
  key: string | null;
  line: number | null;
  reason: string;
}

/** Refusal reasons are grouped by their words without numbers ("line 12: …" and "line 40: …" are one reason). */
function reasonGroup(reason: string): string {
  return reason
    .replace(/\d+/g, 'N')
    .replace(/\(.*\)$/, '')
    .trim();
}

export function newSummary() {
  const refusals: Refusal[] = [];
  const summary = {
    files: { seen: 0, imported: 0, skipped: 0, refused: 0 },
    /** skipped: done by an earlier run; known: stored from another file, not parsed again */
    entries: { skipped: 0, known: 0, refused: 0 },
    setlists: { written: 0, unchanged: 0, notRefined: {} as Record<string, number> },
    rows: 0,
    seconds: 0,
    refusals,
    refuse(refusal: Refusal, what: 'file' | 'entry') {
      refusals.push(refusal);
      if (what === 'file') summary.files.refused += 1;
      else summary.entries.refused += 1;
    },
    count(outcome: { kind: 'written'; rows: number } | { kind: 'unchanged' } | { kind: 'not-refined'; reason: string }) {
      if (outcome.kind === 'written') {
        summary.setlists.written += 1;
        summary.rows += outcome.rows;
      } else if (outcome.kind === 'unchanged') summary.setlists.unchanged += 1;
      else {
        const group = reasonGroup(outcome.reason);
        summary.setlists.notRefined[group] = (summary.setlists.notRefined[group] ?? 0) + 1;
      }
    },
    toJSON() {
      const refusedByReason: Record<string, number> = {};
      for (const r of refusals) refusedByReason[reasonGroup(r.reason)] = (refusedByReason[reasonGroup(r.reason)] ?? 0) + 1;
      return {
        files: summary.files,
        entries: summary.entries,
        setlists: summary.setlists,
        rows: summary.rows,
        seconds: summary.seconds,
        refusedByReason,
      };
    },
  };
  return summary;
}

export type ImportSummary = ReturnType<typeof newSummary>;

const n = (value: number) => value.toLocaleString('en-US');

/** The summary as lines for a person: counts first, then each refusal with where it is (the first `limit`). */
export function formatSummary(summary: ImportSummary, limit = 20): string[] {
  const { files, entries, setlists } = summary;
  const notRefined = Object.entries(setlists.notRefined);
  const lines = [
    `import: ${n(files.seen)} file(s): ${n(files.imported)} imported, ${n(files.skipped)} already imported, ${n(files.refused)} refused; ${summary.seconds.toFixed(1)} s`,
    `setlists: ${n(setlists.written)} written, ${n(setlists.unchanged)} unchanged, ${n(notRefined.reduce((s, [, c]) => s + c, 0))} not refined, ${n(entries.refused)} refused; ${n(summary.rows)} rows into silver`,
    `entries: ${n(entries.skipped)} skipped (imported before), ${n(entries.known)} known from another file`,
    ...notRefined.map(([reason, count]) => `  not refined: ${n(count)} × ${reason}`),
  ];
  for (const r of summary.refusals.slice(0, limit)) {
    lines.push(`  refused: ${r.file}${r.line !== null ? `:${r.line}` : ''}${r.key && r.key !== 'file' ? ` (${r.key})` : ''}: ${r.reason}`);
  }
  if (summary.refusals.length > limit) lines.push(`  … and ${n(summary.refusals.length - limit)} more refusal(s)`);
  return lines;
}
