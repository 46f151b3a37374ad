import type { Driver } from 'neo4j-driver';
import type { Pool } from 'pg';
import type { ServerConfig } from './config';
import type { Logger } from './logger';

/** What every resolver receives. Built per request (HTTP) or per operation (WebSocket). */
export interface GraphQLContext {
  config: ServerConfig;
  pg: Pool;
  neo4j: Driver;
  logger: Logger;
  requestId: string;
}
