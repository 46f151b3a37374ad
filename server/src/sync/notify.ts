// NOTIFY graph_changed: after each committed batch, the ids of the tracks it touched, for the API's subscriptions.
import { MAX_NOTIFY_PAYLOAD_BYTES, NOTIFY_CHANNELS } from '@songnodes/contracts';
import type { Pool } from 'pg';
import { sqlQuery } from '../db/statements';

/** PostgreSQL rejects a NOTIFY payload of 8000 bytes or more; the contract's limit stays clear of it. */
export const MAX_PAYLOAD_BYTES = MAX_NOTIFY_PAYLOAD_BYTES;

/**
 * Splits ids into payloads `{"trackIds":[...]}`, each under `maxBytes` (ids are ASCII digits, so characters are
 * bytes). Sorted, so a subscriber sees the same payloads for the same batch.
 */
export function splitTrackIdPayloads(trackIds: Iterable<number>, maxBytes = MAX_PAYLOAD_BYTES): string[] {
  const sorted = [...new Set(trackIds)].sort((a, b) => a - b);
  const envelope = '{"trackIds":[]}'.length;
  const payloads: string[] = [];
  let chunk: number[] = [];
  let length = envelope;
  for (const id of sorted) {
    const added = String(id).length + (chunk.length > 0 ? 1 : 0);
    if (length + added >= maxBytes && chunk.length > 0) {
      payloads.push(JSON.stringify({ trackIds: chunk }));
      chunk = [];
      length = envelope;
    }
    length += String(id).length + (chunk.length > 0 ? 1 : 0);
    chunk.push(id);
  }
  if (chunk.length > 0) payloads.push(JSON.stringify({ trackIds: chunk }));
  return payloads;
}

/** Sends the payloads for `trackIds` in one autocommit statement; returns how many notifications went out. */
export async function notifyGraphChanged(pg: Pool, trackIds: Iterable<number>): Promise<number> {
  const payloads = splitTrackIdPayloads(trackIds);
  if (payloads.length === 0) return 0;
  await pg.query(sqlQuery('sync/notify-graph-changed'), [NOTIFY_CHANNELS.graphChanged, payloads]);
  return payloads.length;
}
