export { isValidArtistCredit, normalizeCreditForValidity, PLACEHOLDER_CREDITS } from './artist-validity';
export { default as artistValidityCases } from './artist-validity-cases.json';
export { readConfig, envSchemas, ConfigError } from './env-config';
export type { ConfigField, ConfigFields, ConfigOf } from './env-config';
