/** A setlist's identity in its source (docs/identity.md), or why a parse has none. */
export type SetlistIdentity = { sourceId: string; sourceUrl: string } | { problem: string };
