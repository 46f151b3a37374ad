import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { useServer } from 'graphql-ws/use/ws';
import type { Driver } from 'neo4j-driver';
import type { Pool } from 'pg';
import { WebSocketServer } from 'ws';
import type { ServerConfig } from './config';
import type { GraphQLContext } from './context';
import { isNeo4jReachable, isPostgresReachable } from './db/health-checks';
import { createNeo4jDriver } from './db/neo4j';
import { createPostgresPool } from './db/postgres';
import { createLogger, type Logger } from './logger';
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

/** Builds the app from its config; nothing listens until `listen` is called. */
export async function buildApp(config: ServerConfig): Promise<App> {
  const logger = createLogger(config.logLevel);
  const pg = createPostgresPool({ connectionString: config.databaseUrl });
  const neo4j = createNeo4jDriver({ uri: config.neo4jUri, user: config.neo4jUser, password: config.neo4jPassword });
  const schema = buildSchema();

  const app = express();
  const httpServer = createServer(app);
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const context = (requestId: string): GraphQLContext => ({
    config,
    pg,
    neo4j,
    logger: logger.child({ requestId }),
    requestId,
  });
  const wsCleanup = useServer({ schema, context: () => context(randomUUID()) }, wsServer);

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    includeStacktraceInErrorResponses: config.nodeEnv !== 'production',
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { serverWillStart: async () => ({ drainServer: async () => wsCleanup.dispose() }) },
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/readyz', async (_req, res) => {
    const [postgres, graph] = await Promise.all([isPostgresReachable(pg), isNeo4jReachable(neo4j)]);
    res.status(postgres && graph ? 200 : 503).json({ ok: postgres && graph, postgres, neo4j: graph });
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => context(String(req.headers['x-request-id'] ?? randomUUID())),
    }),
  );

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
      await Promise.all([pg.end(), neo4j.close()]);
    },
  };
}
