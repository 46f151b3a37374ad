import type { IncomingMessage } from 'node:http';
import { clientAddressOf, isTrustProxyList } from './client-address';

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress },
    connection: { remoteAddress },
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  }) as unknown as IncomingMessage;

describe('clientAddressOf', () => {
  it('takes the socket address and ignores X-Forwarded-For when no proxy is trusted', () => {
    const clientOf = clientAddressOf('');
    expect(clientOf(request('203.0.113.7', '198.51.100.1'))).toBe('203.0.113.7');
  });

  it('believes X-Forwarded-For only as far as trusted proxies wrote it', () => {
    const clientOf = clientAddressOf('10.0.0.0/8, loopback');
    // ingress (10.1.2.3) forwarded for the real client
    expect(clientOf(request('10.1.2.3', '198.51.100.1'))).toBe('198.51.100.1');
    // two trusted hops
    expect(clientOf(request('127.0.0.1', '198.51.100.1, 10.9.9.9'))).toBe('198.51.100.1');
    // a client that writes its own header in front of the ingress cannot pick its budget: the ingress appended the
    // address it saw, and that is the nearest untrusted one
    expect(clientOf(request('10.1.2.3', '192.0.2.66, 203.0.113.9'))).toBe('203.0.113.9');
    // a request straight from an untrusted address is that address, whatever it claims
    expect(clientOf(request('203.0.113.7', '198.51.100.1'))).toBe('203.0.113.7');
  });

  it('refuses a list that is not addresses, CIDRs or proxy-addr names', () => {
    expect(isTrustProxyList('10.0.0.0/8, loopback')).toBe(true);
    expect(isTrustProxyList('')).toBe(true);
    expect(isTrustProxyList('not-an-address')).toBe(false);
  });
});
