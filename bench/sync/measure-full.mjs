// Full projection, measured on the real CLI (`node server/dist/sync/main.js --full`): transitions/s over the whole
// run, transitions/s of its relationship phase, and the process's peak RSS (it logs process.resourceUsage()).
import { loadavg } from 'node:os';
import { clearGoldGraph, runSyncCli } from './gold-admin.mjs';

const round = (value) => Math.round(value * 100) / 100;

function summarize(lines, seconds) {
  const summary = lines.find((l) => l.msg === 'sync finished');
  const batches = lines.filter((l) => l.msg === 'batch committed');
  const cleared = lines.find((l) => l.msg === 'gold cleared for a full rebuild');
  // The relationship phase (credits and edges) starts once the last batch holding nodes has committed.
  const phaseStart = batches.filter((l) => l.phase !== 'relationships').at(-1)?.time ?? lines[0].time;
  const relationshipSeconds = (summary.time - phaseStart) / 1000;
  const relationshipRows = batches.filter((l) => l.phase === 'relationships').reduce((n, l) => n + l.rows, 0);
  const clearSeconds = cleared ? (cleared.time - lines[0].time) / 1000 : 0;
  const syncSeconds = summary.ms / 1000;
  return {
    transitions: summary.edgesUpserted,
    tracks: summary.tracksUpserted,
    batches: summary.batches,
    seconds: round(syncSeconds),
    processSeconds: round(seconds),
    clearSeconds: round(clearSeconds),
    transitionsPerSecond: Math.round(summary.edgesUpserted / syncSeconds),
    projectionTransitionsPerSecond: Math.round(summary.edgesUpserted / (syncSeconds - clearSeconds)),
    relationshipPhase: {
      rows: relationshipRows,
      seconds: round(relationshipSeconds),
      rowsPerSecond: Math.round(relationshipRows / relationshipSeconds),
    },
    peakRssMb: summary.maxRssMb,
  };
}

/** `--full` into an empty gold graph (cleared first, untimed): the projection itself. */
export async function measureFullIntoEmpty({ driver, env }) {
  await clearGoldGraph(driver);
  const loadBefore = loadavg()[0];
  const { lines, seconds } = await runSyncCli(['--full', '--skip-communities'], env);
  return { ...summarize(lines, seconds), loadAverage: [round(loadBefore), round(loadavg()[0])] };
}

/** `--full` over the graph the previous run left: clearing it (batched DETACH DELETE) plus the projection. */
export async function measureFullRebuild({ env }) {
  const loadBefore = loadavg()[0];
  const { lines, seconds } = await runSyncCli(['--full', '--skip-communities'], env);
  return { ...summarize(lines, seconds), loadAverage: [round(loadBefore), round(loadavg()[0])] };
}
