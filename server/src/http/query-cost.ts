import { GraphQLError, visit, type ASTNode, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';

/** Options of the cost model. */
export interface CostLimits {
  /** most expensive operation allowed @default 20000 */
  maxCost: number;
  /** fields an operation may select, fragments expanded (graphql-query-complexity's node cap) @default 2000 */
  maxNodes: number;
  /** what a root field adds for the database statement it runs, whatever it returns @default 100 */
  statementCost: number;
}

/** The arguments whose values the estimator reads: a cost depends on the variables only through these. */
const COST_ARGUMENTS = new Set(['first', 'limit', 'depth', 'maxHops']);

/**
 * The cost of one field: its own 1 and its children's, times the rows it can return (`first` / `limit`, as given or
 * defaulted); for a root field, `statementCost` for each database statement it runs whatever it returns — one, or
 * one per ring of a neighbourhood's `depth` or hop of a path's `maxHops` (the rows stay bounded by `limit`: a
 * neighbourhood returns at most `limit` edges at any depth). Every selection counts, aliased or repeated (aliases
 * are not batched), so 3,000 aliases of a root field cost 3,000 statements' worth.
 *
 * Why not GraphQL Armor's cost-limit: it multiplies only by literal `first`/`last` arguments, so `limit`, `depth`
 * and every value passed as a variable (what clients send) would cost nothing.
 */
function estimator(schema: GraphQLSchema, statementCost: number): ComplexityEstimator {
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean));
  const count = (value: unknown) => Math.max(1, Number(value ?? 1) || 1);
  return ({ args, childComplexity, type }) => {
    const rows = count(args.first ?? args.limit);
    const statements = roots.has(type as never) ? count(args.depth ?? args.maxHops) : 0;
    return (1 + childComplexity) * rows + statementCost * statements;
  };
}

/** Names of the variables a document passes to cost arguments or to directives (@include/@skip decide what counts). */
function costVariablesOf(document: DocumentNode): string[] {
  const names = new Set<string>();
  const collect = (node: ASTNode) => void visit(node, { Variable: (variable) => void names.add(variable.name.value) });
  visit(document, {
    Directive: (directive) => collect(directive),
    Argument: (argument) => (COST_ARGUMENTS.has(argument.name.value) ? collect(argument) : undefined),
  });
  return [...names].sort();
}

/** One document's costs: the variables they depend on, and the costs already computed by their values. */
interface DocumentCosts {
  variables: string[];
  byInput: Map<string, number>;
}

/** A cost for an operation, or why it cannot have one (BAD_USER_INPUT). */
export type CostVerdict = { cost: number } | { error: GraphQLError };

/**
 * The cost model with its memo. A cost depends only on the document, the operation and the values of the variables
 * in `costVariablesOf` — not on ids or search words — so most documents are costed once, whatever their variables.
 */
export function createCostModel(schema: GraphQLSchema, limits: CostLimits) {
  const estimators = [estimator(schema, limits.statementCost)];
  const memo = new WeakMap<DocumentNode, DocumentCosts>();
  return (document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): CostVerdict => {
    let costs = memo.get(document);
    if (!costs) {
      costs = { variables: costVariablesOf(document), byInput: new Map() };
      memo.set(document, costs);
    }
    const operationName = operation.name?.value;
    const key = `${operationName ?? ''}\u0000${costs.variables.length === 0 ? '' : JSON.stringify(costs.variables.map((name) => variables[name] ?? null))}`;
    let cost = costs.byInput.get(key);
    if (cost === undefined) {
      try {
        cost = getComplexity({ schema, query: document, operationName, variables, estimators, maxQueryNodes: limits.maxNodes });
      } catch (error) {
        // The node cap, or variables that do not fit the operation (execution would refuse them the same way).
        const message = String((error as Error).message);
        const tooBig = /maximum allowed number of nodes/.test(message);
        return {
          error: new GraphQLError(tooBig ? `query selects more than ${limits.maxNodes} fields (fragments expanded)` : message, {
            extensions: tooBig ? { code: 'BAD_USER_INPUT', maxNodes: limits.maxNodes } : { code: 'BAD_USER_INPUT' },
          }),
        };
      }
      if (costs.byInput.size >= 1000) costs.byInput.clear(); // one document asked with ever-new limits must not grow memory
      costs.byInput.set(key, cost);
    }
    if (cost > limits.maxCost) {
      return {
        error: new GraphQLError(
          `query would cost ${cost}; at most ${limits.maxCost} is allowed (lower first/limit/depth, or ask fewer fields)`,
          {
            extensions: { code: 'BAD_USER_INPUT', cost, maxCost: limits.maxCost },
          },
        ),
      };
    }
    return { cost };
  };
}
