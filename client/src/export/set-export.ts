/**
 * A built set as files a DJ can take away: M3U8, CSV and rekordbox XML. The graph knows tracks, not files, so no
 * file path is ever invented: the M3U8 entry's location is the track's page in the explorer (a URL, as extended
 * M3U allows), and the rekordbox collection leaves `Location` out — rekordbox imports such tracks as
 * metadata-only entries. Pure: strings in, strings out.
 */
import { csvDocument, xmlEscape } from './text-formats';

export interface SetTrack {
  id: string;
  title: string;
  version: string | null;
  artistCredit: string;
}

/** One position of a set, with what the graph knows of the transition into it from the previous position. */
export interface SetStep {
  track: SetTrack;
  /** performances in which the previous track was followed by this one; null for the first step or unknown */
  weight: number | null;
  /** distinct DJs who played that transition; null for the first step or unknown */
  djs: number | null;
}

/** "Title (Version)" — the version kept, as the API gives it (null is the original). */
export function titleWithVersion(track: SetTrack): string {
  return track.version ? `${track.title} (${track.version})` : track.title;
}

/** The explorer's page for a track, e.g. https://host/?track=42. */
export function trackPageUrl(origin: string, trackId: string): string {
  return `${origin.replace(/\/+$/, '')}/?track=${encodeURIComponent(trackId)}`;
}

/** Extended M3U, UTF-8: `#EXTINF:-1,Artist - Title (Version)` then the track's explorer URL (length unknown: -1). */
export function setToM3u8(name: string, steps: readonly SetStep[], origin: string): string {
  const lines = ['#EXTM3U', `#PLAYLIST:${oneLine(name)}`];
  for (const { track } of steps) {
    lines.push(`#EXTINF:-1,${oneLine(track.artistCredit)} - ${oneLine(titleWithVersion(track))}`);
    lines.push(trackPageUrl(origin, track.id));
  }
  return `${lines.join('\n')}\n`;
}

export const SET_CSV_HEADER = [
  'position',
  'artist',
  'title',
  'version',
  'track_id',
  'setlists_from_previous',
  'djs_from_previous',
] as const;

/** RFC 4180 CSV, one row per position; the transition columns are empty for the first track and when unknown. */
export function setToCsv(steps: readonly SetStep[]): string {
  return csvDocument(
    SET_CSV_HEADER,
    steps.map((step, index) => [
      index + 1,
      step.track.artistCredit,
      step.track.title,
      step.track.version,
      step.track.id,
      step.weight,
      step.djs,
    ]),
  );
}

/**
 * rekordbox XML (DJ_PLAYLISTS 1.0.0): a COLLECTION with one TRACK per distinct track (TrackID 1..n, Name, Artist,
 * Mix for the version, the SongNodes id in Comments; no Location), and PLAYLISTS/ROOT holding one playlist NODE
 * (Type 1, KeyType 0 = keys are TrackIDs) with the set in order — a track played twice appears twice.
 */
export function setToRekordboxXml(name: string, steps: readonly SetStep[]): string {
  const trackIds = new Map<string, number>();
  const collection: string[] = [];
  for (const { track } of steps) {
    if (trackIds.has(track.id)) continue;
    const trackId = trackIds.size + 1;
    trackIds.set(track.id, trackId);
    const mix = track.version ? ` Mix="${xmlEscape(oneLine(track.version))}"` : '';
    collection.push(
      `    <TRACK TrackID="${trackId}" Name="${xmlEscape(oneLine(titleWithVersion(track)))}" Artist="${xmlEscape(oneLine(track.artistCredit))}"${mix} Comments="SongNodes track ${xmlEscape(track.id)}"/>`,
    );
  }
  const playlist = steps.map(({ track }) => `        <TRACK Key="${trackIds.get(track.id)}"/>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<DJ_PLAYLISTS Version="1.0.0">',
    '  <PRODUCT Name="SongNodes" Version="1.0" Company="SongNodes"/>',
    `  <COLLECTION Entries="${collection.length}">`,
    ...collection,
    '  </COLLECTION>',
    '  <PLAYLISTS>',
    '    <NODE Type="0" Name="ROOT" Count="1">',
    `      <NODE Name="${xmlEscape(oneLine(name))}" Type="1" KeyType="0" Entries="${steps.length}">`,
    ...playlist,
    '      </NODE>',
    '    </NODE>',
    '  </PLAYLISTS>',
    '</DJ_PLAYLISTS>',
    '',
  ].join('\n');
}

/** A line break inside an M3U field would start a new entry. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
