/** The sources the crawler knows (ops.is_known_source). */
export const SOURCE_NAMES = ['mixesdb', '1001tracklists', 'setlistfm'] as const;
export type SourceName = (typeof SOURCE_NAMES)[number];

export function isSourceName(value: string): value is SourceName {
  return (SOURCE_NAMES as readonly string[]).includes(value);
}
