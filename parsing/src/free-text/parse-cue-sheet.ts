/**
 * CUE sheets (`.cue`, as mix splitters write them from a 1001tracklists page) -> a setlist-like record.
 * `TRACK nn AUDIO` starts a row; its `PERFORMER` is the artist credit and its `TITLE` the title side
 * ("Left To Right (VIP)"), read with the same rules as every other row; `INDEX 01 mm:ss:ff` is the cue
 * (minutes:seconds:frames, 75 frames a second; the frames are dropped). `PERFORMER`/`TITLE` before the first TRACK
 * are the set's DJ(s) and title; without them the `FILE` name or `REM COMMENT` stands in ("Mat Zo @ ABGT 500, …
 * 2022-10-15.opus"). Several `FILE`s (CD1, CD2) make one part each. Pure, never throws, linear in the text.
 */
import { readArtistAndTitle } from '../track-line';
import type { ParsedPart, ParsedTrackLine } from '../types';
import { splitDjCredit } from '../setlist-title';
import { dateInText, isoDateOf, readDjsAndPlace, type TextSetlist } from './text-setlist';

const COMMAND = /^\s*([A-Za-z]+)\s*(.*)$/;
const INDEX = /^0*1\s+(\d{1,4}):(\d{2}):(\d{2})\s*$/;
const AUDIO_EXTENSION = /\.(?:opus|mp3|flac|wav|aiff?|m4a|aac|ogg|wma|ape)$/i;

/** `"Mat Zo ft. GQ"` -> `Mat Zo ft. GQ`; an unquoted value is its first word (`FILE x.wav WAVE`) or the whole rest. */
function quotedValue(rest: string, firstWordOnly = false): string {
  const text = rest.trim();
  if (text.startsWith('"')) {
    const end = text.lastIndexOf('"');
    return (end > 0 ? text.slice(1, end) : text.slice(1)).replace(/\\"/g, '"').trim();
  }
  return firstWordOnly ? (text.split(/\s+/)[0] ?? '') : text;
}

interface OpenTrack {
  number: string;
  performer: string | null;
  title: string | null;
  cue: { text: string; seconds: number } | null;
}

function toRow(track: OpenTrack): ParsedTrackLine {
  const warnings: string[] = [];
  if (track.performer === null) warnings.push(`track ${track.number} has no PERFORMER: no artist`);
  if (track.title === null) warnings.push(`track ${track.number} has no TITLE`);
  const raw = [track.performer, track.title].filter((part) => part !== null).join(' - ');
  const fields = readArtistAndTitle(track.performer, track.title ?? '', {}, warnings);
  return { raw, cue: track.cue?.text ?? null, cueSeconds: track.cue?.seconds ?? null, layered: false, ...fields };
}

/** Parses a CUE sheet. A sheet without any TRACK gives no parts and a warning; nothing is invented. */
export function parseCueSheet(text: string): TextSetlist {
  const warnings: string[] = [];
  const source = typeof text === 'string' ? text : '';
  const sheet: { performer: string | null; title: string | null; date: string | null; comment: string | null } = {
    performer: null,
    title: null,
    date: null,
    comment: null,
  };
  const files: Array<{ name: string; rows: ParsedTrackLine[] }> = [];
  let track: OpenTrack | null = null;
  const closeTrack = () => {
    if (!track) return;
    if (files.length === 0) files.push({ name: '', rows: [] });
    files.at(-1)?.rows.push(toRow(track));
    track = null;
  };
  for (const line of source.split(/\r\n|\r|\n/)) {
    const match = COMMAND.exec(line.length > 2000 ? line.slice(0, 2000) : line);
    if (!match) continue;
    const command = (match[1] ?? '').toUpperCase();
    const rest = match[2] ?? '';
    if (command === 'TRACK') {
      closeTrack();
      track = { number: rest.trim().split(/\s+/)[0] ?? '', performer: null, title: null, cue: null };
    } else if (command === 'FILE') {
      closeTrack();
      files.push({ name: quotedValue(rest), rows: [] });
    } else if (command === 'PERFORMER' || command === 'TITLE') {
      const value = quotedValue(rest) || null;
      const target = track ?? sheet;
      if (command === 'PERFORMER') target.performer = value;
      else target.title = value;
    } else if (command === 'INDEX' && track) {
      const index = INDEX.exec(rest);
      if (index) {
        const [minutes, seconds, frames] = [Number(index[1]), Number(index[2]), Number(index[3])];
        if (seconds < 60 && frames < 75) track.cue ??= { text: `${minutes}:${index[2]}`, seconds: minutes * 60 + seconds };
        else warnings.push(`track ${track.number}: INDEX ${rest.trim()} is not minutes:seconds:frames`);
      }
    } else if (command === 'REM') {
      const rem = /^(\w+)\s+(.*)$/.exec(rest.trim());
      const key = rem?.[1]?.toUpperCase();
      if (key === 'DATE') sheet.date = quotedValue(rem?.[2] ?? '');
      else if (key === 'COMMENT') sheet.comment = quotedValue(rem?.[2] ?? '');
    }
  }
  closeTrack();

  const fileStem = (files[0]?.name ?? '').replace(AUDIO_EXTENSION, '').trim() || null;
  const title = sheet.title ?? fileStem ?? (sheet.comment?.replace(AUDIO_EXTENSION, '').trim() || null);
  const place = title ? readDjsAndPlace(title) : { djs: [], event: null, venue: null, location: null };
  const djs = sheet.performer ? splitDjCredit(sheet.performer) : place.djs;
  const dateText = sheet.date ?? (title ? dateInText(title) : null);
  const withRows = files.filter((file) => file.rows.length > 0);
  const parts: ParsedPart[] = withRows.map((file, index) => ({
    index,
    name: withRows.length > 1 ? file.name.replace(AUDIO_EXTENSION, '').trim() || null : null,
    rows: file.rows,
  }));
  if (parts.length === 0) warnings.push('no TRACK in the CUE sheet');
  if (djs.length === 0) warnings.push('the CUE sheet names no DJ (no PERFORMER before the first TRACK, no "DJ @ …" title)');
  return {
    title,
    djs,
    dateText,
    date: isoDateOf(dateText),
    event: place.event,
    venue: place.venue,
    location: place.location,
    parts,
    warnings,
  };
}
