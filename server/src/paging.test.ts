import { GraphQLError } from 'graphql';
import { decodeCursor, encodeCursor, toConnection } from './paging';

describe('cursors', () => {
  it('decodes to the offset after the one encoded, and no cursor to the start', () => {
    expect(decodeCursor(encodeCursor(0))).toBe(1);
    expect(decodeCursor(encodeCursor(41))).toBe(42);
    expect(decodeCursor(null)).toBe(0);
    expect(decodeCursor(undefined)).toBe(0);
  });

  it.each([
    'not-a-cursor',
    '',
    Buffer.from('offset:-1').toString('base64url'),
    Buffer.from('offset:1234567890').toString('base64url'),
    Buffer.from('offset:1 ').toString('base64url'),
  ])('refuses a cursor this API did not give out (%j) as BAD_USER_INPUT naming the argument', (cursor) => {
    let thrown: unknown;
    try {
      decodeCursor(cursor, 'after');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(GraphQLError);
    expect((thrown as GraphQLError).extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'after' });
  });
});

describe('toConnection', () => {
  it('pages rows fetched with one extra, which only says there is a next page', () => {
    const page = toConnection(['a', 'b', 'c'], 2, 10);
    expect(page.edges.map((e) => e.node)).toEqual(['a', 'b']);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor(11) });
    expect(decodeCursor(page.edges[0]!.cursor)).toBe(11);
    expect(decodeCursor(page.pageInfo.endCursor)).toBe(12);
  });

  it('the last page has no next page, and an empty page no end cursor', () => {
    expect(toConnection(['a'], 2, 0).pageInfo).toEqual({ hasNextPage: false, endCursor: encodeCursor(0) });
    expect(toConnection([], 2, 4)).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });
});
