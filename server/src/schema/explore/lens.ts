import { badInput, requireNumericId } from '../../errors';

/** A validated LensInput: setlists of any of these DJs (artist ids), and/or dated within [from, to]. */
export interface Lens {
  djIds: number[] | null;
  from: string | null;
  to: string | null;
}

/** What the GraphQL LensInput hands a resolver. */
export interface LensArgument {
  djIds?: readonly string[] | null;
  from?: string | null;
  to?: string | null;
}

const MAX_DJS = 50;

export function requireDate(argument: string, value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !date || date.toISOString().slice(0, 10) !== value) {
    throw badInput(`${argument} must be a calendar date YYYY-MM-DD (got ${JSON.stringify(value).slice(0, 40)})`, argument);
  }
  return value;
}

/**
 * The lens a request asked for, or null when it restricts nothing (no lens, or one with no DJs and no dates): then
 * the gold graph answers. An empty djIds list means "any DJ", as an era slider alone does.
 */
export function readLens(input: LensArgument | null | undefined): Lens | null {
  if (!input) return null;
  const ids = input.djIds ?? [];
  if (ids.length > MAX_DJS) throw badInput(`lens.djIds takes at most ${MAX_DJS} DJs (got ${ids.length})`, 'lens.djIds');
  const djIds = ids.length > 0 ? [...new Set(ids.map((id) => requireNumericId('lens.djIds', id)))] : null;
  const from = input.from != null ? requireDate('lens.from', input.from) : null;
  const to = input.to != null ? requireDate('lens.to', input.to) : null;
  if (from && to && from > to) throw badInput(`lens.from (${from}) is after lens.to (${to})`, 'lens.from');
  if (!djIds && !from && !to) return null;
  return { djIds, from, to };
}

/** The lens as the first three parameters of every sql/queries/api/explore/lens-*.sql. */
export function lensParams(lens: Lens): unknown[] {
  return [lens.djIds, lens.from, lens.to];
}
