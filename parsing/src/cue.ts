/**
 * Cue times on a tracklist row. At the start: `[12]`, `[045]`, `[1:02:33]`, `[?]`, `[1?]`, `[4?:??]`, `(0:45)`, a bare
 * `1:02:33`, and a bare time followed by a dash (`00:38:08 - Artist - Title`, `12:30 – Artist - Title`). At the end
 * (free text): `Artist - Title 00:00:40`, `Artist - Title (12:30)`, `Artist - Title [1:02:33]`, also followed by a
 * note (`00:38:08- DIALEKT TRACK OF THE WEEK`). Other bare forms are never cues: "808 State", "2000 and One" and
 * "4 Hero" start with a number, and "20:20 Vision - Lifeforce" (a real MixesDB row) with an m:ss look-alike.
 * Every pattern here is anchored and bounded, so each costs at most one pass over the text.
 */

/** Cue content: digits and `?`, one to three colon-separated groups; at most 3 characters per group. */
const CUE_BODY = '[0-9?]{1,3}(?::[0-9?]{1,3}){0,2}';
const BRACKETED_CUE = new RegExp(String.raw`^\s*(?:\[\s*(${CUE_BODY})\s*\]|\(\s*(${CUE_BODY})\s*\))\s*`);
const BARE_CUE = /^\s*([0-9]{1,2}:[0-9]{2}:[0-9]{2})(?:\s+|$)/;
/** "12:30 - Artist - Title": a bare m:ss is a cue only when a dash follows it. */
const BARE_CUE_WITH_DASH = /^\s*([0-9]{1,3}:[0-9]{2}(?::[0-9]{2})?)\s*[-\u2010-\u2015\u2212]\s+/;
/**
 * A time at the end: bare or in round brackets (any form), or in square brackets with hours (`[00:38:08]`), then
 * optionally "- note". `[4:42]` (m:ss in square brackets) is MixesDB's running time, not a cue: see label.ts.
 */
const TRAILING_CUE =
  /(?:^|\s)(?:\(\s*([0-9]{1,3}:[0-9]{2}(?::[0-9]{2})?)\s*\)|\[\s*([0-9]{1,2}:[0-9]{2}:[0-9]{2})\s*\]|([0-9]{1,3}:[0-9]{2}(?::[0-9]{2})?))(?:\s*[-\u2010-\u2015\u2212]\s*([^-\u2010-\u2015\u2212:()[\]]{0,80}))?$/;

export interface LeadingCue {
  /** the cue as written, without brackets; null when the text has none */
  cue: string | null;
  /** exact cue in seconds, or null (no cue, or a cue with `?`) */
  cueSeconds: number | null;
  /** the text after the cue */
  rest: string;
}

export interface TrailingCue extends LeadingCue {
  /** the note written after the time ("DIALEKT TRACK OF THE WEEK"), if any */
  note: string | null;
}

/**
 * Seconds for an exact cue. One group is minutes (MixesDB writes `146` for 2h26m); two groups are m:ss
 * (minutes may exceed 59: "61:00", "028:48"); three are h:mm:ss. Anything with `?`, or seconds/minutes
 * out of range, gives null.
 */
export function cueToSeconds(cue: string): number | null {
  if (!/^[0-9]+(?::[0-9]+){0,2}$/.test(cue)) return null;
  const groups = cue.split(':').map(Number);
  const [first = 0, second = 0, third = 0] = groups;
  if (groups.length === 1) return first * 60;
  if (groups.length === 2) return second < 60 ? first * 60 + second : null;
  return second < 60 && third < 60 ? first * 3600 + second * 60 + third : null;
}

function cueOf(cue: string, rest: string): LeadingCue {
  return { cue, cueSeconds: cueToSeconds(cue), rest };
}

/** Takes a cue off the start of `text` (see the module comment for the accepted forms). */
export function takeLeadingCue(text: string): LeadingCue {
  const bracketed = BRACKETED_CUE.exec(text);
  const cueText = bracketed ? (bracketed[1] ?? bracketed[2]) : undefined;
  if (bracketed && cueText !== undefined) return cueOf(cueText, text.slice(bracketed[0].length));
  const dashed = BARE_CUE_WITH_DASH.exec(text);
  if (dashed?.[1] !== undefined) return cueOf(dashed[1], text.slice(dashed[0].length));
  const bare = BARE_CUE.exec(text);
  if (bare?.[1] !== undefined) return cueOf(bare[1], text.slice(bare[0].length));
  return { cue: null, cueSeconds: null, rest: text };
}

/**
 * Takes a cue off the end of `text`: `"Dusky - Bindweed 00:00:40"` -> cue "00:00:40", rest "Dusky - Bindweed".
 * Only a row whose text before the time still has a dash (an "Artist - Title") gives a trailing cue, so a title
 * that merely ends in a time-like word keeps it.
 */
export function takeTrailingCue(text: string): TrailingCue {
  const match = TRAILING_CUE.exec(text);
  const cue = match ? (match[1] ?? match[2] ?? match[3]) : undefined;
  if (!match || cue === undefined) return { cue: null, cueSeconds: null, rest: text, note: null };
  const rest = text.slice(0, match.index).trim();
  if (!/\s[-\u2010-\u2015\u2212]\s|\S[-\u2010-\u2015\u2212]\S|\s\/\s/.test(rest)) {
    return { cue: null, cueSeconds: null, rest: text, note: null };
  }
  return { ...cueOf(cue, rest), note: match[4]?.trim() || null };
}
