import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, Kind, type ASTVisitor, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';

/** The shape limits of a document, checked before graphql-js's own validation (see `shapeRules`). */
export interface ShapeLimits {
  /** deepest field nesting, through fragments (introspection too) @default 12 */
  maxDepth: number;
  /** aliases in one operation, fragments expanded @default 15 */
  maxAliases: number;
  /** directives in one operation @default 20 */
  maxDirectives: number;
  /** times one response name may be selected in one selection set (inline fragments included) @default 5 */
  maxFieldRepeats: number;
}

/** GraphQL Armor reports through `onReject`; its messages start with "Syntax Error:" even for validation limits. */
function reportTo(context: ValidationContext | null, error: GraphQLError): void {
  context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, '')));
}
const armor = { exposeLimits: true, propagateOnRejection: false, onReject: [reportTo] };

/**
 * Refuses a response name selected more than `max` times in one selection set. Repeating a field is legal GraphQL
 * (the copies merge), but graphql-js's OverlappingFieldsCanBeMerged compares every pair of them: 1,000 copies of
 * `stats { tracks }` took 1-2 s to validate on this machine, and 140,000 duplicate fields ended in a 500. No GraphQL
 * Armor rule covers this, hence this one, which counts in one pass and stops at the first excess.
 */
export function maxFieldRepeatsRule(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const count = (set: SelectionSetNode, seen: Map<string, number>): string | null => {
      for (const selection of set.selections) {
        if (selection.kind === Kind.INLINE_FRAGMENT) {
          const over = count(selection.selectionSet, seen);
          if (over) return over;
        } else if (selection.kind === Kind.FIELD) {
          const name = selection.alias?.value ?? selection.name.value;
          const times = (seen.get(name) ?? 0) + 1;
          if (times > max) return name;
          seen.set(name, times);
        }
      }
      return null;
    };
    return {
      SelectionSet(set, _key, parent) {
        // Inline fragments were counted with the selection set that holds them.
        if ((parent as { kind?: string } | undefined)?.kind === Kind.INLINE_FRAGMENT) return;
        const over = count(set, new Map());
        if (over)
          context.reportError(new GraphQLError(`"${over}" is selected more than ${max} times in one selection set.`, { nodes: [set] }));
      },
    };
  };
}

/**
 * The rules a document must pass before graphql-js's own validation runs: they are linear in the document, while
 * some of graphql-js's rules are not (see maxFieldRepeatsRule). Depth, aliases and directives are GraphQL Armor's
 * rules; the token limit is graphql-js's own parse option (`maxTokens`), which Armor's max-tokens package
 * re-implements with a Proxy around the lexer.
 */
export function shapeRules(limits: ShapeLimits): ValidationRule[] {
  return [
    maxDepthRule({ ...armor, n: limits.maxDepth, ignoreIntrospection: false, flattenFragments: true }),
    maxAliasesRule({ ...armor, n: limits.maxAliases }),
    maxDirectivesRule({ ...armor, n: limits.maxDirectives }),
    maxFieldRepeatsRule(limits.maxFieldRepeats),
  ];
}
