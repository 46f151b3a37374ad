import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool, PoolClient } from 'pg';
import { inTransaction } from '../../src/db/pool';
import { crawlerSql } from '../../src/db/statements';
import type { ParsedSetlist } from '@songnodes/parsing';
import { refineSetlistContent } from '../../src/refine/setlist-content';

/**
 * The store step as it was at migration 0006 (commit 2ced195), to build a database the way the crawler wrote it
 * before setlists had their source's identity: silver keyed by (source, source_url) with whatever URL the parse
 * carried — for MixesDB and 1001tracklists the origin the page was fetched from. The four statements that changed
 * since are copied in legacy-0006/; the others are still the same files.
 */
const legacy = (name: string) => readFileSync(join(__dirname, 'legacy-0006', `${name}.sql`), 'utf8');

async function saveBronze(client: PoolClient, pageId: number, parsed: ParsedSetlist, parserVersion: string): Promise<number> {
  const rows = parsed.parts.flatMap((part) =>
    part.rows.map((line, i) => ({
      part_index: part.index,
      part_name: part.name,
      position: i + 1,
      cue: line.cue,
      cue_seconds: line.cueSeconds,
      raw: line.raw,
      artist: line.artist,
      title: line.title,
      version: line.version,
      remixers: line.remixers,
      featured: line.featured,
      label: line.label,
      catalog: line.catalog,
      unidentified: line.unidentified,
      artist_valid: line.artistValid,
      warnings: line.warnings,
    })),
  );
  const { rows: inserted } = await client.query(crawlerSql('bronze-setlist-save'), [
    pageId,
    parsed.source,
    parsed.sourceUrl,
    parsed.sourceId,
    parsed.title,
    parsed.djs,
    parsed.event,
    parsed.venue,
    parsed.location,
    parsed.dateText,
    parsed.date,
    parserVersion,
    parsed.status,
    parsed.statusReason,
    parsed.warnings,
    rows.length,
    null,
  ]);
  const id = Number(inserted[0].id);
  if (rows.length > 0) await client.query(legacy('bronze-rows-save'), [id, JSON.stringify(rows)]);
  return id;
}

async function ids(client: PoolClient, upsert: string, reread: string, key: string, values: object[], keys: string[]) {
  const found = new Map<string, number>();
  if (values.length === 0) return found;
  for (const r of (await client.query(crawlerSql(upsert), [JSON.stringify(values)])).rows) found.set(r[key], Number(r.id));
  const missing = [...new Set(keys)].filter((k) => !found.has(k));
  if (missing.length > 0) for (const r of (await client.query(crawlerSql(reread), [missing])).rows) found.set(r[key], Number(r.id));
  return found;
}

async function refine(client: PoolClient, parsed: ParsedSetlist, bronzeId: number): Promise<void> {
  const content = refineSetlistContent(parsed);
  const tracks = content.rows.flatMap((r) => (r.track ? [r.track] : []));
  const trackIds = await ids(
    client,
    'refine-tracks-upsert',
    'refine-tracks-by-key',
    'track_key',
    tracks.map((t) => ({ track_key: t.key, title: t.title, version: t.version, artist_credit: t.artistCredit, label: t.label })),
    tracks.map((t) => t.key),
  );
  const credits = tracks.flatMap((t) => t.credits);
  const artistIds = await ids(
    client,
    'refine-artists-upsert',
    'refine-artists-by-key',
    'name_key',
    [...credits, ...content.djs].map((a) => ({ name_key: a.key, name: a.name })),
    [...credits, ...content.djs].map((a) => a.key),
  );
  await client.query(crawlerSql('refine-track-artists-save'), [
    JSON.stringify(
      tracks.flatMap((t) =>
        t.credits.map((c) => ({ track_id: trackIds.get(t.key), artist_id: artistIds.get(c.key), role: c.role, position: c.position })),
      ),
    ),
  ]);
  const { rows } = await client.query(legacy('refine-setlist-upsert'), [
    parsed.source,
    parsed.sourceUrl,
    parsed.sourceId,
    parsed.title ?? parsed.sourceUrl,
    parsed.djs.join(' b2b ') || null,
    parsed.event,
    parsed.venue,
    parsed.location,
    parsed.date,
    bronzeId,
    content.contentSha256,
    content.rows.length,
    content.identifiedCount,
  ]);
  const setlistId = Number(rows[0].id);
  await client.query(crawlerSql('refine-djs-delete'), [setlistId]);
  await client.query(crawlerSql('refine-djs-insert'), [
    setlistId,
    JSON.stringify(content.djs.map((dj, position) => ({ artist_id: artistIds.get(dj.key), position }))),
  ]);
  await client.query(crawlerSql('refine-rows-delete'), [setlistId]);
  await client.query(legacy('refine-rows-insert'), [
    setlistId,
    JSON.stringify(
      content.rows.map((r) => ({
        part_index: r.partIndex,
        part_name: r.partName,
        position: r.position,
        track_id: r.track ? trackIds.get(r.track.key) : null,
        cue: r.cue,
        raw: r.raw,
      })),
    ),
  ]);
}

/** Stores one parse of a bronze page as the crawler at migration 0006 did: bronze, then silver if 'ok'. */
export async function storeLegacy(pool: Pool, pageId: number, parsed: ParsedSetlist, parserVersion: string): Promise<void> {
  await inTransaction(pool, async (client) => {
    const bronzeId = await saveBronze(client, pageId, parsed, parserVersion);
    if (parsed.status === 'ok') await refine(client, parsed, bronzeId);
  });
}
