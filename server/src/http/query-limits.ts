import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';

/** Options of the query cost limit. */
export interface QueryLimits {
  /** deepest selection allowed @default 12 */
  maxDepth: number;
  /** most expensive query allowed, in estimated rows @default 20000 */
  maxCost: number;
}

/** The depth limit as a validation rule (fragments included), refused as BAD_USER_INPUT by the error formatter. */
export function depthLimitRule(limits: QueryLimits): ValidationRule {
  return depthLimit(limits.maxDepth);
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxCost: 20_000 };

/**
 * A field costs its children times the rows it can return: `first` / `limit` as given (or their defaults), and a
 * neighbourhood's `depth` multiplies its `limit` — so cost follows what the databases would have to read.
 */
const pagingEstimator: ComplexityEstimator = ({ args, childComplexity, field }) => {
  const defaults = Object.fromEntries(field.args.map((a) => [a.name, a.defaultValue]));
  const rows = Number(args.first ?? args.limit ?? defaults.first ?? defaults.limit ?? 1) || 1;
  const depth = Number(args.depth ?? defaults.depth ?? 1) || 1;
  return (1 + childComplexity) * rows * depth;
};


/**
 * Refuses over-costly operations before any resolver runs (BAD_USER_INPUT, with the numbers). A cost depends only
 * on the document (Apollo hands the same parsed document to every request with the same query text), the operation
 * and the variables, so it is computed once per distinct combination instead of walking the document every time.
 */
export function queryLimitsPlugin(schema: GraphQLSchema, limits: QueryLimits): ApolloServerPlugin {
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  const costOf = (document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>) => {
    let byInput = costs.get(document);
    if (!byInput) costs.set(document, (byInput = new Map<string, number>()));
    const key = JSON.stringify([operationName ?? null, variables]);
    let cost = byInput.get(key);
    if (cost === undefined) {
      cost = getComplexity({ schema, query: document, operationName, variables, estimators: [pagingEstimator, simpleEstimator({ defaultComplexity: 1 })] });
      if (byInput.size >= 1000) byInput.clear(); // one document asked with ever-new variables must not grow memory
      byInput.set(key, cost);
    }
    return cost;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const cost = costOf(document, request.operationName ?? undefined, request.variables ?? {});
          if (cost > limits.maxCost) {
            throw new GraphQLError(`query would cost ${cost}; at most ${limits.maxCost} is allowed (lower first/limit/depth)`, {
              extensions: { code: 'BAD_USER_INPUT', cost, maxCost: limits.maxCost },
            });
          }
        },
      };
    },
  };
}
