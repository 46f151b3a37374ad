import { createHash } from 'node:crypto';
import { isValidArtistCredit } from '@songnodes/contracts';
import { artistKey, trackKey } from '@songnodes/parsing';
import type { ParsedSetlist, ParsedTrackLine } from '@songnodes/parsing';

/** A track as silver stores it, with the artists credited on it. */
export interface RefinedTrack {
  key: string;
  title: string;
  version: string | null;
  artistCredit: string;
  label: string | null;
  credits: { name: string; key: string; role: 'primary' | 'featured' | 'remixer'; position: number }[];
}

/** One setlist row for silver: an identified track, or null for a row that breaks the chain. */
export interface RefinedRow {
  partIndex: number;
  partName: string | null;
  position: number;
  cue: string | null;
  raw: string;
  /** played over the previous row: it shares that row's slot (README "Data rules") */
  layered: boolean;
  track: RefinedTrack | null;
}

/** A parsed setlist in silver's terms, with a hash of everything silver stores about it. */
export interface RefinedSetlist {
  rows: RefinedRow[];
  djs: { name: string; key: string }[];
  contentSha256: string;
  identifiedCount: number;
}

function refineTrack(line: ParsedTrackLine): RefinedTrack | null {
  if (line.unidentified || !line.artistValid || line.artist === null || line.title === null) return null;
  const key = trackKey({ artist: line.artist, title: line.title, version: line.version });
  if (key === null) return null;
  const named = (names: string[], role: RefinedTrack['credits'][number]['role']) =>
    names.map((name, position) => ({ name, key: artistKey(name), role, position })).filter((c) => c.key !== '');
  return {
    key,
    title: line.title,
    version: line.version,
    artistCredit: line.artist,
    label: line.label,
    credits: [
      ...named(line.primaryArtists.length > 0 ? line.primaryArtists : [line.artist], 'primary'),
      ...named(line.featured, 'featured'),
      ...named(line.remixers, 'remixer'),
    ],
  };
}

/**
 * Turns a parsed setlist into silver rows: identified rows get their track identity, every other row keeps its
 * place as a chain-breaker. Positions restart at 1 in each part, as the parsers give them.
 */
export function refineSetlistContent(parsed: ParsedSetlist): RefinedSetlist {
  const rows = parsed.parts.flatMap((part) =>
    part.rows.map((line, i) => ({
      partIndex: part.index,
      partName: part.name,
      position: i + 1,
      cue: line.cue,
      raw: line.raw,
      layered: line.layered,
      track: refineTrack(line),
    })),
  );
  // A DJ credited as "Unknown" is nobody: it must not count towards a transition's distinct DJs.
  const djs = parsed.djs
    .filter((name) => isValidArtistCredit(name))
    .map((name) => ({ name, key: artistKey(name) }))
    .filter((dj, i, all) => dj.key !== '' && all.findIndex((other) => other.key === dj.key) === i);
  const hashed = {
    title: parsed.title,
    djs: djs.map((dj) => dj.key),
    event: parsed.event,
    venue: parsed.venue,
    location: parsed.location,
    date: parsed.date,
    // A layered row adds its flag; rows without one hash as they did before rows could be layered.
    rows: rows.map((r) => [r.partIndex, r.partName, r.position, r.cue, r.track?.key ?? null, ...(r.layered ? ['layered'] : [])]),
  };
  return {
    rows,
    djs,
    contentSha256: createHash('sha256').update(JSON.stringify(hashed)).digest('hex'),
    identifiedCount: rows.filter((r) => r.track !== null).length,
  };
}
