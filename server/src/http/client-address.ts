import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

/**
 * The client a request is counted against (its rate-limit budget, its WebSocket connections, its track requests):
 * its address. Behind a proxy (a Kubernetes ingress, bench/scale's round robin) every request arrives from the
 * proxy, so all clients would share one budget; `trustProxy` names the proxies whose `X-Forwarded-For` is believed
 * (proxy-addr's list, the one Express uses: addresses, CIDRs, `loopback`, `linklocal`, `uniquelocal`), and the
 * client is then the nearest address in that header no trusted proxy wrote. Empty: the socket's address, whatever
 * the headers say (a client cannot choose its own budget by sending the header).
 */
export function clientAddressOf(trustProxy: string): (req: IncomingMessage) => string {
  const list = trustProxy
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  if (list.length === 0) return (req) => req.socket.remoteAddress ?? 'unknown';
  const trusted = proxyAddr.compile(list);
  return (req) => {
    try {
      return proxyAddr(req as Parameters<typeof proxyAddr>[0], trusted) || 'unknown';
    } catch {
      return req.socket.remoteAddress ?? 'unknown';
    }
  };
}

/** Whether `value` is a list proxy-addr accepts (for the config's check). */
export function isTrustProxyList(value: string): boolean {
  try {
    clientAddressOf(value);
    return true;
  } catch {
    return false;
  }
}
