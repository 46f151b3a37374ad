import {
  getOperationAST,
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ParseOptions,
  type ValidationRule,
} from 'graphql';
import { shapeRules, type ShapeLimits } from './gate-rules';
import { createCostModel, type CostLimits } from './query-cost';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitOptions, type RateVerdict } from './rate-limit';

/** Every limit of the gate (README, "Protection"). */
export interface GateLimits extends ShapeLimits, CostLimits {
  /** lexical tokens a document may have (graphql-js's `maxTokens`; comments are not tokens) @default 1000 */
  maxTokens: number;
  /** cost of one rate-limit work unit: an operation spends ceil(cost / costPerUnit) units, at least 1 @default 500 */
  costPerUnit: number;
}

export const DEFAULT_GATE_LIMITS: GateLimits = {
  maxTokens: 1000,
  maxDepth: 12,
  maxAliases: 15,
  maxDirectives: 20,
  maxFieldRepeats: 5,
  maxNodes: 2000,
  maxCost: 20_000,
  statementCost: 100,
  costPerUnit: 500,
};

/** Options of the gate. */
export interface GateOptions {
  limits?: Partial<GateLimits>;
  rateLimit?: RateLimitOptions;
  /** production refuses introspection, as Apollo does by default there */
  production: boolean;
}

/** One GraphQL operation as any transport receives it. */
export interface OperationRequest {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/** The gate's answer: the operation to execute, or the errors to answer with (and when to come back, if rate-limited). */
export type Admission =
  | { admitted: true; document: DocumentNode; operation: OperationDefinitionNode; cost: number }
  | { admitted: false; errors: GraphQLError[]; retryAfterSeconds?: number; operation?: OperationDefinitionNode };

type Prepared = { document: DocumentNode } | { errors: GraphQLError[] };

const coded = (errors: readonly GraphQLError[], code: string) =>
  errors.map(
    (e) => new GraphQLError(e.message, { nodes: e.nodes, source: e.source, positions: e.positions, extensions: { ...e.extensions, code } }),
  );

/** Documents remembered (valid or refused), and the longest query text remembered. */
const PREPARED_ENTRIES = 500;
const PREPARED_MAX_QUERY_LENGTH = 20_000;

/**
 * The one gate every GraphQL operation passes, whatever the transport (HTTP: http/graphql-handler.ts; graphql-ws:
 * http/graphql-ws.ts): the token limit at parse, the shape rules (depth, aliases, directives, repeated fields)
 * before graphql-js's own validation, the cost model, and the client's rate-limit budget in work units. What depends
 * only on the query text (parse and validation, valid or not) is remembered per text; costs per document
 * (http/query-cost.ts).
 */
export class Gate {
  readonly limits: GateLimits;
  readonly parseOptions: ParseOptions;
  private readonly shape: ValidationRule[];
  private readonly rules: ValidationRule[];
  private readonly costOf: ReturnType<typeof createCostModel>;
  private readonly rateLimiter: RateLimiter;
  private readonly prepared = new Map<string, Prepared>();

  constructor(
    private readonly schema: GraphQLSchema,
    options: GateOptions,
  ) {
    this.limits = { ...DEFAULT_GATE_LIMITS, ...options.limits };
    this.parseOptions = { maxTokens: this.limits.maxTokens };
    this.shape = shapeRules(this.limits);
    this.rules = options.production ? [...specifiedRules, NoSchemaIntrospectionCustomRule] : [...specifiedRules];
    this.costOf = createCostModel(schema, this.limits);
    this.rateLimiter = new RateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  }

  /**
   * A request arrived (before anything is parsed): it spends the first work unit of its operation, so a flood of
   * malformed requests is limited too.
   */
  arrive(client: string): Promise<RateVerdict> {
    return this.rateLimiter.spend(client, 1);
  }

  /** Parses, validates, costs and charges one operation of `client` (that has `arrive`d). */
  async admit(request: OperationRequest, client: string): Promise<Admission> {
    const prepared = this.prepare(request.query);
    if ('errors' in prepared) return { admitted: false, errors: prepared.errors };
    const { document } = prepared;
    const operation = getOperationAST(document, request.operationName ?? undefined);
    if (!operation) {
      const message = request.operationName
        ? `Unknown operation named "${request.operationName}".`
        : 'Must provide operation name if query contains multiple operations.';
      return { admitted: false, errors: [new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } })] };
    }
    const verdict = this.costOf(document, operation, request.variables ?? {});
    if ('error' in verdict) return { admitted: false, errors: [verdict.error], operation };
    const units = Math.max(1, Math.ceil(verdict.cost / this.limits.costPerUnit));
    const rate = await this.rateLimiter.spend(client, units - 1);
    if (!rate.allowed)
      return { admitted: false, errors: [rateLimited(rate.retryAfterSeconds)], retryAfterSeconds: rate.retryAfterSeconds, operation };
    return { admitted: true, document, operation, cost: verdict.cost };
  }

  /** The parsed and validated document of a query text, or why it is refused; remembered per text. */
  prepare(query: string): Prepared {
    const known = this.prepared.get(query);
    if (known) return known;
    const prepared = this.parseAndValidate(query);
    if (query.length <= PREPARED_MAX_QUERY_LENGTH) {
      if (this.prepared.size >= PREPARED_ENTRIES) this.prepared.delete(this.prepared.keys().next().value as string);
      this.prepared.set(query, prepared);
    }
    return prepared;
  }

  private parseAndValidate(query: string): Prepared {
    let document: DocumentNode;
    try {
      document = parse(query, this.parseOptions);
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      return { errors: coded([error], 'GRAPHQL_PARSE_FAILED') };
    }
    // The shape rules first, alone: graphql-js's own rules are not all linear in the document.
    const misshapen = validate(this.schema, document, this.shape);
    if (misshapen.length > 0) return { errors: coded(misshapen, 'GRAPHQL_VALIDATION_FAILED') };
    const invalid = validate(this.schema, document, this.rules);
    if (invalid.length > 0) return { errors: coded(invalid, 'GRAPHQL_VALIDATION_FAILED') };
    return { document };
  }
}

/** The refusal of an operation over the client's budget. */
export function rateLimited(retryAfterSeconds: number): GraphQLError {
  return new GraphQLError('too many requests; slow down', { extensions: { code: 'RATE_LIMITED', retryAfterSeconds } });
}
