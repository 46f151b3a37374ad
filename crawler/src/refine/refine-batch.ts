import { NOTIFY_CHANNELS } from '@songnodes/contracts';
import type { PoolClient } from 'pg';
import type { ParsedSetlist } from '@songnodes/parsing';
import { bronzeRowRecords } from '../db/bronze';
import { copyRecords } from '../db/copy';
import { crawlerSql } from '../db/statements';
import { planRefine } from './refine-plan';
import { silverRowRecords, upsertPlan, type RefineOutcome } from './refine-setlist';
import { refineSetlistContent, type RefinedSetlist } from './setlist-content';

/** One parse of a bronze page to store, with its source's identity already given (withCanonicalIdentity). */
export interface BatchSetlist {
  pageId: number;
  parserVersion: string;
  parsed: ParsedSetlist;
  /** refineSetlistContent(parsed), when the caller computed it already (the import does, ahead of the database) */
  content?: RefinedSetlist;
}

const json = (value: unknown) => JSON.stringify(value);

/**
 * The fast path of the store step: many parses in the caller's one transaction, every table written by one
 * statement per batch, so the statement-level triggers on silver (0004, 0008, 0009) derive transitions,
 * performances and counts once per batch instead of once per setlist. Gives each parse the outcome the
 * per-setlist path (saveParsedSetlist + refineSetlist, in the same order) would have given it, and leaves silver
 * exactly as that path would: the same setlist twice in one batch is stored in two rounds, in order.
 */
export async function storeSetlistBatch(client: PoolClient, items: BatchSetlist[], crawlRunId: number | null): Promise<RefineOutcome[]> {
  if (items.length === 0) return [];
  return refineBatch(client, items, await saveBronzeBatch(client, items, crawlRunId));
}

/**
 * The silver half of storeSetlistBatch, for parses bronze holds already (`bronzeIds`, in the order of `items`): the
 * import stores a batch's bronze ahead, in a transaction of its own (import-batch.ts).
 */
export async function refineBatch(client: PoolClient, items: BatchSetlist[], bronzeIds: number[]): Promise<RefineOutcome[]> {
  if (items.length === 0) return [];
  // Before any silver row lock (refine-lock.sql): the regrouping triggers update other setlists under it.
  await client.query(crawlerSql('refine-lock'));
  const outcomes: RefineOutcome[] = new Array(items.length);
  const pending: { index: number; parsed: ParsedSetlist; bronzeId: number; content?: RefinedSetlist }[] = [];
  items.forEach(({ parsed, content }, index) => {
    if (parsed.status !== 'ok') outcomes[index] = { kind: 'not-refined', reason: `${parsed.status}: ${parsed.statusReason ?? ''}` };
    else if (parsed.sourceId === null) outcomes[index] = { kind: 'not-refined', reason: 'no source identity' };
    else pending.push({ index, parsed, bronzeId: bronzeIds[index] as number, ...(content ? { content } : {}) });
  });
  // Rounds of distinct identities, in order: a later copy of a setlist must meet the earlier one in silver.
  while (pending.length > 0) {
    const seen = new Set<string>();
    const round: typeof pending = [];
    while (pending.length > 0) {
      const next = pending[0] as (typeof pending)[number];
      const identity = `${next.parsed.source}\u0000${next.parsed.sourceId}`;
      if (seen.has(identity)) break;
      seen.add(identity);
      round.push(next);
      pending.shift();
    }
    await refineRound(client, round, outcomes);
  }
  return outcomes;
}

/** bronze.setlists and bronze.setlist_rows for the batch; returns each item's bronze setlist id. */
export async function saveBronzeBatch(client: PoolClient, items: BatchSetlist[], crawlRunId: number | null): Promise<number[]> {
  const keyOf = (pageId: number, sourceUrl: string, parserVersion: string) => `${pageId}\u0000${sourceUrl}\u0000${parserVersion}`;
  const { rows } = await client.query(crawlerSql('bulk-bronze-setlists-save'), [
    json(
      items.map(({ pageId, parserVersion, parsed: p }) => ({
        page_id: pageId,
        source: p.source,
        source_url: p.sourceUrl,
        source_id: p.sourceId,
        title: p.title,
        djs: p.djs,
        event: p.event,
        venue: p.venue,
        location: p.location,
        date_text: p.dateText,
        date: p.date,
        parser_version: parserVersion,
        status: p.status,
        status_reason: p.statusReason,
        warnings: p.warnings,
        row_count: p.parts.reduce((n, part) => n + part.rows.length, 0),
      })),
    ),
    crawlRunId,
  ]);
  const ids = new Map<string, { id: number; inserted: boolean }>();
  for (const r of rows) {
    const key = keyOf(Number(r.page_id), r.source_url, r.parser_version);
    if (!ids.has(key) || r.inserted) ids.set(key, { id: Number(r.id), inserted: r.inserted });
  }
  const bronzeIds: number[] = [];
  const rowsToSave: Record<string, unknown>[] = [];
  for (const { pageId, parserVersion, parsed } of items) {
    const found = ids.get(keyOf(pageId, parsed.sourceUrl, parserVersion));
    if (!found) throw new Error(`bronze parse of ${parsed.sourceUrl} neither stored nor found`);
    bronzeIds.push(found.id);
    if (!found.inserted) continue;
    // The first parse of a key stores its rows; a second one in the same batch finds it, as it would one stored before.
    found.inserted = false;
    for (const row of bronzeRowRecords(parsed)) rowsToSave.push({ setlist_id: found.id, ...row });
  }
  if (rowsToSave.length > 0) await copyRecords(client, 'bulk-bronze-rows-copy', rowsToSave);
  return bronzeIds;
}

/** refineSetlist for setlists of distinct identities, set-based. */
async function refineRound(
  client: PoolClient,
  round: { index: number; parsed: ParsedSetlist; bronzeId: number; content?: RefinedSetlist }[],
  outcomes: RefineOutcome[],
): Promise<void> {
  const identity = (source: string, sourceId: string) => `${source}\u0000${sourceId}`;
  const existing = await client.query(crawlerSql('bulk-setlists-find'), [
    round.map((r) => r.parsed.source),
    round.map((r) => r.parsed.sourceId),
  ]);
  const stored = new Map<string, { id: number; contentSha256: string | null }>(
    existing.rows.map((r) => [identity(r.source, r.source_id), { id: Number(r.id), contentSha256: r.content_sha256 }]),
  );
  const writes: { index: number; parsed: ParsedSetlist; bronzeId: number; content: RefinedSetlist }[] = [];
  for (const item of round) {
    const content = item.content ?? refineSetlistContent(item.parsed);
    const before = stored.get(identity(item.parsed.source, item.parsed.sourceId as string));
    if (before?.contentSha256 === content.contentSha256) outcomes[item.index] = { kind: 'unchanged', setlistId: before.id };
    else writes.push({ ...item, content });
  }
  if (writes.length === 0) return;

  const { trackIds, artistIds } = await upsertPlan(client, planRefine(writes.map((w) => w.content)));
  const { rows } = await client.query(crawlerSql('bulk-setlists-upsert'), [
    json(
      writes.map(({ parsed: p, content, bronzeId }) => ({
        source: p.source,
        source_url: p.sourceUrl,
        source_id: p.sourceId,
        title: p.title ?? p.sourceUrl,
        dj_credit: p.djs.join(' b2b ') || null,
        event: p.event,
        venue: p.venue,
        location: p.location,
        date: p.date,
        bronze_setlist_id: bronzeId,
        content_sha256: content.contentSha256,
        track_count: content.rows.length,
        identified_count: content.identifiedCount,
        dj_artist_ids: content.djs.map((dj) => artistIds.get(dj.key)),
      })),
    ),
  ]);
  const setlistIds = new Map<string, number>(rows.map((r) => [identity(r.source, r.source_id), Number(r.id)]));
  const idOf = (p: ParsedSetlist) => setlistIds.get(identity(p.source, p.sourceId as string)) as number;
  const replaced = writes.filter((w) => stored.has(identity(w.parsed.source, w.parsed.sourceId as string))).map((w) => idOf(w.parsed));

  // Only setlists that were there before have DJs and rows to drop (an empty DELETE would still fire the triggers).
  if (replaced.length > 0) await client.query(crawlerSql('bulk-djs-delete'), [replaced]);
  const djs = writes.flatMap((w) =>
    w.content.djs.map((dj, position) => ({ setlist_id: idOf(w.parsed), artist_id: artistIds.get(dj.key), position })),
  );
  if (djs.length > 0) await client.query(crawlerSql('bulk-djs-insert'), [json(djs)]);
  if (replaced.length > 0) await client.query(crawlerSql('bulk-rows-delete'), [replaced]);
  const setlistRows = writes.flatMap((w) => silverRowRecords(w.content, trackIds).map((row) => ({ setlist_id: idOf(w.parsed), ...row })));
  if (setlistRows.length > 0) await copyRecords(client, 'bulk-rows-copy', setlistRows);
  // One wake-up for the batch: `sync --watch` reads what changed from silver, not from the payload.
  await client.query(crawlerSql('refine-notify'), [
    NOTIFY_CHANNELS.silverChanged,
    String(idOf((writes[0] as (typeof writes)[number]).parsed)),
  ]);
  for (const w of writes) {
    outcomes[w.index] = { kind: 'written', setlistId: idOf(w.parsed), rows: w.content.rows.length, identified: w.content.identifiedCount };
  }
}
