// GraphQL over HTTP on /graphql, straight from node:http into Apollo's executeHTTPGraphQLRequest (the API Apollo's
// own integrations are built on). Express stays for everything else (health, metrics, the explorer): on a depth-1
// neighbourhood its router, body parser and ETag hashing were a sixth of the server's CPU per request (bench/api).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest } from '@apollo/server';
import type { Logger } from '../logger';
import type { RateLimiter } from './rate-limit';

/** Options of the /graphql handler. */
export interface GraphQLHandlerOptions<TContext extends BaseContext> {
  /** the context of one operation, from its request and request id */
  context: (req: IncomingMessage, requestId: string) => Promise<TContext>;
  rateLimiter: RateLimiter;
  /** where an unexpected failure of the handler itself is logged */
  logger: Logger;
  /** request bodies above this are refused with 413 @default 1 MiB */
  maxBodyBytes?: number;
}

/**
 * A request the handler refuses before GraphQL sees it: status and a GraphQL-shaped error with one of the API's
 * stable codes (a malformed request is BAD_USER_INPUT with reason BAD_REQUEST, as the error formatter names
 * Apollo's own refusals).
 */
class RequestRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extensions: Record<string, string>,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const BAD_REQUEST = { code: 'BAD_USER_INPUT', reason: 'BAD_REQUEST' };

/** The request id: the caller's `x-request-id` (trimmed), else a new one. */
export function requestIdOf(req: IncomingMessage, newId: () => string): string {
  const given = req.headers['x-request-id'];
  return (typeof given === 'string' && given.length > 0 ? given : newId()).slice(0, 100);
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      // Refused, and the rest is read and dropped: the 413 can only be sent on a socket still open.
      req.off('data', onData).resume();
      reject(new RequestRefused(413, `request body over ${limit} bytes`, BAD_REQUEST, { connection: 'close' }));
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const isJson = (contentType: string | undefined) => /^application\/(.+\+)?json\b/i.test(contentType ?? '');

/**
 * The body Apollo expects: parsed JSON for a JSON POST, nothing otherwise (Apollo then answers 400 itself, as the
 * GraphQL-over-HTTP spec asks of other media types). Malformed JSON is a 400 with a GraphQL error, not a crash.
 */
async function bodyOf(req: IncomingMessage, limit: number): Promise<unknown> {
  if (req.method !== 'POST') return undefined;
  const text = await readBody(req, limit);
  if (!isJson(req.headers['content-type'])) return text.length > 0 ? text : undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RequestRefused(400, `request body is not valid JSON: ${(error as Error).message}`, BAD_REQUEST);
  }
}

function headerMapOf(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

function sendRefusal(res: ServerResponse, refused: RequestRefused): void {
  const body = JSON.stringify({ errors: [{ message: refused.message, extensions: refused.extensions }] });
  res.writeHead(refused.status, { 'content-type': 'application/json; charset=utf-8', ...refused.headers }).end(body);
}

/** Serves one request to /graphql; never rejects. */
export type GraphQLHandler = (req: IncomingMessage, res: ServerResponse, requestId: string) => Promise<void>;

/** The /graphql handler: rate limit, body, Apollo, response (whole or streamed). */
export function createGraphQLHandler<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  options: GraphQLHandlerOptions<TContext>,
): GraphQLHandler {
  const limit = options.maxBodyBytes ?? 1024 * 1024;
  return async (req, res, requestId) => {
    try {
      if (!options.rateLimiter.take(req.socket.remoteAddress ?? 'unknown')) {
        throw new RequestRefused(429, 'too many requests; slow down', { code: 'RATE_LIMITED' }, { 'retry-after': '1' });
      }
      const httpGraphQLRequest: HTTPGraphQLRequest = {
        method: (req.method ?? 'GET').toUpperCase(),
        headers: headerMapOf(req),
        search: new URL(req.url ?? '/', 'http://localhost').search,
        body: await bodyOf(req, limit),
      };
      const response = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: () => options.context(req, requestId) });
      res.statusCode = response.status ?? 200;
      for (const [key, value] of response.headers) res.setHeader(key, value);
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (error) {
      if (res.headersSent) {
        options.logger.error({ err: error, requestId }, 'response to /graphql failed while streaming');
        res.destroy();
        return;
      }
      if (!(error instanceof RequestRefused)) options.logger.error({ err: error, requestId }, 'unexpected error serving /graphql');
      sendRefusal(res, error instanceof RequestRefused ? error : new RequestRefused(500, 'Internal error', { code: 'INTERNAL' }));
    }
  };
}
