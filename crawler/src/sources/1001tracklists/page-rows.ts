/**
 * Finds the track rows of a 1001tracklists page and reads what each one declares, in every layout seen
 * (fixtures/SOURCE.md): 2018 (`tr.tlpItem` table rows), 2021-2023 (`div.tlpItem`, `data-trno`) and the
 * 2024 row fragments (label markup inside the publisher microdata).
 *
 * A row is an element the page marks as a track position: class `tlpItem` (every layout) or a `data-trno`
 * attribute (every `div` layout). Only when a page has neither (an unseen layout) are its schema.org
 * `itemprop="tracks"` recordings taken as rows, with the `.trackValue` spans of rows that carry no microdata
 * (bare "ID - ID" rows have none in any layout). Suggestion rows (`sugTog`), the player widget, the save footer and
 * text rows ("This tracklist contains identical tracklist(s)") are none of these, so they are never rows.
 */
import { attr, collapse, findFirst, findOutermost, hasClass, shownText, tidyBrackets, type DomNode } from './dom-text';
import { readRowLabels } from './row-labels';

/** How a row stands in the set. */
export type RowKind =
  /** a track position of its own */
  | 'position'
  /** part of the mashup position before it (`tlpSubTog`, `data-mashpos`): played over it */
  | 'mashup-part'
  /** "w/": played together with the previous track (class `con`, track number "w/") */
  | 'played-with';

/** What one row declares, before its text is read as a track. */
export interface RowFields {
  kind: RowKind;
  /** "Artist - Title (Version)" as the row reads, microdata first, with a shown status such as "(ID Remix)" */
  text: string;
  /** what the row shows when it says more than its microdata (null when they agree or one is missing) */
  shownDiffers: string | null;
  /** the row's own labels as shown (badges), parent companies left out */
  labels: string[];
  /** cue as shown ("2:24", "1:02:33", "1?"); null when the row shows none */
  cue: string | null;
  /** `data-isided`: true/false where the page uses the flag at all, else null */
  ided: boolean | null;
  /** "(Live Edit)" and the like: how the DJ played it, not which release */
  editNote: string | null;
  /** struck-out rows the community marked as wrong */
  deleted: boolean;
  /** the artists the row links one by one (newest layout); empty when the credit is one link or none */
  artistNames: string[];
}

const PLAYED_WITH_TITLE = /played together with previous track/i;
const isTracksMicrodata = (node: DomNode): boolean => attr(node, 'itemprop') === 'tracks';
const isTrackValue = (node: DomNode): boolean => hasClass(node, 'trackValue');
/** Markup inside a row's track text that is not part of it: label badges, hidden link icons, edit notes. */
const notTrackText = (node: DomNode): boolean =>
  hasClass(node, 'trackLabel') || hasClass(node, 'tgHid') || hasClass(node, 'trackStatus') || hasClass(node, 'trackEditData');

/** The rows of a document (or fragment) in page order. */
export function findRowElements(root: DomNode): DomNode[] {
  const marked = findOutermost(root, (node) => hasClass(node, 'tlpItem') || attr(node, 'data-trno') !== undefined);
  if (marked.length > 0) return marked;
  return findOutermost(root, (node) => isTracksMicrodata(node) || isTrackValue(node));
}

function directMeta(container: DomNode | null, property: string): string | null {
  const meta = container?.children?.find((child) => child.name === 'meta' && attr(child, 'itemprop') === property);
  const content = collapse((meta ? attr(meta, 'content') : undefined) ?? '');
  return content === '' ? null : content;
}

function rowKind(row: DomNode): RowKind {
  if (hasClass(row, 'tlpSubTog') || attr(row, 'data-mashpos') === 'true') return 'mashup-part';
  const number = findFirst(row, (node) => (attr(node, 'id') ?? '').endsWith('_tracknumber_value'));
  const playedWith =
    hasClass(row, 'con') || shownText(number) === 'w/' || PLAYED_WITH_TITLE.test(number ? (attr(number, 'title') ?? '') : '');
  return playedWith ? 'played-with' : 'position';
}

/** Meta name first (clean, no label); a shown status the microdata leaves out ("(ID Remix)") is added to it. */
function readText(row: DomNode, microdata: DomNode | null): Pick<RowFields, 'text' | 'shownDiffers'> {
  const value = findFirst(row, isTrackValue);
  const shown = tidyBrackets(shownText(value ?? microdata, notTrackText));
  const status = tidyBrackets(shownText(findFirst(row, (node) => hasClass(node, 'trackStatus'))));
  const named = directMeta(microdata, 'name');
  const base = named ?? shown;
  const text = status !== '' && !base.includes(status) ? `${base} ${status}` : base;
  const differs = named !== null && shown !== '' && shown !== named ? shown : null;
  return { text, shownDiffers: differs };
}

function readCue(row: DomNode): string | null {
  const cue = findFirst(row, (node) => hasClass(node, 'cue') || hasClass(node, 'cueValueField'));
  const text = shownText(cue);
  return text === '' ? null : text;
}

/** Artist names the row links one by one: the text around each "open artist page" link (not remixer links). */
function readArtistNames(row: DomNode): string[] {
  const value = findFirst(row, isTrackValue);
  if (value === null) return [];
  const holders = findOutermost(value, (node) => {
    const links = node.children?.some((child) => attr(child, 'title') === 'open artist page') ?? false;
    return links && attr(node, 'title') !== 'open artist page';
  });
  return holders.map((holder) => shownText(holder, notTrackText)).filter((name) => name !== '');
}

/** Reads one row element. `pageUsesIdedFlag`: the page marks IDed rows, so a position without the mark is not. */
export function readRowFields(row: DomNode, pageUsesIdedFlag: boolean): RowFields {
  const microdata = isTracksMicrodata(row) ? row : findFirst(row, isTracksMicrodata);
  const kind = rowKind(row);
  const idedFlag = attr(row, 'data-isided');
  const editNote = shownText(findFirst(row, (node) => hasClass(node, 'trackEditData'))).replace(/^\((.*)\)$/, '$1');
  return {
    kind,
    ...readText(row, microdata),
    labels: readRowLabels(row, microdata),
    cue: readCue(row),
    ided: pageUsesIdedFlag && kind !== 'mashup-part' ? idedFlag === 'true' : null,
    editNote: editNote === '' ? null : editNote,
    deleted: hasClass(row, 'deleted'),
    artistNames: readArtistNames(row),
  };
}
