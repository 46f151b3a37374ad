import { createClient, type Client } from 'graphql-ws';
import type { GraphQLFormattedError } from 'graphql';
import WebSocket from 'ws';

/** What one operation over graphql-ws came back with: a result, the error message's errors, or the socket's close. */
export interface WsAnswer {
  data?: any;
  errors?: readonly GraphQLFormattedError[];
  closed?: { code: number; reason: string };
}

/** A real graphql-ws client (the explorer's library) against an app's /graphql, for tests. */
export function wsClient(baseUrl: string, connectionParams: Record<string, unknown> = {}) {
  const client: Client = createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
  });
  /** Runs one query or mutation and resolves with its first answer. */
  const request = (query: string, variables: Record<string, unknown> = {}): Promise<WsAnswer> =>
    new Promise((resolve) => {
      let answered = false;
      const answer = (value: WsAnswer) => {
        if (answered) return;
        answered = true;
        resolve(value);
      };
      client.subscribe(
        { query, variables },
        {
          next: (result) => answer({ data: result.data, errors: result.errors }),
          error: (error: unknown) => {
            if (Array.isArray(error)) return answer({ errors: error as GraphQLFormattedError[] });
            const event = error as { code?: number; reason?: string };
            answer({ closed: { code: event.code ?? 0, reason: String(event.reason ?? '') } });
          },
          complete: () => answer({}),
        },
      );
    });
  return { client, request, dispose: () => client.dispose() };
}
