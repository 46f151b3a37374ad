import { timingSafeEqual } from 'node:crypto';
import type { GraphQLContext } from './context';
import { unauthenticated } from './errors';

/**
 * Authorisation (README, "The API"): one admin token, `SONGNODES_ADMIN_TOKEN`, sent as `Authorization: Bearer …`
 * (graphql-ws: the `authorization` connection parameter). Without a configured token nobody is admin.
 */
export function isAdmin({ config, token }: Pick<GraphQLContext, 'config' | 'token'>): boolean {
  if (config.adminToken === '' || !token) return false;
  const given = Buffer.from(token);
  const wanted = Buffer.from(config.adminToken);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** Throws UNAUTHENTICATED unless the request carries the admin token. */
export function requireAdmin(context: Pick<GraphQLContext, 'config' | 'token'>, what = 'mutations'): void {
  if (context.config.adminToken === '') throw unauthenticated(`${what} are disabled: the server has no SONGNODES_ADMIN_TOKEN`);
  if (!isAdmin(context)) throw unauthenticated(`send Authorization: Bearer <SONGNODES_ADMIN_TOKEN> to use ${what}`);
}
