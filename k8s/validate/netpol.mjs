// A small NetworkPolicy evaluator (networking.k8s.io/v1 semantics) over the rendered manifests, so the test can ask
// "can the API reach PostgreSQL?" and "can anything but the crawler reach the internet?" instead of string-matching
// policies. A connection is allowed when the source's egress and the destination's ingress both allow it; a pod no
// policy of a direction selects is open in that direction.

/** matchLabels + matchExpressions; an empty selector matches everything. */
export function matches(selector, labels = {}) {
  if (!selector) return false;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) if (labels[key] !== value) return false;
  for (const { key, operator, values = [] } of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, key);
    if (operator === 'In' && !(has && values.includes(labels[key]))) return false;
    if (operator === 'NotIn' && has && values.includes(labels[key])) return false;
    if (operator === 'Exists' && !has) return false;
    if (operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

function ipToInt(ip) {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

export function inCidr(ip, cidr) {
  const [base, bits] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  const start = Math.floor(ipToInt(base) / size) * size;
  const n = ipToInt(ip);
  return n >= start && n < start + size;
}

const PRIVATE = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '169.254.0.0/16', '100.64.0.0/10', '127.0.0.0/8'];
/** True when every address of the CIDR is private (RFC 1918, link-local, CGNAT, loopback). */
export function isPrivateCidr(cidr) {
  const [base, bits] = cidr.split('/');
  return PRIVATE.some((range) => Number(bits) >= Number(range.split('/')[1]) && inCidr(base, range));
}

const namespaceLabels = (ns) => ({ 'kubernetes.io/metadata.name': ns });

/** Does a `from`/`to` peer of a policy in `policyNs` designate this endpoint (a pod, or an external address)? */
function peerMatches(peer, policyNs, endpoint) {
  if (peer.ipBlock) {
    if (!endpoint.ip) return false; // pod addresses are not modelled: pods are reached through selectors
    return inCidr(endpoint.ip, peer.ipBlock.cidr) && !(peer.ipBlock.except ?? []).some((c) => inCidr(endpoint.ip, c));
  }
  if (endpoint.ip) return false;
  const nsOk = peer.namespaceSelector
    ? matches(peer.namespaceSelector, namespaceLabels(endpoint.namespace))
    : endpoint.namespace === policyNs;
  const podOk = peer.podSelector ? matches(peer.podSelector, endpoint.labels) : true;
  return nsOk && podOk;
}

function portMatches(rulePorts, dst, port, protocol) {
  if (!rulePorts || rulePorts.length === 0) return true;
  return rulePorts.some((p) => {
    if ((p.protocol ?? 'TCP') !== protocol) return false;
    if (p.port === undefined) return true;
    const number = typeof p.port === 'string' ? dst.ports?.[p.port] : p.port;
    if (number === undefined) return false;
    return p.endPort ? port >= number && port <= p.endPort : port === number;
  });
}

function directionAllows(policies, subject, peer, direction, dst, port, protocol) {
  if (subject.ip) return true; // outside the cluster: no policy applies
  const type = direction === 'egress' ? 'Egress' : 'Ingress';
  const selecting = policies.filter((p) => {
    const ns = p.metadata.namespace ?? 'default';
    const types = p.spec.policyTypes ?? (p.spec.egress ? ['Ingress', 'Egress'] : ['Ingress']);
    return ns === subject.namespace && types.includes(type) && matches(p.spec.podSelector, subject.labels);
  });
  if (selecting.length === 0) return true;
  return selecting.some((p) =>
    (p.spec[direction] ?? []).some((rule) => {
      const peers = rule[direction === 'egress' ? 'to' : 'from'];
      const peerOk = !peers || peers.length === 0 || peers.some((x) => peerMatches(x, p.metadata.namespace ?? 'default', peer));
      return peerOk && portMatches(rule.ports, dst, port, protocol);
    }),
  );
}

/**
 * Is a connection from `src` to `dst` on `port` allowed? Endpoints are pods `{namespace, labels, ports: {name: n}}`
 * or external addresses `{ip}`.
 */
export function allowed(policies, src, dst, port, protocol = 'TCP') {
  return (
    directionAllows(policies, src, dst, 'egress', dst, port, protocol) &&
    directionAllows(policies, dst, src, 'ingress', dst, port, protocol)
  );
}
