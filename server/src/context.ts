import type { Driver } from 'neo4j-driver';
import type { Pool } from 'pg';
import type { ServerConfig } from './config';
import type { Loaders } from './loaders';
import type { Logger } from './logger';

/** What every resolver receives. Built per request (HTTP) or per operation (WebSocket). */
export interface GraphQLContext {
  config: ServerConfig;
  pg: Pool;
  neo4j: Driver;
  logger: Logger;
  requestId: string;
  loaders: Loaders;
  /** the bearer token of the request, if any (mutations check it) */
  token: string | null;
  /** the client's address (rate limits) */
  client: string;
  /** anonymous requestTrack calls per client (config trackRequestsPerHour), shared by every request */
  trackRequestLimiter: import('./http/rate-limit').RateLimiter;
  /** shared by every request of this server: LISTEN/NOTIFY fan-out for subscriptions */
  events: import('./live/events').LiveEvents;
}
