/**
 * The PostgreSQL NOTIFY contract between the crawler, the sync and the API: channel names, payload shapes and the
 * size limit, spelled once. Every sender encodes with `encodeNotifyPayload` and every listener decodes with
 * `decodeNotifyPayload`, so a payload that does not fit the contract is refused at both ends, never half-read.
 *
 * | channel           | sent by                               | heard by                     | payload                  |
 * |-------------------|---------------------------------------|------------------------------|--------------------------|
 * | `silver_changed`  | refine step (per setlist), requestSync, a starting `sync --full` | sync --watch | setlist id, "requested" or "full-rebuild:<gold instance>" |
 * | `graph_changed`   | sync, after each committed batch      | API (graphChanged)           | `{"trackIds":[…]}`       |
 * | `crawl_progress`  | crawler, per step                      | API (crawlProgress)          | a CrawlProgressEvent     |
 * | `crawl_requested` | API (requestCrawl, requestTrack, approveTrackRequest, importTracklist) | crawl worker | a target id, `track-request:<id>`, `tracklist-import:<id>` |
 */
import { z } from 'zod';

export const NOTIFY_CHANNELS = {
  silverChanged: 'silver_changed',
  graphChanged: 'graph_changed',
  crawlProgress: 'crawl_progress',
  crawlRequested: 'crawl_requested',
} as const;

export type NotifyChannel = (typeof NOTIFY_CHANNELS)[keyof typeof NOTIFY_CHANNELS];

/**
 * PostgreSQL refuses a NOTIFY payload of 8000 bytes or more (pg_notify: "payload string too long"); senders stay
 * below this, in UTF-8 bytes, with room to spare.
 */
export const MAX_NOTIFY_PAYLOAD_BYTES = 7900;

/** One step of a crawl: ids and small facts only. */
export const crawlProgressEventSchema = z.object({
  runId: z.number().int().nullable(),
  source: z.string().min(1).max(64),
  event: z.enum(['target-started', 'search-page', 'setlist', 'target-finished', 'source-stopped', 'source-skipped']),
  targetId: z.number().int().optional(),
  detail: z.record(z.string(), z.unknown()).optional(),
});
export type CrawlProgressEvent = z.infer<typeof crawlProgressEventSchema>;

const payloadSchemas = {
  silver_changed: z.string().min(1).max(200),
  graph_changed: z.object({ trackIds: z.array(z.number().int().nonnegative()) }),
  crawl_progress: crawlProgressEventSchema,
  crawl_requested: z.string().max(200),
} satisfies Record<NotifyChannel, z.ZodType>;

export type NotifyPayload<C extends NotifyChannel> = z.infer<(typeof payloadSchemas)[C]>;

/** Channels whose payload is plain text rather than JSON (what SQL statements send themselves). */
const TEXT_CHANNELS: ReadonlySet<NotifyChannel> = new Set(['silver_changed', 'crawl_requested']);

/** Thrown by `encodeNotifyPayload` for a payload the contract refuses. */
export class NotifyPayloadError extends Error {
  constructor(channel: NotifyChannel, reason: string) {
    super(`NOTIFY ${channel}: ${reason}`);
    this.name = 'NotifyPayloadError';
  }
}

/** The payload text for `channel`; throws NotifyPayloadError when it does not fit the shape or the size limit. */
export function encodeNotifyPayload<C extends NotifyChannel>(channel: C, payload: NotifyPayload<C>): string {
  const parsed = payloadSchemas[channel].safeParse(payload);
  if (!parsed.success) throw new NotifyPayloadError(channel, parsed.error.issues.map((i) => i.message).join('; '));
  const text = TEXT_CHANNELS.has(channel) ? String(parsed.data) : JSON.stringify(parsed.data);
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_NOTIFY_PAYLOAD_BYTES) {
    throw new NotifyPayloadError(channel, `payload of ${bytes} bytes is over the ${MAX_NOTIFY_PAYLOAD_BYTES}-byte limit`);
  }
  return text;
}

/** The payload of a notification on `channel`, or null when it is not what the contract says (never throws). */
export function decodeNotifyPayload<C extends NotifyChannel>(channel: C, text: string | undefined): NotifyPayload<C> | null {
  if (text === undefined) return null;
  let value: unknown = text;
  if (!TEXT_CHANNELS.has(channel)) {
    try {
      value = JSON.parse(text);
    } catch {
      return null;
    }
  }
  const parsed = payloadSchemas[channel].safeParse(value);
  return parsed.success ? (parsed.data as NotifyPayload<C>) : null;
}

/** `LISTEN "<channel>"` for one of the contract's channels (LISTEN takes no bind parameters). */
export function listenStatement(channel: NotifyChannel): string {
  if (!Object.values(NOTIFY_CHANNELS).includes(channel)) throw new Error(`unknown NOTIFY channel ${String(channel)}`);
  return `LISTEN "${channel}"`;
}
