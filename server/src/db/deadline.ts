import { DatabaseDeadlineError } from '../errors';

/**
 * Resolves as `call` does, or rejects with a DatabaseDeadlineError after `ms`. The database's own timeouts run on the
 * server and so cannot fire on a server that accepted the connection and went silent; this one runs here. A call
 * that loses the race is left to finish (its rejection is swallowed: nobody waits for it any more).
 */
export function withDeadline<T>(pending: PromiseLike<T>, ms: number, what: string): Promise<T> {
  const call = Promise.resolve(pending);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseDeadlineError(what, ms)), ms);
  });
  call.catch(() => undefined);
  return Promise.race([call, deadline]).finally(() => clearTimeout(timer));
}
