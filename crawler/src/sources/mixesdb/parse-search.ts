/**
 * MixesDB search results (MediaWiki `action=query&list=search&format=json`) -> page titles and the next offset.
 * A response that is not that shape, or a MediaWiki `{"error": …}`, throws MixesdbSearchError: the caller
 * decides whether to retry (an API error such as `maxlag` may pass; a malformed body will not).
 */
import { z } from 'zod';

/** Why a search response could not be used. */
export class MixesdbSearchError extends Error {
  override readonly name = 'MixesdbSearchError';

  constructor(
    message: string,
    /** 'api-error': MediaWiki answered with an error object; 'malformed': the body is not a search response */
    readonly kind: 'api-error' | 'malformed',
    /** MediaWiki's error code ("maxlag", "srsearch-error", …) when kind is 'api-error' */
    readonly apiCode: string | null = null,
  ) {
    super(message);
  }
}

export interface MixesdbSearchPage {
  /** page titles in result order, e.g. "2017-10-22 - Ben Klock @ Awakenings x Klockworks Pres. Photon, Gashouder, ADE" */
  titles: string[];
  /** `query.searchinfo.totalhits`, when MediaWiki sent it */
  totalHits?: number;
  /** the `sroffset` for the next page, or null when this was the last page */
  nextOffset: number | null;
}

const apiErrorSchema = z.object({ error: z.object({ code: z.string(), info: z.string().optional() }) });

const searchResponseSchema = z.object({
  continue: z.object({ sroffset: z.number().int().nonnegative() }).optional(),
  query: z.object({
    searchinfo: z.object({ totalhits: z.number().int().nonnegative() }).optional(),
    search: z.array(z.object({ ns: z.number().int(), title: z.string().min(1) })),
  }),
});

function parseJsonText(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new MixesdbSearchError(`search response is not JSON: ${reason}`, 'malformed');
  }
}

/**
 * Reads one search response, given as the body text or as already-parsed JSON.
 * @throws MixesdbSearchError when the body is not JSON, is a MediaWiki error, or lacks `query.search`.
 */
export function parseMixesdbSearch(json: unknown): MixesdbSearchPage {
  const body = typeof json === 'string' ? parseJsonText(json) : json;
  const apiError = apiErrorSchema.safeParse(body);
  if (apiError.success) {
    const { code, info } = apiError.data.error;
    throw new MixesdbSearchError(`MixesDB API error ${code}: ${info ?? 'no details'}`, 'api-error', code);
  }
  const parsed = searchResponseSchema.safeParse(body);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
    throw new MixesdbSearchError(`search response has an unexpected shape at ${where}`, 'malformed');
  }
  const { query } = parsed.data;
  const totalHits = query.searchinfo?.totalhits;
  return {
    titles: query.search.map((result) => result.title),
    ...(totalHits === undefined ? {} : { totalHits }),
    nextOffset: parsed.data.continue?.sroffset ?? null,
  };
}
