import { describe, expect, it } from 'vitest';
import { graphqlWebSocketUrl } from './create-api-client';

describe('graphqlWebSocketUrl', () => {
  it('uses the page origin, secure when the page is', () => {
    expect(graphqlWebSocketUrl({ protocol: 'http:', host: 'localhost:4000' })).toBe('ws://localhost:4000/graphql');
    expect(graphqlWebSocketUrl({ protocol: 'https:', host: 'songnodes.example' })).toBe('wss://songnodes.example/graphql');
  });
});
