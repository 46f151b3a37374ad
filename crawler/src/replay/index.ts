/**
 * Replay server: serves stored MixesDB, 1001tracklists and setlist.fm pages at local base URLs so crawler tests
 * never touch the internet. See `startReplayServer` (tests) and `runReplayCli` (by hand).
 */
export { startReplayServer } from './server';
export { mixesdbSamplePages, loadMixesdbCsvMixes, pageTitleFromMixUrl } from './mixesdb-sample';
export { runReplayCli, ReplayCliUsageError, REPLAY_CLI_USAGE } from './cli';
export { loadReplayDir } from './load-replay-dir';
export {
  normalise1001Query,
  renderSearchResultsPage,
  SEARCH_PATH as TRACKLISTS1001_SEARCH_PATH,
} from './1001tracklists-origin';
export { normaliseMixesdbTitle } from './mixesdb-pages';
export { DEFAULT_ROBOTS_TXT } from './reply';
export { REPLAY_SOURCES } from './types';
export type {
  BodyFault,
  Fault,
  HangFault,
  RecordedRequest,
  ReplayServer,
  ReplayServerOptions,
  ReplaySource,
  StatusFault,
  TruncateFault,
} from './types';
