import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import express, { type Request } from 'express';
import type { Driver } from 'neo4j-driver';
import type { Pool } from 'pg';
import type { ServerConfig } from './config';
import type { GraphQLContext } from './context';
import { createGoldPool, parseGoldUris } from './db/gold-pool';
import { checkNeo4j, checkPostgres } from './db/health-checks';
import { createNeo4jDriver } from './db/neo4j';
import { createPostgresPool } from './db/postgres';
import { createErrorFormatter } from './http/format-error';
import { Gate, type GateLimits } from './http/gate';
import { clientAddressOf } from './http/client-address';
import { createGraphQLHandler, requestIdOf, type GraphQLHandler } from './http/graphql-handler';
import { mountGraphQLWs, type GraphQLWsOptions } from './http/graphql-ws';
import { IDE_HTML } from './http/ide';
import { createMetrics } from './http/metrics';
import { operationLabeller, readOperationNames } from './http/operation-names';
import { responseStatusPlugin } from './http/response-status';
import { RateLimiter, type RateLimitOptions } from './http/rate-limit';
import { LiveEvents, type ReconnectBackoff } from './live/events';
import { createLoaders } from './loaders';
import { createLogger, type Logger } from './logger';
import { repoRoot } from './paths';
import { buildSchema } from './schema';

/** The running API: one HTTP server with GraphQL over HTTP and graphql-ws on /graphql. */
export interface App {
  httpServer: Server;
  pg: Pool;
  neo4j: Driver;
  logger: Logger;
  /** the gate every operation passes (http/gate.ts) */
  gate: Gate;
  /** starts listening (port 0 picks a free port) on `host` (HOST, default 127.0.0.1) and resolves with the base URL */
  listen(port?: number, host?: string): Promise<string>;
  /** stops accepting, drains requests and subscriptions, closes the database clients */
  close(): Promise<void>;
}

/** Knobs tests and benchmarks may turn; production uses the defaults. */
export interface AppOptions {
  /** the gate's limits (http/gate.ts DEFAULT_GATE_LIMITS) */
  limits?: Partial<GateLimits>;
  /** the per-client budget in work units @default 50/s, burst 200 */
  rateLimit?: RateLimitOptions;
  /** graphql-ws transport limits (message size, connections per client, operations per connection) */
  webSocket?: Pick<GraphQLWsOptions<unknown>, 'maxPayloadBytes' | 'maxConnectionsPerClient' | 'maxOperationsPerConnection' | 'keepAliveMs'>;
  /** LISTEN reconnection backoff @default 250 ms doubling to 10 s */
  listenBackoff?: Partial<ReconnectBackoff>;
  /** the built explorer to serve at / @default client/dist when it exists */
  clientDir?: string | null;
}

const isGraphQLPath = (url: string | undefined) => url === '/graphql' || (url?.startsWith('/graphql?') ?? false);

/** A browser opening /graphql (HTML wanted, no query asked): development serves it the IDE page. */
function isIdeVisit(req: IncomingMessage): boolean {
  return req.method === 'GET' && /text\/html/.test(req.headers.accept ?? '') && !/[?&]query=/.test(req.url ?? '');
}

function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  return match?.[1]?.trim() ?? null;
}

/** An address for the URL `listen` resolves with: a wildcard address is reached through loopback. */
function reachableHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/** Builds the app from its config; nothing listens until `listen` is called. */
export async function buildApp(config: ServerConfig, options: AppOptions = {}): Promise<App> {
  const logger = createLogger(config.logLevel);
  const pg = createPostgresPool({ connectionString: config.databaseUrl, logger });
  // NEO4J_URI may list several gold instances: each request reads from one of them (db/gold-pool.ts).
  const gold = await createGoldPool({
    uris: parseGoldUris(config.neo4jUri),
    createDriver: (uri) => createNeo4jDriver({ uri, user: config.neo4jUser, password: config.neo4jPassword }),
    logger,
  });
  const neo4j = gold.driver;
  const events = new LiveEvents(config.databaseUrl, logger, options.listenBackoff);
  await events.start();
  const schema = buildSchema();
  const production = config.nodeEnv === 'production';
  const metrics = createMetrics(pg, events, operationLabeller(readOperationNames()));
  const gate = new Gate(schema, { limits: options.limits, rateLimit: options.rateLimit, production });
  const formatError = createErrorFormatter(logger, production);

  const app = express();
  app.disable('x-powered-by');
  // /graphql goes straight to Apollo (http/graphql-handler.ts), except a browser's visit to the IDE page.
  let handleGraphQL: GraphQLHandler | undefined;
  const httpServer = createServer((req, res) => {
    if (handleGraphQL && isGraphQLPath(req.url) && !(isIdeVisit(req) && !production)) {
      const requestId = requestIdOf(req, randomUUID);
      res.setHeader('x-request-id', requestId);
      void handleGraphQL(req, res, requestId);
      return;
    }
    app(req, res);
  });
  // anonymous requestTrack calls: trackRequestsPerHour per client, in the gate's limiter (http/rate-limit.ts)
  const trackRequestLimiter = new RateLimiter({ perSecond: config.trackRequestsPerHour / 3600, burst: config.trackRequestsPerHour });
  const context = (requestId: string, token: string | null, client: string): GraphQLContext => {
    const graph = gold.pick();
    return {
      config,
      pg,
      neo4j: graph,
      logger: logger.child({ requestId }),
      requestId,
      loaders: createLoaders(graph, pg),
      token,
      client,
      trackRequestLimiter,
      events,
    };
  };

  const clientOfRequest = clientAddressOf(config.trustProxy);
  const webSocket = mountGraphQLWs({
    ...options.webSocket,
    httpServer,
    schema,
    gate,
    formatError,
    metrics,
    logger,
    context: (token, client) => context(randomUUID(), token, client),
    clientOf: clientOfRequest,
  });

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    // main.ts handles SIGINT/SIGTERM: close() drains and exits 0. Apollo's own handler would stop Apollo and then
    // re-raise the signal, killing the process (exit 143) before the database clients are closed.
    stopOnTerminationSignals: false,
    // The gate (http/gate.ts) has parsed, validated and costed every operation before Apollo sees it; Apollo parses
    // with the same token limit and validates again (graphql-js's rules, cached per document) as a second line.
    parseOptions: gate.parseOptions,
    introspection: !production,
    // A persisted-query hash carries no query text for the gate to read.
    persistedQueries: false,
    formatError,
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { serverWillStart: async () => ({ drainServer: async () => webSocket.dispose() }) },
      ApolloServerPluginLandingPageDisabled(),
      // No field sets cache hints and this is no federated subgraph: the default cache-control and inline-trace
      // plugins would still look at every request.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      responseStatusPlugin(),
      metrics.plugin,
    ],
  });
  await apollo.start();

  handleGraphQL = createGraphQLHandler(apollo, {
    gate,
    formatError,
    metrics,
    logger,
    clientOf: clientOfRequest,
    context: async (req, requestId) => context(requestId, bearerToken(req.headers.authorization), clientOfRequest(req)),
  });

  app.use((req, res, next) => {
    const requestId = requestIdOf(req, randomUUID);
    res.setHeader('x-request-id', requestId);
    (req as Request & { requestId: string }).requestId = requestId;
    next();
  });
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  // Each check has its own short deadline and no retry (db/health-checks.ts): "not ready" within 2 s of a database
  // going away, saying whether it is down or hung.
  app.get('/readyz', async (_req, res) => {
    const [postgres, graph] = await Promise.all([checkPostgres(pg), checkNeo4j(neo4j)]);
    const ok = postgres.ok && graph.ok;
    const problems = Object.fromEntries(
      (
        [
          ['postgres', postgres],
          ['neo4j', graph],
        ] as const
      ).flatMap(([name, health]) => (health.ok ? [] : [[name, { state: health.state, message: health.message }]])),
    );
    res.status(ok ? 200 : 503).json({ ok, postgres: postgres.ok, neo4j: graph.ok, ...(ok ? {} : { problems }) });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.get('/graphql', (_req, res) => {
    res.type('html').send(IDE_HTML);
  });
  const clientDir = options.clientDir === undefined ? join(repoRoot, 'client', 'dist') : options.clientDir;
  if (clientDir && existsSync(join(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: 'index.html', maxAge: '1h' }));
    app.get(/^\/(?!graphql|healthz|readyz|metrics).*/, (_req, res) => res.sendFile(join(clientDir, 'index.html')));
  }

  return {
    httpServer,
    pg,
    neo4j,
    logger,
    gate,
    listen: (port = config.port, host = config.host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const { port: bound } = httpServer.address() as AddressInfo;
          resolve(`http://${reachableHost(host)}:${bound}`);
        });
      }),
    close: async () => {
      await apollo.stop();
      await events.close();
      await Promise.all([pg.end(), neo4j.close()]);
    },
  };
}
