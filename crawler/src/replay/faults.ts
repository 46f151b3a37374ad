/**
 * Fault injection: which fault (if any) answers a request, and how a reply is written with it applied.
 */
import type { ServerResponse } from 'node:http';
import { safeDecode, statusLine, textReply, type Reply } from './reply';
import type { Fault, ReplaySource } from './types';

interface ActiveFault {
  fault: Fault;
  /** requests left; Infinity when the fault has no `times` */
  remaining: number;
}

function matchesTarget(match: string | RegExp, target: string): boolean {
  if (typeof match === 'string') return target.includes(match);
  // A /g or /y RegExp keeps lastIndex between calls; reset it so the same fault matches the same URL every time.
  match.lastIndex = 0;
  return match.test(target);
}

/** The ordered list of active faults; `take` consumes one use of the first fault that matches. */
export class FaultPlan {
  private active: ActiveFault[] = [];

  constructor(faults: readonly Fault[] = []) {
    for (const fault of faults) this.add(fault);
  }

  add(fault: Fault): void {
    const remaining = fault.times ?? Number.POSITIVE_INFINITY;
    if (remaining > 0) this.active.push({ fault, remaining });
  }

  clear(): void {
    this.active = [];
  }

  /** The fault that answers a request to `source` at `target` (path + query, as sent), or null. */
  take(source: ReplaySource, target: string): Fault | null {
    const decoded = safeDecode(target, true);
    const index = this.active.findIndex(
      ({ fault }) => fault.source === source && (matchesTarget(fault.match, target) || matchesTarget(fault.match, decoded)),
    );
    const entry = this.active[index];
    if (entry === undefined) return null;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.active.splice(index, 1);
    return entry.fault;
  }
}

function withLength(reply: Reply): Record<string, string> {
  return { ...reply.headers, 'content-length': String(Buffer.byteLength(reply.body)) };
}

/** The reply a status/body fault sends instead of the real one (truncate and hang reuse the real reply). */
function replaceReply(real: Reply, fault: Fault): Reply {
  if (fault.kind === 'status') {
    const reply =
      fault.body === undefined
        ? textReply(fault.status, statusLine(fault.status))
        : { status: fault.status, headers: { ...real.headers }, body: fault.body };
    if (fault.retryAfterSeconds !== undefined) reply.headers['retry-after'] = String(fault.retryAfterSeconds);
    return reply;
  }
  if (fault.kind === 'body') {
    const headers = { ...real.headers };
    if (fault.contentType !== undefined) headers['content-type'] = fault.contentType;
    return { status: fault.status ?? real.status, headers, body: fault.body };
  }
  return real;
}

/**
 * Writes `real` to `res` with `fault` applied and returns the status sent (0 for a hang).
 * `headOnly` answers a HEAD request: same headers, no body.
 */
export function sendReply(res: ServerResponse, real: Reply, fault: Fault | null, headOnly: boolean): number {
  if (fault?.kind === 'hang') return 0; // the socket stays open until the client gives up or close() runs
  const reply = fault === null ? real : replaceReply(real, fault);
  res.writeHead(reply.status, withLength(reply));
  if (fault?.kind === 'truncate' && !headOnly) {
    const partial = Buffer.from(reply.body).subarray(0, Math.max(0, fault.bytes));
    // Destroy only after the partial bytes are flushed, so the client really receives them before the reset.
    res.write(partial, () => res.destroy());
    return reply.status;
  }
  res.end(headOnly ? undefined : reply.body);
  return reply.status;
}
