/**
 * The label suffix of a row: MixesDB writes `Title [Label - Cat]` (also `[Label]`, en-dash separators);
 * older pages write `Title (Label - Cat)`.
 */
import { findTopLevel, takeTrailingGroup, takeUnclosedTail } from './brackets';
import { isVersionText } from './version';

/** The separator inside a label bracket: a hyphen or any Unicode dash, with a space on each side. */
const LABEL_SEPARATOR = /\s+[-\u2010-\u2015\u2212]\s+/;
/** "[4:42]" at the end of a row is a running time, not a label. */
const DURATION = /^\d{1,2}:\d{2}(?::\d{2})?$/;

export interface TrailingLabel {
  /** the text before the label bracket */
  rest: string;
  label: string | null;
  catalog: string | null;
  warnings: string[];
}

function splitLabelText(inner: string): { label: string | null; catalog: string | null } {
  const separator = findTopLevel(inner, LABEL_SEPARATOR);
  if (!separator) return { label: inner.trim() || null, catalog: null };
  return {
    label: inner.slice(0, separator.index).trim() || null,
    catalog: inner.slice(separator.end).trim() || null,
  };
}

/** An opening `[` that is never closed: everything after it is the label, as far as the row goes. */
function takeUnclosedLabel(text: string): TrailingLabel | null {
  const tail = takeUnclosedTail(text);
  if (tail?.opener !== '[' || tail.before === '') return null;
  return { rest: tail.before, ...splitLabelText(tail.inner), warnings: ['label bracket not closed'] };
}

/**
 * Takes the label off the end of the title side of a row.
 * `"Sombre Tones [Klockworks - KW 20]"` -> `{ rest: "Sombre Tones", label: "Klockworks", catalog: "KW 20" }`.
 * A trailing `(Label - Cat)` counts only when it has the dash and does not read as a version.
 */
export function takeTrailingLabel(titleSide: string): TrailingLabel {
  const group = takeTrailingGroup(titleSide);
  if (group?.opener === '[' && group.before !== '') {
    if (DURATION.test(group.inner)) {
      return { rest: group.before, label: null, catalog: null, warnings: [`running time [${group.inner}] ignored`] };
    }
    return { rest: group.before, ...splitLabelText(group.inner), warnings: [] };
  }
  if (group?.opener === '(' && group.before !== '' && LABEL_SEPARATOR.test(group.inner) && !isVersionText(group.inner)) {
    return { rest: group.before, ...splitLabelText(group.inner), warnings: ['label written in parentheses'] };
  }
  return takeUnclosedLabel(titleSide) ?? { rest: titleSide, label: null, catalog: null, warnings: [] };
}
