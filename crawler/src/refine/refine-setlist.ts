import { NOTIFY_CHANNELS } from '@songnodes/contracts';
import type { PoolClient } from 'pg';
import type { ParsedSetlist } from '@songnodes/parsing';
import { crawlerSql } from '../db/statements';
import { planRefine, type RefinePlan } from './refine-plan';
import { refineSetlistContent, type RefinedSetlist } from './setlist-content';

/** What refining one setlist did to silver. */
export type RefineOutcome =
  | { kind: 'written'; setlistId: number; rows: number; identified: number }
  | { kind: 'unchanged'; setlistId: number }
  | { kind: 'not-refined'; reason: string };

/**
 * Bronze -> silver for one parsed setlist, inside the caller's transaction. Only a complete ('ok') parse with its
 * source's identity reaches silver: a blocked, empty or broken page never replaces a good setlist. The setlist is
 * found by that identity (source, sourceId), never by the URL it was fetched from. A re-crawl whose content hash is
 * unchanged writes nothing; a changed one replaces the setlist's rows, and the triggers on silver.setlist_tracks
 * rederive its transitions.
 */
export async function refineSetlist(client: PoolClient, parsed: ParsedSetlist, bronzeSetlistId: number | null): Promise<RefineOutcome> {
  if (parsed.status !== 'ok') return { kind: 'not-refined', reason: `${parsed.status}: ${parsed.statusReason ?? ''}` };
  // The store step gives every setlist its source's identity (setlist-identity.ts); without one it is not 'ok'.
  if (parsed.sourceId === null) return { kind: 'not-refined', reason: 'no source identity' };
  const content = refineSetlistContent(parsed);
  await client.query(crawlerSql('refine-lock'));
  const existing = await client.query(crawlerSql('refine-setlist-find'), [parsed.source, parsed.sourceId]);
  if (existing.rows[0]?.content_sha256 === content.contentSha256) {
    return { kind: 'unchanged', setlistId: Number(existing.rows[0].id) };
  }

  const { trackIds, artistIds: djIds } = await upsertPlan(client, planRefine([content]));
  const { rows } = await client.query(crawlerSql('refine-setlist-upsert'), [
    parsed.source,
    parsed.sourceUrl,
    parsed.sourceId,
    parsed.title ?? parsed.sourceUrl,
    parsed.djs.join(' b2b ') || null,
    parsed.event,
    parsed.venue,
    parsed.location,
    parsed.date,
    bronzeSetlistId,
    content.contentSha256,
    content.rows.length,
    content.identifiedCount,
    content.djs.map((dj) => djIds.get(dj.key)),
  ]);
  const setlistId = Number(rows[0].id);

  await client.query(crawlerSql('refine-djs-delete'), [setlistId]);
  await client.query(crawlerSql('refine-djs-insert'), [
    setlistId,
    JSON.stringify(content.djs.map((dj, position) => ({ artist_id: djIds.get(dj.key), position }))),
  ]);
  await client.query(crawlerSql('refine-rows-delete'), [setlistId]);
  await client.query(crawlerSql('refine-rows-insert'), [setlistId, JSON.stringify(silverRowRecords(content, trackIds))]);
  await client.query(crawlerSql('refine-notify'), [NOTIFY_CHANNELS.silverChanged, String(setlistId)]);
  return { kind: 'written', setlistId, rows: content.rows.length, identified: content.identifiedCount };
}

/** A refined setlist's rows as silver.setlist_tracks records (the JSON refine-rows-insert reads, and bulk-rows-copy). */
export function silverRowRecords(content: RefinedSetlist, trackIds: ReadonlyMap<string, number>): Record<string, unknown>[] {
  return content.rows.map((r) => ({
    part_index: r.partIndex,
    part_name: r.partName,
    position: r.position,
    track_id: r.track ? trackIds.get(r.track.key) : null,
    cue: r.cue,
    raw: r.raw,
    layered: r.layered === true,
  }));
}

/**
 * Upserts a plan's tracks, artists and credit links (refine-plan.ts); returns the ids of its tracks and artists.
 * Each statement gets every key once, so the spelling stored is the plan's, never whichever duplicate a statement
 * happened to meet first.
 */
export async function upsertPlan(
  client: PoolClient,
  plan: RefinePlan,
): Promise<{ trackIds: Map<string, number>; artistIds: Map<string, number> }> {
  let trackIds = new Map<string, number>();
  if (plan.tracks.length > 0) {
    const { rows } = await client.query(crawlerSql('refine-tracks-upsert'), [
      JSON.stringify(
        plan.tracks.map((t) => ({ track_key: t.key, title: t.title, version: t.version, artist_credit: t.artistCredit, label: t.label })),
      ),
    ]);
    trackIds = await completeIds(
      client,
      'refine-tracks-by-key',
      'track_key',
      rows,
      plan.tracks.map((t) => t.key),
    );
  }
  let artistIds = new Map<string, number>();
  if (plan.artists.length > 0) {
    const { rows } = await client.query(crawlerSql('refine-artists-upsert'), [
      JSON.stringify(plan.artists.map((a) => ({ name_key: a.key, name: a.name }))),
    ]);
    artistIds = await completeIds(
      client,
      'refine-artists-by-key',
      'name_key',
      rows,
      plan.artists.map((a) => a.key),
    );
  }
  if (plan.credits.length > 0) {
    await client.query(crawlerSql('refine-track-artists-save'), [
      JSON.stringify(
        plan.credits.map((c) => ({
          track_id: trackIds.get(c.trackKey),
          artist_id: artistIds.get(c.artistKey),
          role: c.role,
          position: c.position,
        })),
      ),
    ]);
  }
  return { trackIds, artistIds };
}

/**
 * Ids by key from an upsert's result, completed by a second read: a row another worker inserted while our
 * INSERT ... ON CONFLICT DO NOTHING waited for it is invisible to that statement's snapshot, but not to the next.
 */
async function completeIds(
  client: PoolClient,
  reread: string,
  keyColumn: string,
  rows: Record<string, unknown>[],
  keys: string[],
): Promise<Map<string, number>> {
  const ids = new Map(rows.map((r) => [r[keyColumn] as string, Number(r.id)]));
  const missing = [...new Set(keys)].filter((key) => !ids.has(key));
  if (missing.length > 0) {
    const again = await client.query(crawlerSql(reread), [missing]);
    for (const r of again.rows) ids.set(r[keyColumn] as string, Number(r.id));
  }
  return ids;
}
