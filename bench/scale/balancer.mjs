// The proxy's choice of backend (bench/scale/proxy.mjs): round robin over the backends not marked down, with a
// failed connection marking its backend down for a while. Pure: time comes in as an argument, nothing is opened.

/** Errors that mean the request never reached the backend: safe to send it to another one. */
const NOT_DELIVERED = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'ETIMEDOUT']);

/**
 * Whether a failed upstream request may be sent to another backend: only when it never reached this one (the
 * connection was refused or could not be made: a dead process). A failure after the backend took the request — a
 * reset or a hang-up, even on a kept-alive socket — is its in-flight loss: answered 502 and counted, never repeated
 * (a mutation must not run twice).
 */
export function retryable(error, { responseStarted = false } = {}) {
  if (responseStarted) return false;
  return NOT_DELIVERED.has(error?.code);
}

/**
 * Round robin over `backends` (any values, e.g. URLs). `pick(now)` returns the index of the next backend that is not
 * down; when every one is down, the next one anyway (a backend that came back is found by trying it).
 * `fail(i, now)` marks backend i down for `downMs`; `ok(i)` clears it.
 */
export function createBalancer(backends, { downMs = 1000 } = {}) {
  let list = [...backends];
  let downUntil = list.map(() => 0);
  let turn = 0;
  return {
    get backends() {
      return list;
    },
    set(next) {
      list = [...next];
      downUntil = list.map(() => 0);
      turn = 0;
    },
    isDown(i, now) {
      return downUntil[i] > now;
    },
    pick(now, exclude = new Set()) {
      if (list.length === 0) throw new Error('no backend configured');
      for (let step = 0; step < list.length; step += 1) {
        const i = (turn + step) % list.length;
        if (downUntil[i] <= now && !exclude.has(i)) {
          turn = i + 1;
          return i;
        }
      }
      // every backend is down (or excluded): try the next one not excluded, so a recovered backend is found
      for (let step = 0; step < list.length; step += 1) {
        const i = (turn + step) % list.length;
        if (!exclude.has(i)) {
          turn = i + 1;
          return i;
        }
      }
      return -1;
    },
    fail(i, now) {
      downUntil[i] = now + downMs;
    },
    ok(i) {
      downUntil[i] = 0;
    },
  };
}
