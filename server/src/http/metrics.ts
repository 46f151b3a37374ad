import type { ApolloServerPlugin } from '@apollo/server';
import type { Pool } from 'pg';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { LiveEvents } from '../live/events';

/** How one operation ended: answered without errors, answered with errors, or refused by the gate. */
export type Outcome = 'ok' | 'error' | 'refused';
export type Transport = 'http' | 'ws';

/** One operation as /metrics counts it; `operation` must already be a bounded label (http/operation-names.ts). */
export interface OperationRecord {
  operation: string;
  type: string;
  outcome: Outcome;
  transport: Transport;
  /** seconds from arrival to the (first) answer, when there is one */
  seconds?: number;
}

/** Prometheus metrics of one server: operations by name, type, outcome and transport; the PostgreSQL pool; subscriptions. */
export function createMetrics(pg: Pool, events: LiveEvents, label: (name: string | null | undefined) => string) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'songnodes_graphql_requests_total',
    help: "GraphQL operations by name (the explorer's own, anonymous or other), type, outcome and transport",
    labelNames: ['operation', 'type', 'outcome', 'transport'] as const,
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

  const record = ({ operation, type, outcome, transport, seconds }: OperationRecord) => {
    requests.inc({ operation, type, outcome, transport });
    if (seconds !== undefined) latency.observe({ operation }, seconds);
  };

  /** Operations Apollo executed (HTTP); the gate's refusals are recorded where they happen. */
  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, operation, errors }) {
          record({
            operation: label(operationName),
            type: operation?.operation ?? 'unknown',
            outcome: errors?.length ? 'error' : 'ok',
            transport: 'http',
            seconds: Number(process.hrtime.bigint() - started) / 1e9,
          });
        },
      };
    },
  };
  return { registry, plugin, record, label };
}

export type Metrics = ReturnType<typeof createMetrics>;
