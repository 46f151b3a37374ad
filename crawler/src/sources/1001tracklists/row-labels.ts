/**
 * A 1001tracklists row's label, as the row shows it. The badge (`.trackLabel`) is what a reader sees: "NINJA",
 * "[SCORPIO]" (2018), "RCA (SONY )" (2022), "GEFFEN (UMG)" (2024). The bracketed part after the name is the parent
 * company 1001tracklists links separately (Sony, Universal Music Group, Spinnin' for Hysteria), not the label the
 * record came out on, so it is left out: "RCA (SONY )" -> "RCA". When a row shows no badge, the publisher
 * microdata is read instead: plain text before 2024 ("Ninja Tune"), label markup since ("<span class=
 * "trackLabel">Not On Label</span>"). "Not On Label" is 1001tracklists' way of saying there is none.
 */
import * as cheerio from 'cheerio';
import { attr, collapse, findOutermost, hasClass, shownText, type DomNode } from './dom-text';

const NO_LABEL = /^(?:not on label|n\/a|-)$/i;
/** Markup length up to which a publisher meta's HTML is read (real ones are under 500 characters). */
const MAX_PUBLISHER_MARKUP = 4000;

/** "[HYSTERIA (SPINNIN')]" -> "HYSTERIA"; "RCA (SONY )" -> "RCA"; empty when nothing is left. */
export function labelName(badge: string): string {
  let name = collapse(badge);
  const bracketed = /^\[(.*)\]$/.exec(name);
  if (bracketed) name = (bracketed[1] ?? '').trim();
  const parent = /^(.*\S)\s*\([^()]*\)$/.exec(name);
  if (parent) name = parent[1] ?? name;
  return NO_LABEL.test(name) ? '' : name;
}

const isBadge = (node: DomNode): boolean => hasClass(node, 'trackLabel');
const isHiddenIcon = (node: DomNode): boolean => hasClass(node, 'tgHid') || node.name === 'i';

function badgeNames(root: DomNode): string[] {
  return findOutermost(root, isBadge).map((badge) => labelName(shownText(badge, isHiddenIcon)));
}

function publisherNames(microdata: DomNode | null): string[] {
  const metas = (microdata?.children ?? []).filter((child) => child.name === 'meta' && attr(child, 'itemprop') === 'publisher');
  return metas.map((meta) => {
    const content = (attr(meta, 'content') ?? '').slice(0, MAX_PUBLISHER_MARKUP);
    if (!content.includes('<')) return labelName(content);
    const fragment = cheerio.load(content, { xml: { xmlMode: false, decodeEntities: true } }).root()[0] as unknown as DomNode;
    const badges = badgeNames(fragment);
    return badges.length > 0 ? badges.join(' / ') : labelName(shownText(fragment));
  });
}

/** The row's labels, shown badges first, distinct, in order. */
export function readRowLabels(row: DomNode, microdata: DomNode | null): string[] {
  const shown = badgeNames(row).filter(Boolean);
  const names = shown.length > 0 ? shown : publisherNames(microdata).filter(Boolean);
  return [...new Set(names)];
}
