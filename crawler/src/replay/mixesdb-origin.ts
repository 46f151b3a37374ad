/**
 * The MixesDB origin: the two MediaWiki entry points the crawler uses, `/w/api.php` (search) and
 * `/w/index.php?action=raw` (wikitext), with MediaWiki's error conventions.
 */
import { isEmptyQuery, parseMixesdbQuery, searchMixesdbPages } from './mixesdb-search';
import type { MixesdbPageStore } from './mixesdb-pages';
import { CONTENT_TYPE, jsonReply, statusLine, textReply, type Origin, type OriginRequest, type Reply } from './reply';

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 50;

/**
 * MediaWiki reports API errors with HTTP 200 and an `error` object (plus a header naming the code); clients must
 * read the body, so the replay does the same rather than a friendlier 400.
 */
function apiError(code: string, info: string): Reply {
  return jsonReply(200, { error: { code, info } }, { 'mediawiki-api-error': code });
}

class ApiParamError extends Error {
  constructor(readonly reply: Reply) {
    super(reply.body);
  }
}

/** Reads an integer parameter the MediaWiki way: `max` means the limit, out-of-range values are clamped. */
function readInteger(query: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (raw === 'max') return max;
  if (!/^-?\d+$/.test(raw)) {
    throw new ApiParamError(apiError('badinteger', `Invalid value "${raw}" for integer parameter "${name}".`));
  }
  return Math.min(max, Math.max(min, Number(raw)));
}

function requireValue(query: URLSearchParams, name: string, allowed: string): void {
  const value = query.get(name);
  if (value === null || value === '') {
    throw new ApiParamError(apiError('missingparam', `The "${name}" parameter must be set.`));
  }
  if (value !== allowed) {
    // The replay only implements what the crawler calls; anything else is "unknown" here, as on a bare wiki.
    throw new ApiParamError(apiError('badvalue', `Unrecognized value for parameter "${name}": ${value}.`));
  }
}

function answerApi(store: MixesdbPageStore, query: URLSearchParams): Reply {
  try {
    requireValue(query, 'action', 'query');
    requireValue(query, 'list', 'search');
    const format = query.get('format');
    if (format !== null && format !== 'json') {
      return apiError('badvalue', `Unrecognized value for parameter "format": ${format}.`);
    }
    const parsed = parseMixesdbQuery(query.get('srsearch') ?? '');
    if (isEmptyQuery(parsed)) return apiError('missingparam', 'The "srsearch" parameter must be set.');
    const limit = readInteger(query, 'srlimit', DEFAULT_LIMIT, 1, MAX_LIMIT);
    const offset = readInteger(query, 'sroffset', 0, 0, Number.MAX_SAFE_INTEGER);
    return jsonReply(200, searchMixesdbPages(store.list(), parsed, offset, limit));
  } catch (error) {
    if (error instanceof ApiParamError) return error.reply;
    throw error;
  }
}

function answerIndex(store: MixesdbPageStore, query: URLSearchParams): Reply {
  const title = query.get('title');
  if (query.get('action') !== 'raw' || title === null || title.trim() === '') {
    return textReply(400, 'The replay server only serves /w/index.php?title=…&action=raw');
  }
  const page = store.get(title);
  // MediaWiki answers action=raw for a missing page with 404 and an empty body.
  return page === undefined ? textReply(404, '', CONTENT_TYPE.wiki) : textReply(200, page.wikitext, CONTENT_TYPE.wiki);
}

/** Builds the MixesDB origin over a page store (shared with the server so pages can change at run time). */
export function createMixesdbOrigin(store: MixesdbPageStore): Origin {
  return (request: OriginRequest) => {
    // URLSearchParams has already decoded "+" and "%20"; underscores are handled by the title normalisation.
    if (request.path === '/w/api.php') return answerApi(store, request.query);
    if (request.path === '/w/index.php') return answerIndex(store, request.query);
    return textReply(404, statusLine(404), CONTENT_TYPE.html);
  };
}
