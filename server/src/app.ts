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
import { useServer } from 'graphql-ws/use/ws';
import type { Driver } from 'neo4j-driver';
import type { Pool } from 'pg';
import { WebSocketServer } from 'ws';
import type { ServerConfig } from './config';
import type { GraphQLContext } from './context';
import { createGoldPool, parseGoldUris } from './db/gold-pool';
import { isNeo4jReachable, isPostgresReachable } from './db/health-checks';
import { createNeo4jDriver } from './db/neo4j';
import { createPostgresPool } from './db/postgres';
import { createErrorFormatter } from './http/format-error';
import { createGraphQLHandler, requestIdOf, type GraphQLHandler } from './http/graphql-handler';
import { IDE_HTML } from './http/ide';
import { createMetrics } from './http/metrics';
import { DEFAULT_QUERY_LIMITS, depthLimitRule, queryLimitsPlugin, type QueryLimits } from './http/query-limits';
import { responseStatusPlugin } from './http/response-status';
import { RateLimiter, type RateLimitOptions } from './http/rate-limit';
import { LiveEvents } from './live/events';
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
  /** starts listening (port 0 picks a free port) and resolves with the base URL */
  listen(port?: number, host?: string): Promise<string>;
  /** stops accepting, drains requests and subscriptions, closes the database clients */
  close(): Promise<void>;
}

/** Knobs tests and benchmarks may turn; production uses the defaults. */
export interface AppOptions {
  limits?: QueryLimits;
  rateLimit?: RateLimitOptions;
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

/** Builds the app from its config; nothing listens until `listen` is called. */
export async function buildApp(config: ServerConfig, options: AppOptions = {}): Promise<App> {
  const logger = createLogger(config.logLevel);
  const pg = createPostgresPool({ connectionString: config.databaseUrl });
  // NEO4J_URI may list several gold instances: each request reads from one of them (db/gold-pool.ts).
  const gold = await createGoldPool({
    uris: parseGoldUris(config.neo4jUri),
    createDriver: (uri) => createNeo4jDriver({ uri, user: config.neo4jUser, password: config.neo4jPassword }),
    logger,
  });
  const neo4j = gold.driver;
  const events = new LiveEvents(config.databaseUrl, logger);
  await events.start();
  const schema = buildSchema();
  const metrics = createMetrics(pg, events);
  const production = config.nodeEnv === 'production';
  const rateLimiter = new RateLimiter(options.rateLimit ?? { perSecond: 50, burst: 200 });

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
  const context = (requestId: string, token: string | null): GraphQLContext => {
    const graph = gold.pick();
    return {
      config,
      pg,
      neo4j: graph,
      logger: logger.child({ requestId }),
      requestId,
      loaders: createLoaders(graph, pg),
      token,
      events,
    };
  };

  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsCleanup = useServer(
    {
      schema,
      context: (ctx) => context(randomUUID(), bearerToken(String(ctx.connectionParams?.authorization ?? ''))),
    },
    wsServer,
  );

  const limits = options.limits ?? DEFAULT_QUERY_LIMITS;
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    validationRules: [depthLimitRule(limits)],
    formatError: createErrorFormatter(logger, production),
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { serverWillStart: async () => ({ drainServer: async () => wsCleanup.dispose() }) },
      ApolloServerPluginLandingPageDisabled(),
      // No field sets cache hints and this is no federated subgraph: the default cache-control and inline-trace
      // plugins would still look at every request.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      queryLimitsPlugin(schema, limits),
      responseStatusPlugin(),
      metrics.plugin,
    ],
  });
  await apollo.start();

  handleGraphQL = createGraphQLHandler(apollo, {
    rateLimiter,
    logger,
    context: async (req, requestId) => context(requestId, bearerToken(req.headers.authorization)),
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
  app.get('/readyz', async (_req, res) => {
    const [postgres, graph] = await Promise.all([isPostgresReachable(pg), isNeo4jReachable(neo4j)]);
    res.status(postgres && graph ? 200 : 503).json({ ok: postgres && graph, postgres, neo4j: graph });
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
    listen: (port = config.port, host = '0.0.0.0') =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const { port: bound } = httpServer.address() as AddressInfo;
          resolve(`http://127.0.0.1:${bound}`);
        });
      }),
    close: async () => {
      await apollo.stop();
      await events.close();
      await Promise.all([pg.end(), neo4j.close()]);
    },
  };
}
