/**
 * The urql client: queries over HTTP and subscriptions over graphql-ws, both on the same-origin `/graphql`
 * (the server serves the client and the API on one origin). Reports the live connection's state so the UI can
 * say whether live updates are flowing.
 */
import { cacheExchange, Client, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient } from 'graphql-ws';

/** `idle` until the first subscription opens the socket (it is opened lazily). */
export type LiveConnection = 'idle' | 'connecting' | 'connected' | 'closed';

export interface ApiClient {
  client: Client;
  /** the state of the subscription socket, and a way to follow it */
  connection(): LiveConnection;
  onConnection(listener: (state: LiveConnection) => void): () => void;
  dispose(): void;
}

/** ws(s)://host/graphql for http(s)://host. */
export function graphqlWebSocketUrl(location: Pick<Location, 'protocol' | 'host'>, path = '/graphql'): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${path}`;
}

/**
 * @param token the admin token (api/admin-token.ts), sent as `Authorization: Bearer …` over HTTP and as the
 * `authorization` connection parameter over graphql-ws; null: anonymous
 */
export function createApiClient(location: Pick<Location, 'protocol' | 'host'> = window.location, token: string | null = null): ApiClient {
  const authorization = token ? `Bearer ${token}` : null;
  let state: LiveConnection = 'idle';
  const listeners = new Set<(state: LiveConnection) => void>();
  const set = (next: LiveConnection) => {
    state = next;
    for (const listener of listeners) listener(next);
  };
  const ws = createWsClient({
    url: graphqlWebSocketUrl(location),
    lazy: true,
    connectionParams: () => (authorization ? { authorization } : {}),
    // A dropped socket (server restart, laptop asleep) comes back on its own; subscriptions resume.
    retryAttempts: Infinity,
    shouldRetry: () => true,
    on: {
      connecting: () => set('connecting'),
      connected: () => set('connected'),
      closed: () => set('closed'),
    },
  });
  const client = new Client({
    url: '/graphql',
    preferGetMethod: false,
    fetchOptions: () => (authorization ? { headers: { authorization } } : {}),
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
  return {
    client,
    connection: () => state,
    onConnection(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      listeners.clear();
      void ws.dispose();
    },
  };
}
