import { badInput } from './errors';

/** Opaque cursors over offsets: clients must not build them, only pass back what they got. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, argument = 'after'): number {
  if (cursor == null) return 0;
  const match = /^offset:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badInput(`${argument} is not a cursor this API gave out`, argument);
  return Number(match[1]) + 1;
}

/** A Relay-style page from rows fetched with limit + 1 (the extra row only says there is a next page). */
export function toConnection<T>(rows: T[], first: number, offset: number) {
  const page = rows.slice(0, first);
  return {
    edges: page.map((node, i) => ({ node, cursor: encodeCursor(offset + i) })),
    pageInfo: { hasNextPage: rows.length > first, endCursor: page.length > 0 ? encodeCursor(offset + page.length - 1) : null },
  };
}
