/**
 * The title side of a row ("Strobe (Dubfire Remix) [Ostgut Ton - O-TON 1]") taken apart into title, version,
 * featured artists, label and catalogue.
 */
import { findAllTopLevel, takeTrailingGroup, takeUnclosedTail } from './brackets';
import { splitArtistCredit, splitFeaturing } from './artist-credit';
import { takeTrailingLabel } from './label';
import { isOriginalVersion, isVersionText } from './version';

/** A hyphen or Unicode dash with a space on each side: the separator between title and a trailing version. */
const SPACED_DASH = /\s+[-\u2010-\u2015\u2212]\s+/g;
const FEATURING_GROUP = /^(?:feat\.?|ft\.?|featuring)\s+/i;

export interface TitleSide {
  title: string | null;
  version: string | null;
  featured: string[];
  label: string | null;
  catalog: string | null;
  warnings: string[];
}

interface PeeledGroups {
  base: string;
  versions: string[];
  featured: string[];
  /** bracket groups that are part of the title ("(Whoo! Alright)", "(Proper)"), in order */
  kept: string[];
}

/** Peels the bracket groups the title ends with: versions and "(feat. X)" come off, anything else stays. */
function peelTrailingGroups(text: string): PeeledGroups {
  const peeled: PeeledGroups = { base: text, versions: [], featured: [], kept: [] };
  const unclosed = takeUnclosedTail(text);
  if (unclosed?.opener === '(' && unclosed.before !== '' && isVersionText(unclosed.inner)) {
    peeled.base = unclosed.before;
    peeled.versions.push(unclosed.inner);
  }
  for (let group = takeTrailingGroup(peeled.base); group && group.before !== ''; group = takeTrailingGroup(peeled.base)) {
    peeled.base = group.before;
    const featuring = FEATURING_GROUP.exec(group.inner);
    if (featuring) peeled.featured.unshift(...splitArtistCredit(group.inner.slice(featuring[0].length)));
    else if (isVersionText(group.inner) && !isOriginalVersion(group.inner)) peeled.versions.unshift(group.inner);
    else if (!isOriginalVersion(group.inner)) peeled.kept.unshift(group.opener === '(' ? `(${group.inner})` : `[${group.inner}]`);
    // "(Original Mix)" is dropped: the original is no version.
  }
  return peeled;
}

/** "Big Fun - Jon Rundell Remix": a version written after a dash instead of in brackets. */
function takeDashVersion(base: string): { base: string; version: string | null } {
  const last = findAllTopLevel(base, SPACED_DASH).at(-1);
  if (!last) return { base, version: null };
  const tail = base.slice(last.end).trim();
  if (isOriginalVersion(tail)) return { base: base.slice(0, last.index).trim(), version: null };
  if (!isVersionText(tail)) return { base, version: null };
  return { base: base.slice(0, last.index).trim(), version: tail };
}

/**
 * Parses the title side of a row: the label bracket at the end, then trailing version / featuring groups,
 * then a version after a dash, then "feat. X" written in the title. "(Original Mix)" means no version.
 * Several version groups are joined with ", " ("Dubfire Remix, Radio Edit").
 */
export function parseTitleSide(titleSide: string): TitleSide {
  const labelled = takeTrailingLabel(titleSide);
  const peeled = peelTrailingGroups(labelled.rest);
  const warnings = [...labelled.warnings];
  let base = peeled.base;
  if (peeled.versions.length === 0) {
    const dashed = takeDashVersion(base);
    base = dashed.base;
    if (dashed.version !== null) {
      peeled.versions.push(dashed.version);
      warnings.push('version written after a dash');
    }
  }
  const titleFeaturing = splitFeaturing(base);
  const versionParts = peeled.versions.map((version) => splitFeaturing(version));
  const title = [titleFeaturing.main, ...peeled.kept].join(' ').trim();
  const version = versionParts.map((part) => part.main).filter((part) => part !== '').join(', ');
  return {
    title: title === '' ? null : title,
    version: version === '' ? null : version,
    featured: [...peeled.featured, ...titleFeaturing.featured, ...versionParts.flatMap((part) => part.featured)],
    label: labelled.label,
    catalog: labelled.catalog,
    warnings,
  };
}
