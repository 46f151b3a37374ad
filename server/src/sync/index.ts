// The sync's export surface, for the CLI (main.ts), the benchmarks (bench/sync) and tests.
export { runSync, type SyncDeps, type SyncObserver, type SyncOptions, type SyncSummary } from './run-sync';
export { watchSilver, type WatchObserver, type WatchOptions } from './watch';
export { checkGold, type GoldCheck, type GoldFingerprint } from './check-gold';
export { splitTrackIdPayloads } from './notify';
export { clearGold } from './clear-gold';
export { runCommunityJob, type CommunityJobResult } from './communities';
export { forgetInstance, pruneSilver, SyncAbortedError, type PruneResult } from './watermark';
export { createSyncMetrics, readSyncLag, type SyncLag, type SyncMetrics } from './metrics';
export { checkNeo4j, checkPostgres, startHealthServer, type HealthServer } from './health-server';
