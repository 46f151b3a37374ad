// The sync's export surface, for the CLI (main.ts), the benchmarks (bench/sync) and tests.
export { runSync, type SyncDeps, type SyncOptions, type SyncSummary } from './run-sync';
export { watchSilver, type WatchOptions } from './watch';
export { checkGold, type GoldCheck, type GoldFingerprint } from './check-gold';
export { splitTrackIdPayloads } from './notify';
export { clearGold } from './clear-gold';
