import { z } from 'zod';

/** One configuration field: the environment variable it comes from, its default and its schema. */
export interface ConfigField<T> {
  env: string;
  /** used when the variable is unset or empty; omit to make the variable required */
  default?: string;
  schema: z.ZodType<T, string>;
  description: string;
  /** never printed (passwords, tokens) */
  secret?: boolean;
}

export type ConfigFields = Record<string, ConfigField<unknown>>;
export type ConfigOf<F extends ConfigFields> = { readonly [K in keyof F]: F[K] extends ConfigField<infer T> ? T : never };

/** Thrown once, at start-up, naming every variable that is wrong and why. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates every field from `env` (process.env by default) in one go. Each app calls this once, in its
 * config module; nothing else reads process.env.
 */
export function readConfig<F extends ConfigFields>(fields: F, env: NodeJS.ProcessEnv = process.env): ConfigOf<F> {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, field] of Object.entries(fields)) {
    const given = env[field.env];
    const raw = given === undefined || given === '' ? field.default : given;
    if (raw === undefined) {
      problems.push(`${field.env} is required: ${field.description}`);
      continue;
    }
    const parsed = field.schema.safeParse(raw);
    if (parsed.success) values[key] = parsed.data;
    else {
      const shown = field.secret ? '(hidden)' : JSON.stringify(raw);
      problems.push(`${field.env}=${shown} is invalid: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return values as ConfigOf<F>;
}

/** Schemas for the common kinds of variables. */
export const envSchemas = {
  string: () => z.string().min(1),
  /** may be empty */
  text: () => z.string(),
  url: (protocols: string[]) =>
    z.string().refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol.replace(/:$/, ''));
        } catch {
          return false;
        }
      },
      `must be a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}`,
    ),
  integer: (min: number, max = Number.MAX_SAFE_INTEGER) =>
    z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().int().min(min).max(max)),
  seconds: () =>
    z
      .string()
      .regex(/^\d+(\.\d+)?$/, 'must be a number of seconds')
      .transform((value) => Number(value)),
  boolean: () => z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1'),
  oneOf: <T extends string>(values: readonly [T, ...T[]]) => z.enum(values),
};
