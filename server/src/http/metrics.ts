import type { ApolloServerPlugin } from '@apollo/server';
import type { Pool } from 'pg';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { LiveEvents } from '../live/events';

/** Prometheus metrics of one server: requests by operation, the PostgreSQL pool, open subscriptions. */
export function createMetrics(pg: Pool, events: LiveEvents) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'songnodes_graphql_requests_total',
    help: 'GraphQL operations by name, type and outcome',
    labelNames: ['operation', 'type', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'songnodes_graphql_request_seconds',
    help: 'GraphQL operation latency by name',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: 'songnodes_pg_pool_connections',
    help: 'PostgreSQL pool connections by state',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      this.set({ state: 'total' }, pg.totalCount);
      this.set({ state: 'idle' }, pg.idleCount);
      this.set({ state: 'waiting' }, pg.waitingCount);
    },
  });
  new Gauge({
    name: 'songnodes_subscriptions',
    help: 'open GraphQL subscriptions by channel',
    labelNames: ['channel'] as const,
    registers: [registry],
    collect() {
      for (const [channel, count] of Object.entries(events.counts())) this.set({ channel }, count);
    },
  });

  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, operation, errors }) {
          const name = operationName ?? 'anonymous';
          requests.inc({ operation: name, type: operation?.operation ?? 'unknown', outcome: errors?.length ? 'error' : 'ok' });
          latency.observe({ operation: name }, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
  return { registry, plugin };
}
