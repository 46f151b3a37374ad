export { isValidArtistCredit, normalizeCreditForValidity, PLACEHOLDER_CREDITS } from './artist-validity';
export { default as artistValidityCases } from './artist-validity-cases.json';
export { readConfig, envSchemas, ConfigError } from './env-config';
export type { ConfigField, ConfigFields, ConfigOf } from './env-config';
export {
  NOTIFY_CHANNELS,
  MAX_NOTIFY_PAYLOAD_BYTES,
  crawlProgressEventSchema,
  encodeNotifyPayload,
  decodeNotifyPayload,
  listenStatement,
  NotifyPayloadError,
} from './notify';
export type { NotifyChannel, NotifyPayload, CrawlProgressEvent } from './notify';
export { CHROMIUM_ARGS, chromiumLaunchOptions, DEFAULT_CHROMIUM_PATH } from './chromium';
export { checkTargetTrack, targetTrackKey, MAX_TARGET_FIELD_LENGTH } from './target-track';
export type { TargetTrackCheck } from './target-track';
export { LOCAL_STACK, localDatabaseUrl, localNeo4jUri } from './local-stack';
