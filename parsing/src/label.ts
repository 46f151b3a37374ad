/**
 * Label text: MixesDB writes `Title [Label - Cat]` (also `[Label]`, en-dash separators); older pages write
 * `Title (Label - Cat)`; pasted lists write the label bare after the version or after a last " - ". Where it sits is
 * decided in title-side.ts; this module only reads the text of one label.
 */
import { findTopLevel } from './brackets';

/** The separator inside a label bracket: a hyphen or any Unicode dash, with a space on each side. */
const LABEL_SEPARATOR = /(?<!\s)\s+[-\u2010-\u2015\u2212]\s+/;
/** "[4:42]" at the end of a row is a running time, not a label. */
const DURATION = /^\d{1,2}:\d{2}(?::\d{2})?$/;
/** A label written without brackets ends like one: "Orientation Records", "Warm Up Recordings", "Navigare Audio". */
const LABEL_WORD = /\s(?:records|recordings|recs|rec\.?|audio|digital|label|productions|tonträger|schallplatten|ltd\.?)$/i;

export interface LabelText {
  label: string | null;
  catalog: string | null;
}

/** "Klockworks - KW 20" -> label "Klockworks", catalogue "KW 20"; without a dash the whole text is the label. */
export function splitLabelText(inner: string): LabelText {
  const separator = findTopLevel(inner, LABEL_SEPARATOR);
  if (!separator) return { label: inner.trim() || null, catalog: null };
  return {
    label: inner.slice(0, separator.index).trim() || null,
    catalog: inner.slice(separator.end).trim() || null,
  };
}

/** "4:42", "1:02:33": a running time written where the label goes. */
export function isRunningTime(text: string): boolean {
  return DURATION.test(text.trim());
}

/** True when unbracketed text ends with a word labels are named with ("… Records", "… Recordings", "… Audio"). */
export function readsAsLabel(text: string): boolean {
  return LABEL_WORD.test(` ${text.trim()}`) && /\s/.test(text.trim());
}
