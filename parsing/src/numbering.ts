/**
 * List numbers in front of a row, as pasted tracklists write them: `05. `, `01.Lifeblood`, `1) `, `#1 `,
 * `1 - Gonzalo Sacc - You & Me`. A number that is part of the artist must stay: "808 State", "4 Hero", "2 Bad Mice",
 * "2000 and One", "10AM", "11.59". The rule that tells them apart (docs/parsing.md, "List numbers"):
 * - a number followed by "." or ")" and then a non-digit is a list number: "05. X", "01.X", "3) X"
 *   (a digit after the dot makes it a decimal, "11.59", part of the name);
 * - "#" and a number is a list number: "#1 X", "#12. X";
 * - a number, a dash, and then a row that has its own " - " is a list number: "1 - Gonzalo Sacc - You & Me";
 * - a bare number and a space ("808 State", "1 Aykut Bilir") is never read from one line: only a whole tracklist
 *   can say it counts 1, 2, 3… (`readListNumber` with `bare: true`, used by the free-text reader).
 * Anchored patterns of bounded length: constant work per row.
 */

export interface ListNumber {
  /** the number as written ("05"), or null when the row has none */
  number: number | null;
  /** the row without it */
  rest: string;
}

const DOTTED = /^\s*([0-9]{1,3})\s*[.)](?![0-9])\s*/;
const HASHED = /^\s*#\s?([0-9]{1,3})\b[.):]?\s*/;
const DASHED = /^\s*([0-9]{1,3})\s+[-\u2010-\u2015\u2212]\s+(?=\S)/;
const BARE = /^\s*([0-9]{1,3})\s+(?=\S)/;
/** The artist/title dash that must still follow a "1 - " list number. */
const SPACED_DASH = /\s[-\u2010-\u2015\u2212]\s/;

/**
 * Reads a list number off the start of a row. `bare: true` also takes a bare "12 " (only when the caller knows the
 * rows are numbered in sequence).
 */
export function readListNumber(text: string, options: { bare?: boolean } = {}): ListNumber {
  for (const pattern of [DOTTED, HASHED]) {
    const match = pattern.exec(text);
    if (match?.[1] !== undefined && match[0].length < text.length) {
      return { number: Number(match[1]), rest: text.slice(match[0].length) };
    }
  }
  const dashed = DASHED.exec(text);
  if (dashed?.[1] !== undefined && (options.bare || SPACED_DASH.test(text.slice(dashed[0].length)))) {
    return { number: Number(dashed[1]), rest: text.slice(dashed[0].length) };
  }
  if (options.bare) {
    const bare = BARE.exec(text);
    if (bare?.[1] !== undefined) return { number: Number(bare[1]), rest: text.slice(bare[0].length) };
  }
  return { number: null, rest: text };
}
