/**
 * Cue times at the start of a tracklist row: `[12]`, `[045]`, `[1:02:33]`, `[?]`, `[1?]`, `[4?:??]`, `(0:45)`,
 * and a bare `1:02:33`. Other bare forms are never cues: "808 State", "2000 and One" and "4 Hero" start with a
 * number, and "20:20 Vision - Lifeforce" (a real MixesDB row) with an m:ss look-alike.
 */

/** Cue content: digits and `?`, one to three colon-separated groups; at most 3 characters per group. */
const CUE_BODY = String.raw`[0-9?]{1,3}(?::[0-9?]{1,3}){0,2}`;
const BRACKETED_CUE = new RegExp(String.raw`^\s*(?:\[\s*(${CUE_BODY})\s*\]|\(\s*(${CUE_BODY})\s*\))\s*`);
const BARE_CUE = /^\s*([0-9]{1,2}:[0-9]{2}:[0-9]{2})(?:\s+|$)/;

export interface LeadingCue {
  /** the cue as written, without brackets; null when the text has none */
  cue: string | null;
  /** exact cue in seconds, or null (no cue, or a cue with `?`) */
  cueSeconds: number | null;
  /** the text after the cue */
  rest: string;
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

/** Takes a cue off the start of `text` (see the module comment for the accepted forms). */
export function takeLeadingCue(text: string): LeadingCue {
  const bracketed = BRACKETED_CUE.exec(text);
  const cueText = bracketed ? (bracketed[1] ?? bracketed[2]) : undefined;
  if (bracketed && cueText !== undefined) {
    return { cue: cueText, cueSeconds: cueToSeconds(cueText), rest: text.slice(bracketed[0].length) };
  }
  const bare = BARE_CUE.exec(text);
  if (bare?.[1] !== undefined) {
    return { cue: bare[1], cueSeconds: cueToSeconds(bare[1]), rest: text.slice(bare[0].length) };
  }
  return { cue: null, cueSeconds: null, rest: text };
}
