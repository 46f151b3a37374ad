// What the manifests assume of the SongNodes processes, read from k8s/README.md ("The contract with the
// processes": where each listens, the metrics it serves) and checked against the rendered objects: every probe,
// container port and scrape annotation names the port the process listens on, on an address a pod's neighbours
// reach; every metric and label an alert, the dashboard or an HPA reads is one the contract lists; the API's gold
// pool names each gold pod.
import { podTemplate } from './pod-template.mjs';

/** Labels Prometheus gives every scraped series, whatever the process serves. */
export const TARGET_LABELS = ['namespace', 'pod', 'container', 'job', 'instance', 'endpoint', 'service'];
const EVERY_INTERFACE = ['0.0.0.0', '::'];

/** The rows of the markdown table that follows `heading` (a `### ` line), as arrays of trimmed cells. */
function tableAfter(markdown, heading) {
  const section = markdown.split(`### ${heading}\n`)[1] ?? '';
  const rows = [];
  for (const line of section.split('\n').slice(1)) {
    if (!line.startsWith('|')) {
      if (rows.length) break;
      continue;
    }
    rows.push(
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  }
  return rows.slice(2); // header and separator
}
const codes = (cell) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
/** The source file a row names (`server/src/...`), or null when the row is an assumption. */
const sourceOf = (cell) => (/^`[^`]+`$/.test(cell) ? codes(cell)[0] : null);

/**
 * The two tables of k8s/README.md's contract section.
 * @returns {{ endpoints: {process: string, args: string[], hostVar: string, hostDefault: string, portVar: string, portDefault: number, source: string|null}[],
 *            metrics: Map<string, {type: string, labels: string[], source: string|null}> }}
 */
export function parseContract(markdown) {
  const endpoints = tableAfter(markdown, 'Endpoints').map(([process, args, host, port, source]) => {
    const [hostVar, hostDefault] = codes(host);
    const [portVar, portDefault] = codes(port);
    return {
      process,
      args: codes(args)[0].split(' '),
      hostVar,
      hostDefault,
      portVar,
      portDefault: Number(portDefault),
      source: sourceOf(source),
    };
  });
  const metrics = new Map(
    tableAfter(markdown, 'Metrics').map(([name, type, labels, , source]) => [
      codes(name)[0],
      // A label's values may follow it in parentheses: only the names before them count.
      { type, labels: codes(labels.replace(/\([^)]*\)/g, '')), source: sourceOf(source) },
    ]),
  );
  return { endpoints, metrics };
}

/** The environment a container sees: its ConfigMaps (envFrom) overridden by its own `env` (valueFrom: unknown). */
export function containerEnv(objects, container) {
  const env = {};
  for (const from of container.envFrom ?? []) {
    const map = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === from.configMapRef?.name);
    Object.assign(env, map?.data ?? {});
  }
  for (const e of container.env ?? []) env[e.name] = e.value ?? null;
  return env;
}

const PROBES = ['startupProbe', 'livenessProbe', 'readinessProbe'];
const LONG_RUNNING = ['Deployment', 'StatefulSet'];

/** Each container that runs a process of the contract listens where its probes, ports and scrapes look. */
export function checkEndpoints(objects, endpoints) {
  const problems = [];
  for (const o of objects.filter((x) => LONG_RUNNING.includes(x.kind))) {
    const pod = podTemplate(o);
    const served = [];
    for (const c of pod.spec.containers) {
      const row = endpoints.find((r) => r.args.every((arg, i) => c.args?.[i] === arg));
      if (!row) continue;
      const where = `${o.kind}/${o.metadata.name} container ${c.name}`;
      const env = containerEnv(objects, c);
      const host = env[row.hostVar] ?? row.hostDefault;
      const port = Number(env[row.portVar] ?? row.portDefault);
      served.push(port);
      if (!EVERY_INTERFACE.includes(host)) {
        problems.push(
          `${where}: listens on ${host} (${row.hostVar}${row.hostVar in env ? '' : ', its default'}): probes, Services and Prometheus cannot reach it; set ${row.hostVar}=0.0.0.0`,
        );
      }
      const portNumber = (p) => (typeof p === 'number' ? p : (c.ports ?? []).find((x) => x.name === p)?.containerPort);
      for (const probe of PROBES) {
        const target = c[probe]?.httpGet?.port;
        if (target !== undefined && portNumber(target) !== port)
          problems.push(`${where}: ${probe} goes to port ${portNumber(target) ?? target}, but ${row.portVar} is ${port}`);
      }
      if (!(c.ports ?? []).some((p) => p.containerPort === port)) problems.push(`${where}: no containerPort ${port} (its ${row.portVar})`);
    }
    const scrape = pod.metadata?.annotations?.['prometheus.io/port'];
    if (served.length && scrape !== undefined && !served.includes(Number(scrape))) {
      problems.push(
        `${o.kind}/${o.metadata.name}: prometheus.io/port ${scrape} is not where a process of the pod serves /metrics (${served.join(', ')})`,
      );
    }
  }
  return problems;
}

/** The API's NEO4J_URI names every pod of the gold StatefulSet through its headless Service, and nothing else. */
export function checkGoldPool(objects) {
  const gold = objects.find((o) => o.kind === 'StatefulSet' && o.metadata.labels?.['app.kubernetes.io/component'] === 'gold');
  if (!gold) return [];
  const problems = [];
  const service = objects.find((o) => o.kind === 'Service' && o.metadata.name === gold.spec.serviceName);
  if (service?.spec.clusterIP !== 'None' || service.spec.publishNotReadyAddresses !== true) {
    problems.push(
      `StatefulSet/${gold.metadata.name}: its serviceName ${gold.spec.serviceName} must be a headless Service with publishNotReadyAddresses (the gold pool probes instances that are not ready too)`,
    );
  }
  const replicas = gold.spec.replicas ?? 1;
  const expected = Array.from({ length: replicas }, (_, i) => `${gold.metadata.name}-${i}.${gold.spec.serviceName}`);
  for (const o of objects.filter((x) => LONG_RUNNING.includes(x.kind))) {
    for (const c of podTemplate(o).spec.containers.filter((x) => x.args?.[0] === 'api')) {
      const uris = String(containerEnv(objects, c).NEO4J_URI ?? '')
        .split(/[\s,]+/)
        .filter(Boolean);
      const hosts = uris.map((uri) => /^(?:bolt|neo4j)(?:\+s|\+ssc)?:\/\/([^:/]+)/.exec(uri)?.[1] ?? uri);
      const named = hosts.map((h) => expected.find((e) => h === e || h.startsWith(`${e}.`)) ?? h);
      if (named.length !== expected.length || expected.some((e) => !named.includes(e))) {
        problems.push(
          `${o.kind}/${o.metadata.name} container ${c.name}: NEO4J_URI names ${hosts.join(', ') || 'nothing'}, but the gold pool must name each of the ${replicas} gold pods: ${expected.join(', ')}`,
        );
      }
    }
  }
  return problems;
}
