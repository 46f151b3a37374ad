// GraphQL over HTTP on /graphql, straight from node:http into Apollo's executeHTTPGraphQLRequest (the API Apollo's
// own integrations are built on). Express stays for everything else (health, metrics, the explorer): on a depth-1
// neighbourhood its router, body parser and ETag hashing were a sixth of the server's CPU per request (bench/api).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest } from '@apollo/server';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Logger } from '../logger';
import type { Gate, OperationRequest } from './gate';
import type { Metrics } from './metrics';
import { answersLegacyJson } from './response-status';

/** Options of the /graphql handler. */
export interface GraphQLHandlerOptions<TContext extends BaseContext> {
  /** the context of one operation, from its request and request id */
  context: (req: IncomingMessage, requestId: string) => Promise<TContext>;
  /** the one gate of every transport (http/gate.ts) */
  gate: Gate;
  /** the error formatter Apollo uses too (http/format-error.ts), for the gate's refusals */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  metrics: Metrics;
  /** where an unexpected failure of the handler itself is logged */
  logger: Logger;
  /** request bodies above this are refused with 413 @default 1 MiB */
  maxBodyBytes?: number;
  /** the client a request is counted against (http/client-address.ts) @default the socket's address */
  clientOf?: (req: IncomingMessage) => string;
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

/** The client a request is counted against (its rate-limit budget): its address. */
export function clientOf(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

const asRecord = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

function parsedVariables(text: string | null): Record<string, unknown> | null {
  try {
    return text ? asRecord(JSON.parse(text)) : null;
  } catch {
    return null; // Apollo refuses the request itself
  }
}

/**
 * The operation a request asks Apollo to execute, as the gate reads it: a JSON POST body's `query`, or a GET's
 * `query` parameter. Anything else carries no query Apollo could execute (persisted queries are off), and Apollo
 * refuses it with its own 400.
 */
function operationOf(method: string, search: string, body: unknown): OperationRequest | null {
  if (method === 'GET') {
    const params = new URLSearchParams(search);
    const query = params.get('query');
    return query === null
      ? null
      : { query, operationName: params.get('operationName'), variables: parsedVariables(params.get('variables')) };
  }
  const fields = asRecord(body);
  if (!fields || typeof fields.query !== 'string') return null;
  return {
    query: fields.query,
    operationName: typeof fields.operationName === 'string' ? fields.operationName : null,
    variables: asRecord(fields.variables),
  };
}

/**
 * The gate's refusal as Apollo would have answered a request refused as a whole: 200 for `application/json`, 400 for
 * `application/graphql-response+json` (http/response-status.ts), 429 with retry-after when over budget.
 */
function sendGateRefusal(
  res: ServerResponse,
  accept: string | undefined,
  errors: GraphQLFormattedError[],
  retryAfterSeconds: number | undefined,
): void {
  const legacy = answersLegacyJson(accept);
  const headers: Record<string, string> = {
    'content-type': legacy ? 'application/json; charset=utf-8' : 'application/graphql-response+json; charset=utf-8',
  };
  if (retryAfterSeconds !== undefined) headers['retry-after'] = String(retryAfterSeconds);
  res.writeHead(retryAfterSeconds !== undefined ? 429 : legacy ? 200 : 400, headers).end(JSON.stringify({ errors }));
}

/** The /graphql handler: the gate (rate limit, body, parse, validation, cost), then Apollo, then the response. */
export function createGraphQLHandler<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  options: GraphQLHandlerOptions<TContext>,
): GraphQLHandler {
  const limit = options.maxBodyBytes ?? 1024 * 1024;
  const { gate, metrics } = options;
  const format = (errors: GraphQLError[]) => errors.map((error) => options.formatError(error.toJSON(), error));
  return async (req, res, requestId) => {
    try {
      const client = (options.clientOf ?? clientOf)(req);
      const arrival = await gate.arrive(client);
      if (!arrival.allowed) {
        throw new RequestRefused(
          429,
          'too many requests; slow down',
          { code: 'RATE_LIMITED' },
          { 'retry-after': String(arrival.retryAfterSeconds) },
        );
      }
      const method = (req.method ?? 'GET').toUpperCase();
      const search = new URL(req.url ?? '/', 'http://localhost').search;
      const body = await bodyOf(req, limit);
      const operation = operationOf(method, search, body);
      if (operation) {
        const admission = await gate.admit(operation, client);
        if (!admission.admitted) {
          metrics.record({
            operation: metrics.label(admission.operation?.name?.value ?? operation.operationName),
            type: admission.operation?.operation ?? 'unknown',
            outcome: 'refused',
            transport: 'http',
          });
          sendGateRefusal(res, req.headers.accept, format(admission.errors), admission.retryAfterSeconds);
          return;
        }
      }
      const httpGraphQLRequest: HTTPGraphQLRequest = { method, headers: headerMapOf(req), search, body };
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
