/**
 * 1001tracklists rows -> ParsedTrackLine records, in page order. The shared track-line parser reads the text; the
 * page's own fields complete it: cue, label, layered rows, and the artists the page links one by one.
 *
 * Rules, each with the real row that asked for it (fixtures/SOURCE.md):
 * - mashup parts (Curbi @ Tape 06, positions 02 and 11: a `subPosTog` row then `tlpSubTog … con` rows) are rows
 *   of their own, after their mashup row, flagged `layered` (played over it); so are "w/" rows (row_track_concurrent);
 * - every row counts against the page's declared total: Curbi declares 31 = 27 positions + 4 mashup parts;
 * - a shown "(ID Remix)" the microdata leaves out (Curbi 08, SWACQ 06) is part of the text, so it is kept as the
 *   version;
 * - a row without text (a position nobody filled) is an unidentified row with a warning, never dropped;
 * - `data-trno` is not a dense index of the rows shown (real pages kept as test fixtures by pmaxhogan/tracked, not
 *   copied here: Matroda @ Club Space 2023 skips 3, Max Styler @ EDC 2025 skips 14, and both show exactly the
 *   tracks they declare), so it is not used to guess missing rows;
 * - `data-isided` absent on a page that uses it: the row is flagged in a warning; whether it is unidentified is
 *   the track-line parser's call ("ID - ID", "Bicep - ID" are; "Midnight Sky (ID Remix)" is a known track in an
 *   unknown version, as on every other source).
 */
import { parseTrackLine } from '@songnodes/parsing';
import type { ParsedTrackLine } from '@songnodes/parsing';
import type { RowFields } from './page-rows';

/** Longer row texts are not track lines; they are kept (cut) as unidentified rows, never parsed. */
export const MAX_ROW_TEXT = 1000;
const EXACT_CUE = /^(?:(\d{1,2}):)?(\d{1,3}):(\d{2})$/;

/** What reading the rows gave besides the records. */
export interface RowRecords {
  rows: ParsedTrackLine[];
  /** struck-out rows left out; they still count against the declared total */
  deletedCount: number;
  /** page-level notes (deleted rows) */
  warnings: string[];
}

function cueSeconds(cue: string): number | null {
  const exact = EXACT_CUE.exec(cue);
  if (!exact) return null;
  const [, hours, minutes, seconds] = exact;
  if (Number(seconds) > 59) return null;
  return Number(hours ?? 0) * 3600 + Number(minutes) * 60 + Number(seconds);
}

function lineOf(text: string): ParsedTrackLine {
  if (text.length <= MAX_ROW_TEXT) return parseTrackLine(text);
  const record = parseTrackLine('');
  return {
    ...record,
    raw: `${text.slice(0, MAX_ROW_TEXT)}…`,
    warnings: [`row text is ${text.length} characters long: not a track line, left unidentified`],
  };
}

/** One row's record. `mashupRow`: the 1-based place of the mashup a mashup part belongs to, for its warning. */
export function buildRow(fields: RowFields, mashupRow: number | null = null): ParsedTrackLine {
  const line = lineOf(fields.text);
  const warnings = [...line.warnings];
  if (fields.text === '') warnings.push('row has no track text: left unidentified');
  if (fields.ided === false) warnings.push('1001tracklists marks this row as not IDed');
  if (fields.shownDiffers !== null) warnings.push(`the row shows "${fields.shownDiffers}"`);
  if (fields.kind === 'mashup-part') {
    warnings.push(mashupRow === null ? 'mashup part without a mashup row before it' : `part of the mashup at row ${mashupRow}`);
  }
  if (fields.kind === 'played-with') warnings.push('played together with the previous track ("w/")');
  // An edit note ("Live Edit") says how the DJ played the track, not which release it is: kept out of `version`.
  if (fields.editNote) warnings.push(`1001tracklists edit note: ${fields.editNote}`);
  const named = fields.artistNames.filter((name) => !line.featured.includes(name));
  return {
    ...line,
    cue: fields.cue ?? line.cue,
    cueSeconds: fields.cue !== null ? cueSeconds(fields.cue) : line.cueSeconds,
    label: fields.labels.length > 0 ? fields.labels.join(' / ') : line.label,
    primaryArtists: named.length > 1 && line.artistValid ? named : line.primaryArtists,
    unidentified: line.unidentified || fields.text === '',
    layered: line.layered || fields.kind !== 'position',
    warnings,
  };
}

/** All rows' records in page order. */
export function buildRows(fieldsInOrder: RowFields[]): RowRecords {
  const rows: ParsedTrackLine[] = [];
  const warnings: string[] = [];
  let deletedCount = 0;
  let mashupRow: number | null = null;
  for (const fields of fieldsInOrder) {
    if (fields.deleted) {
      deletedCount += 1;
      warnings.push(`row deleted on 1001tracklists left out: "${fields.text}"`);
      continue;
    }
    if (fields.kind !== 'mashup-part') mashupRow = rows.length + 1;
    rows.push(buildRow(fields, fields.kind === 'mashup-part' ? mashupRow : null));
  }
  return { rows, deletedCount, warnings };
}
