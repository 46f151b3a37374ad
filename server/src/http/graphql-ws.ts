// graphql-ws on /graphql through the one gate (http/gate.ts). The protocol is graphql-ws's own `makeServer`; this
// file is the transport around it (what graphql-ws/use/ws does), written here for three things that adapter cannot
// do: refuse a client's connection beyond its limit before the upgrade, cap the message size (`ws` maxPayload), and
// report socket errors through our logger (the adapter writes them with console.error, once per oversized message).
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { CloseCode, handleProtocols, makeServer } from 'graphql-ws';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from '../logger';
import { rateLimited, type Gate } from './gate';
import { clientOf } from './graphql-handler';
import type { Metrics } from './metrics';

/** Options of graphql-ws on the HTTP server. */
export interface GraphQLWsOptions<TContext> {
  httpServer: Server;
  schema: GraphQLSchema;
  gate: Gate;
  /** the formatter (and masking) of HTTP too */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  metrics: Metrics;
  logger: Logger;
  /** the context of one operation, from the connection's `authorization` parameter */
  context: (token: string | null, client: string) => TContext;
  /** a message above this closes the socket with 1009 @default 1 MiB (the HTTP body limit) */
  maxPayloadBytes?: number;
  /** open sockets per client address; more are refused with 429 at the upgrade @default 20 */
  maxConnectionsPerClient?: number;
  /** operations running or subscribed at once on one socket @default 50 */
  maxOperationsPerConnection?: number;
  /** ping period; a socket that does not answer in the next period is dropped @default 12000 */
  keepAliveMs?: number;
  /** the client a connection is counted against (http/client-address.ts) @default the socket's address */
  clientOf?: (req: IncomingMessage) => string;
}

interface Extra {
  socket: WebSocket;
  request: IncomingMessage;
  client: string;
  /** when each operation of this socket arrived, for its latency */
  started: Map<string, bigint>;
}

function bearerToken(value: unknown): string | null {
  const match = /^Bearer\s+(.+)$/i.exec(typeof value === 'string' ? value : '');
  return match?.[1]?.trim() ?? null;
}

function refuseUpgrade(socket: Duplex, status: string, headers: Record<string, string> = {}): void {
  const lines = [`HTTP/1.1 ${status}`, 'Connection: close', 'Content-Length: 0', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  socket.end(`${lines.join('\r\n')}\r\n\r\n`);
}

/** Mounts graphql-ws on `/graphql` of the HTTP server; `dispose` closes every socket (1001) and the server. */
export function mountGraphQLWs<TContext>(options: GraphQLWsOptions<TContext>) {
  const { gate, metrics, logger } = options;
  const maxConnections = options.maxConnectionsPerClient ?? 20;
  const maxOperations = options.maxOperationsPerConnection ?? 50;
  const keepAliveMs = options.keepAliveMs ?? 12_000;
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayloadBytes ?? 1024 * 1024, handleProtocols });
  const connections = new Map<string, number>();
  const format = (errors: readonly GraphQLError[]) => errors.map((error) => options.formatError(error.toJSON(), error));

  const refused = (errors: GraphQLError[], operation?: { name?: { value: string }; operation: string }) => {
    metrics.record({
      operation: metrics.label(operation?.name?.value),
      type: operation?.operation ?? 'unknown',
      outcome: 'refused',
      transport: 'ws',
    });
    return errors;
  };

  const server = makeServer<Record<string, unknown>, Extra>({
    schema: options.schema,
    onSubscribe: async (ctx, id, payload) => {
      const { client } = ctx.extra;
      // ctx.subscriptions already holds this one.
      if (Object.keys(ctx.subscriptions).length > maxOperations) {
        return refused([
          new GraphQLError(`at most ${maxOperations} operations at once on one connection`, { extensions: { code: 'RATE_LIMITED' } }),
        ]);
      }
      const arrival = await gate.arrive(client);
      if (!arrival.allowed) return refused([rateLimited(arrival.retryAfterSeconds)]);
      const admission = await gate.admit(
        { query: payload.query, operationName: payload.operationName, variables: payload.variables },
        client,
      );
      if (!admission.admitted) return refused(admission.errors, admission.operation);
      ctx.extra.started.set(id, process.hrtime.bigint());
      return {
        schema: options.schema,
        document: admission.document,
        operationName: payload.operationName,
        variableValues: payload.variables ?? {},
        contextValue: options.context(bearerToken(ctx.connectionParams?.authorization), client),
      };
    },
    onOperation: (ctx, id, _payload, args, result) => {
      const started = ctx.extra.started.get(id);
      ctx.extra.started.delete(id);
      const streaming = Symbol.asyncIterator in Object(result);
      const errors = streaming ? undefined : (result as { errors?: unknown[] }).errors;
      const operation = args.document.definitions.find(
        (d) => d.kind === 'OperationDefinition' && (!args.operationName || d.name?.value === args.operationName),
      );
      metrics.record({
        operation: metrics.label(operation && 'name' in operation ? operation.name?.value : undefined),
        type: operation && 'operation' in operation ? operation.operation : 'unknown',
        outcome: errors?.length ? 'error' : 'ok',
        transport: 'ws',
        seconds: started === undefined || streaming ? undefined : Number(process.hrtime.bigint() - started) / 1e9,
      });
    },
    // The same formatting (and masking) as HTTP, for results and for refusals alike.
    onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: format(result.errors) } : undefined),
    onError: (_ctx, _id, _payload, errors) => format(errors),
  });

  const open = (socket: WebSocket, request: IncomingMessage, client: string) => {
    connections.set(client, (connections.get(client) ?? 0) + 1);
    // ws closes the socket itself (1009 for an oversized message); the error is the client's, not ours.
    socket.on('error', (error) => logger.warn({ err: error.message, client }, 'graphql-ws socket error'));
    let alive = true;
    socket.on('pong', () => (alive = true));
    const ping = setInterval(() => {
      if (!alive) return socket.terminate();
      alive = false;
      socket.ping();
    }, keepAliveMs);
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve, reject) => {
            if (socket.readyState !== socket.OPEN) return resolve();
            socket.send(data, (error) => (error ? reject(error) : resolve()));
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', async (data) => {
            try {
              await handle(String(data));
            } catch (error) {
              logger.error({ err: error, client }, 'graphql-ws message handling failed');
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            }
          }),
      },
      { socket, request, client, started: new Map() },
    );
    socket.once('close', (code, reason) => {
      clearInterval(ping);
      const left = (connections.get(client) ?? 1) - 1;
      if (left > 0) connections.set(client, left);
      else connections.delete(client);
      void closed(code, String(reason));
    });
  };

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => undefined); // a client that vanishes mid-handshake is no error of ours
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== '/graphql') return refuseUpgrade(socket, '404 Not Found');
    const client = (options.clientOf ?? clientOf)(request);
    if ((connections.get(client) ?? 0) >= maxConnections) {
      logger.warn({ client, maxConnections }, 'graphql-ws connection refused: too many from one client');
      return refuseUpgrade(socket, '429 Too Many Requests', { 'Retry-After': '10' });
    }
    wss.handleUpgrade(request, socket, head, (ws) => open(ws, request, client));
  };
  options.httpServer.on('upgrade', onUpgrade);

  return {
    /** open sockets per client, for tests */
    connections: () => new Map(connections),
    dispose: async () => {
      options.httpServer.off('upgrade', onUpgrade);
      for (const socket of wss.clients) socket.close(1001, 'Going away');
      // ws waits for every socket to finish its closing handshake; one that never answers is cut after a second.
      const cut = setTimeout(() => {
        for (const socket of wss.clients) socket.terminate();
      }, 1000);
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      clearTimeout(cut);
    },
  };
}
