import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  parse,
  print,
  typeFromAST,
  visit,
  type DefinitionNode,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  type OperationDefinitionNode,
} from 'graphql';
import pino from 'pino';
import { buildSchema } from '../schema';
import { createErrorFormatter } from './format-error';
import { DEFAULT_GATE_LIMITS, Gate, type Admission, type OperationRequest } from './gate';
import { CLIENT_DOCUMENTS_DIR } from './operation-names';

// The gate against the real schema, no database: what it admits, what it refuses and why, what it remembers.
const schema = buildSchema();
const format = createErrorFormatter(pino({ level: 'silent' }), true);
const roomy = { perSecond: 1e6, burst: 1e6 };

async function ask(gate: Gate, request: OperationRequest | string, client = 'c'): Promise<Admission> {
  return gate.admit(typeof request === 'string' ? { query: request } : request, client);
}

/** The refusal as a client receives it: the formatter's code and message of the first error. */
async function refusal(gate: Gate, request: OperationRequest | string) {
  const admission = await ask(gate, request);
  expect(admission.admitted).toBe(false);
  const error = (admission as Extract<Admission, { admitted: false }>).errors[0]!;
  const formatted = format(error.toJSON(), error);
  return { code: formatted.extensions?.code, message: formatted.message, extensions: formatted.extensions };
}

async function costOf(gate: Gate, request: OperationRequest | string): Promise<number> {
  const admission = await ask(gate, request);
  if (!admission.admitted) throw new Error(`refused: ${admission.errors.map((e) => e.message).join('; ')}`);
  return admission.cost;
}

/** The explorer's operations, each with the fragments it uses, as urql sends them. */
function clientOperations(): { name: string; query: string; operation: OperationDefinitionNode }[] {
  const definitions: DefinitionNode[] = readdirSync(CLIENT_DOCUMENTS_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .flatMap((f) => parse(readFileSync(join(CLIENT_DOCUMENTS_DIR, f), 'utf8')).definitions);
  const fragments = new Map(
    definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const used = (node: DefinitionNode, into = new Set<string>()) => {
    visit(node, {
      FragmentSpread: (s) => {
        if (into.has(s.name.value)) return;
        into.add(s.name.value);
        used(fragments.get(s.name.value)!, into);
      },
    });
    return into;
  };
  return definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => ({
      name: operation.name!.value,
      operation,
      query: [operation, ...[...used(operation)].map((n) => fragments.get(n)!)].map((d) => print(d)).join('\n'),
    }));
}

/** A valid value of an input type: an enum's first value, a one-item list, a plausible scalar. */
function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [sampleValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]?.name;
  if (isInputObjectType(type)) return {};
  const samples: Record<string, unknown> = { ID: '1', String: 'robert hood', Int: 1, Float: 1, Boolean: true, Date: '2020-01-01' };
  return samples[type.name] ?? 'x';
}

/** Values for an operation's required variables, by type. */
function requiredVariables(operation: OperationDefinitionNode): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.type.kind !== Kind.NON_NULL_TYPE) continue;
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (!type) throw new Error(`unknown type ${print(definition.type)} of $${definition.variable.name.value}`);
    values[definition.variable.name.value] = sampleValue(type);
  }
  return values;
}

describe('the gate admits what the explorer asks', () => {
  const gate = new Gate(schema, { production: true, rateLimit: roomy });
  const operations = clientOperations();

  it('finds the explorer operations', () => {
    expect(operations.map((o) => o.name).sort()).toEqual(
      expect.arrayContaining([
        'GraphChanged',
        'Neighbourhood',
        'Path',
        'Recommendations',
        'SearchTracks',
        'TrackDetails',
        'TransitionDetails',
      ]),
    );
  });

  it.each(clientOperations().map((o) => [o.name, o] as const))('%s passes with its variables at their defaults', async (_name, o) => {
    const cost = await costOf(gate, { query: o.query, operationName: o.name, variables: requiredVariables(o.operation) });
    expect(cost).toBeGreaterThan(0);
    expect(cost).toBeLessThanOrEqual(DEFAULT_GATE_LIMITS.maxCost);
  });

  it('Neighbourhood passes at the largest depth and limit the explorer asks for (depth 3, limit 500)', async () => {
    const o = operations.find((x) => x.name === 'Neighbourhood')!;
    await costOf(gate, { query: o.query, variables: { trackId: '1', depth: 3, limit: 500 } });
  });
});

describe('the gate refuses, as BAD_USER_INPUT with a message that says why', () => {
  const gate = new Gate(schema, { production: true, rateLimit: roomy });

  it('a document over the token limit (140,000 repeated fields; 5,000 nesting levels) is refused at parse', async () => {
    const repeated = await refusal(gate, `{ stats { ${'tracks '.repeat(140_000)} } }`);
    expect(repeated).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { reason: 'GRAPHQL_PARSE_FAILED' } });
    expect(repeated.message).toMatch(/more th\w+ 1000 tokens/);
    const nested = await refusal(gate, `{ track(id: "1") { ${'strongestOutgoing { to { '.repeat(2500)} id ${'} } '.repeat(2500)} } }`);
    expect(nested.message).toMatch(/tokens/);
  });

  it('a query deeper than the limit (the nested strongestOutgoing that ran 19 s)', async () => {
    const deep = await refusal(gate, `{ track(id: "1") { ${'strongestOutgoing(first: 50) { to { '.repeat(7)} id ${'} } '.repeat(7)} } }`);
    expect(deep).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { reason: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(deep.message).toMatch(/depth limit of 12 exceeded/);
  });

  it('more aliases than the limit (3,000 aliased neighbourhoods are over the token limit already)', async () => {
    const aliases = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: neighbourhood(trackId: "1", limit: 1) { truncated }`).join(' ')} }`;
    expect((await refusal(gate, aliases(16))).message).toMatch(/Aliases limit of 15 exceeded, found 16/);
    expect((await refusal(gate, aliases(3000))).code).toBe('BAD_USER_INPUT');
    await costOf(gate, aliases(15));
  });

  it('more directives than the limit', async () => {
    const fields = ['tracks', 'artists', 'transitions', 'setlists', 'lastSyncAt', 'lastCrawlAt'];
    const twice = [...fields, ...fields].map((f) => `... @include(if: true) @skip(if: false) { ${f} }`);
    const directives = `{ stats { ${twice.join(' ')} } }`;
    expect((await refusal(gate, directives)).message).toMatch(/Directives limit of 20 exceeded/);
  });

  it('a field repeated more than 5 times in one selection set, inline fragments included', async () => {
    expect((await refusal(gate, `{ stats { ${'tracks '.repeat(6)} } }`)).message).toMatch(/"tracks" is selected more than 5 times/);
    expect((await refusal(gate, `{ stats { ${'... on Stats { tracks } '.repeat(6)} } }`)).message).toMatch(
      /"tracks" is selected more than 5/,
    );
    await costOf(gate, `{ stats { ${'tracks '.repeat(5)} } }`);
  });

  it('a fragment bomb: more fields than the node cap once fragments are expanded', async () => {
    const levels = ['fragment F0 on Track { id title version artistCredit plays credits { role artist { id name } } }'];
    for (let i = 1; i <= 4; i++) {
      const p = `F${i - 1}`;
      levels.push(
        `fragment F${i} on Track { strongestOutgoing { to { ...${p} } from { ...${p} } } strongestIncoming { to { ...${p} } from { ...${p} } } }`,
      );
    }
    const bomb = await refusal(gate, `{ track(id: "1") { ...F4 } } ${levels.join(' ')}`);
    expect(bomb.code).toBe('BAD_USER_INPUT');
    expect(bomb.message).toBe('query selects more than 2000 fields (fragments expanded)');
  });

  it('a query over the cost limit, with the numbers', async () => {
    const costly = await refusal(
      gate,
      '{ neighbourhood(trackId: "1", depth: 3, limit: 500) { edges { setlists(first: 50) { edges { node { title } } } } } }',
    );
    expect(costly).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { maxCost: 20000 } });
    expect(costly.message).toMatch(/query would cost \d+; at most 20000/);
  });

  it('an operation it cannot pick, and variables that do not fit', async () => {
    expect((await refusal(gate, 'query A { stats { tracks } } query B { stats { tracks } }')).extensions).toMatchObject({
      reason: 'OPERATION_RESOLUTION_FAILURE',
    });
    expect((await refusal(gate, { query: 'query A { stats { tracks } }', operationName: 'C' })).message).toMatch(
      /Unknown operation named "C"/,
    );
    const badVariable = await refusal(gate, {
      query: 'query($l: Int) { neighbourhood(trackId: "1", limit: $l) { truncated } }',
      variables: { l: 'many' },
    });
    expect(badVariable.code).toBe('BAD_USER_INPUT');
    expect(badVariable.message).toMatch(/\$l/);
  });

  it('introspection in production, not in development', async () => {
    expect((await refusal(gate, '{ __schema { types { name } } }')).message).toMatch(/introspection/i);
    await costOf(new Gate(schema, { production: false, rateLimit: roomy }), '{ __schema { types { name } } }');
  });
});

describe('the cost model', () => {
  const gate = new Gate(schema, { production: true, rateLimit: roomy });

  it('counts every alias and repeated root field: two aliases cost twice one', async () => {
    const one = await costOf(gate, '{ a: neighbourhood(trackId: "1", limit: 1) { truncated } }');
    const two = await costOf(
      gate,
      '{ a: neighbourhood(trackId: "1", limit: 1) { truncated } b: neighbourhood(trackId: "2", limit: 1) { truncated } }',
    );
    expect(two).toBe(2 * one);
    // a root field's statement counts once, whatever it returns
    expect(one).toBe(DEFAULT_GATE_LIMITS.statementCost + 2);
  });

  it('multiplies rows by first / limit and statements by depth / maxHops, given as literals or variables, defaults included', async () => {
    const q = 'query($limit: Int, $depth: Int) { neighbourhood(trackId: "1", limit: $limit, depth: $depth) { truncated } }';
    expect(await costOf(gate, { query: q, variables: { limit: 10, depth: 2 } })).toBe(2 * 10 + 100 * 2);
    expect(await costOf(gate, { query: q, variables: { limit: 400, depth: 1 } })).toBe(2 * 400 + 100);
    expect(await costOf(gate, { query: q })).toBe(2 * 50 + 100); // limit defaults to 50, depth to 1
    expect(await costOf(gate, '{ path(fromId: "1", toId: "2") { hops } }')).toBe(2 + 100 * 6); // maxHops defaults to 6
    expect(await costOf(gate, '{ track(id: "1") { strongestOutgoing(first: 3) { weight to { id } } } }')).toBe(1 + (1 + 1 + 2) * 3 + 100);
  });

  it('is remembered per document and the variables that feed it, not per id or search word', async () => {
    const q = 'query($id: ID!, $limit: Int) { neighbourhood(trackId: $id, limit: $limit) { truncated } }';
    const first = await ask(gate, { query: q, variables: { id: '1', limit: 5 } });
    const second = await ask(gate, { query: q, variables: { id: '2', limit: 5 } });
    expect(first.admitted && second.admitted && first.document).toBe(second.admitted && second.document);
    expect(gate.prepare(q)).toBe(gate.prepare(q));
    expect(await costOf(gate, { query: q, variables: { id: '3', limit: 6 } })).toBe(2 * 6 + 100);
  });
});

describe('the rate limit, in work units', () => {
  it('an operation spends one unit per 500 of cost, the first when it arrives; over budget it is RATE_LIMITED', async () => {
    const gate = new Gate(schema, { production: true, rateLimit: { perSecond: 0.1, burst: 10 } });
    // cost 2 * 500 + 100 * 3 = 1300: 3 units, one on arrival and two on admission; a budget of 10 takes three
    const q = '{ neighbourhood(trackId: "1", depth: 3, limit: 500) { truncated } }';
    const run = async (client: string) => (await gate.arrive(client)).allowed && (await ask(gate, q, client)).admitted;
    expect([await run('a'), await run('a'), await run('a')]).toEqual([true, true, true]);
    expect((await gate.arrive('a')).allowed).toBe(true); // the 10th unit
    const over = await ask(gate, q, 'a');
    expect(over).toMatchObject({
      admitted: false,
      retryAfterSeconds: expect.any(Number),
      errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'RATE_LIMITED' }) })],
    });
    expect(await run('b')).toBe(true); // another client has its own budget
  });
});
