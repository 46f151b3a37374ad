/**
 * MixesDB page titles: `DATE - DJS @ EVENT, VENUE, LOCATION` for a gig and `DATE - DJS - SHOW` for radio shows,
 * podcasts and compilations, e.g. "2017-10-22 - Ben Klock @ Awakenings x Klockworks Pres. Photon, Gashouder, ADE",
 * "2017-12-08 - DVS1 - fabric 96", "2010-05 - Marcel Dettmann - Train Wreck Mix, RBMA Radio".
 */
import { joinTopLevelUnits, splitTopLevel, splitTopLevelUnits } from './brackets';
import { collapseWhitespace } from './text';

export interface MixesdbTitle {
  /** ISO date (YYYY-MM-DD) when the title starts with a full, valid date */
  date: string | null;
  /** the date as written: "2017-10-22", "2010-05", "1994", "200X"; null when the title has none */
  dateText: string | null;
  /** DJs in credit order, never empty (the whole credit when it cannot be split) */
  djs: string[];
  event: string | null;
  venue: string | null;
  location: string | null;
}

/** "2017-10-22", "2010-05", "1994", "200X" followed by " - ". */
const DATE_PREFIX = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?|\d{3}X|\d{2}XX)\s+-\s+/i;
/** Between DJs in the DJ part: "b2b", "B2B", " & ", ", ", " vs ", " x " ("Ben Klock X Etapp Kyle"). */
const DJ_SEPARATOR = /\s*,\s*|\s+(?:b2b|&|vs\.?|x)\s+/gi;

function isoDateOrNull(dateText: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateText);
  if (!match) return null;
  const date = new Date(`${dateText}T00:00:00Z`);
  // Date accepts "2019-02-30" and rolls it over; a real date survives the round trip.
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === dateText ? dateText : null;
}

/** Text before the trailing bracket groups: drops "(Live PA)", "(London)" from a DJ name or "(note)" from a place. */
function withoutTrailingGroups(text: string): string {
  const trimmed = text.trim();
  const units = splitTopLevelUnits(trimmed);
  let end = units.length;
  while (end > 1 && units[end - 1]?.kind === 'group') end -= 1;
  return joinTopLevelUnits(units.slice(0, end), trimmed);
}

/**
 * Splits a DJ credit on every separator: in a title, "&" joins DJs ("Rhadoo & Raresh") far more often than it
 * sits inside one act's name; "(Live PA)"-style annotations are dropped. Linear in the credit.
 */
export function splitDjCredit(djPart: string): string[] {
  return splitTopLevel(collapseWhitespace(djPart), DJ_SEPARATOR)
    .map(withoutTrailingGroups)
    .filter((dj) => dj !== '');
}

/** `splitDjCredit`, never empty: an empty DJ part gives ["Unknown"]. */
function splitDjs(djPart: string): string[] {
  const djs = splitDjCredit(djPart);
  return djs.length > 0 ? djs : [djPart.trim() || 'Unknown'];
}

/** "Be, Space, Ibiza (CLR Podcast 025, 2009-08-17)": the broadcast note in brackets is not a place. */
function splitPlace(place: string): Pick<MixesdbTitle, 'event' | 'venue' | 'location'> {
  const withoutNote = withoutTrailingGroups(place) || place;
  const parts = splitTopLevel(withoutNote, /\s*,\s*/g);
  const [first = null] = parts;
  if (parts.length < 2) return { event: first, venue: null, location: null };
  return {
    event: first,
    venue: parts.length > 2 ? parts.slice(1, -1).join(', ') : null,
    location: parts.at(-1) ?? null,
  };
}

/**
 * Parses a MixesDB page title. Never throws. After "@", comma-separated parts map by position: the first is
 * the event (or club), the last the location, anything between the venue ("@ Be, Space, Ibiza"); MixesDB does
 * not mark which is which, so "@ Time Warp 25, Mannheim, Germany" gives venue "Mannheim". Without "@", the
 * text after the DJs is the event ("Residency, BBC Radio 1") and venue/location stay null.
 */
export function parseMixesdbTitle(pageTitle: string): MixesdbTitle {
  const title = collapseWhitespace(String(pageTitle ?? '').replace(/_/g, ' '));
  const dateMatch = DATE_PREFIX.exec(title);
  const dateText = dateMatch?.[1] ?? null;
  const rest = dateMatch ? title.slice(dateMatch[0].length) : title;
  const date = dateText && isoDateOrNull(dateText);
  const at = /(?:^|\s)@\s/.exec(rest);
  if (at) {
    return { date, dateText, djs: splitDjs(rest.slice(0, at.index)), ...splitPlace(rest.slice(at.index + at[0].length).trim()) };
  }
  const dash = rest.indexOf(' - ');
  const djPart = dash >= 0 ? rest.slice(0, dash) : rest;
  const event = dash >= 0 ? rest.slice(dash + 3).trim() || null : null;
  return { date, dateText, djs: splitDjs(djPart), event, venue: null, location: null };
}
