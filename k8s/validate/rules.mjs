// The rules every rendered overlay must keep (issue 15): schemas, probes and resources, pinned images, secrets
// that exist, PodDisruptionBudgets, network paths, monitoring, and the contract with the processes (contract.mjs,
// metric-queries.mjs). Each check returns readable problems; none means ok.
import { checkEndpoints, checkGoldPool } from './contract.mjs';
import { checkMetricQueries } from './metric-queries.mjs';
import { allowed, isPrivateCidr, matches } from './netpol.mjs';
import { podTemplate } from './pod-template.mjs';
import { schemaProblems } from './schemas.mjs';

const WORKLOADS = ['Deployment', 'StatefulSet', 'Job', 'CronJob'];
const LONG_RUNNING = ['Deployment', 'StatefulSet'];
const nameOf = (o) => `${o.kind}/${o.metadata?.name}`;

export { podTemplate };

function containersOf(object) {
  const spec = podTemplate(object)?.spec ?? {};
  return [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
}

/** name:tag or name@sha256:digest, never `latest`. */
export function imageProblem(image) {
  if (!image) return 'has no image';
  if (/@sha256:[0-9a-f]{64}$/.test(image)) return null;
  const tag = /:([^/:@]+)$/.exec(image)?.[1];
  if (!tag) return `image ${image} has no tag`;
  if (tag === 'latest') return `image ${image} uses the tag latest`;
  return null;
}

export function checkSchemas(objects) {
  return objects.flatMap(schemaProblems);
}

export function checkContainers(objects) {
  const problems = [];
  for (const o of objects.filter((x) => WORKLOADS.includes(x.kind))) {
    const pod = podTemplate(o)?.spec ?? {};
    const containers = containersOf(o);
    if (containers.length === 0) problems.push(`${nameOf(o)}: no containers`);
    for (const c of containers) {
      const where = `${nameOf(o)} container ${c.name}`;
      const image = imageProblem(c.image);
      if (image) problems.push(`${where}: ${image}`);
      for (const path of ['requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']) {
        const [group, resource] = path.split('.');
        if (c.resources?.[group]?.[resource] === undefined) problems.push(`${where}: no resources.${path}`);
      }
      if (LONG_RUNNING.includes(o.kind) && !(pod.initContainers ?? []).includes(c)) {
        for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
          if (!c[probe]) problems.push(`${where}: no ${probe}`);
        }
      }
      // $(NAME) in a value expands only if NAME is defined earlier in the same env list; otherwise it stays literal.
      (c.env ?? []).forEach((e, i) => {
        for (const [, ref] of (e.value ?? '').matchAll(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g)) {
          if (!c.env.slice(0, i).some((x) => x.name === ref)) problems.push(`${where}: env ${e.name} uses $(${ref}) before it is defined`);
        }
      });
      if (!(c.securityContext?.runAsNonRoot ?? pod.securityContext?.runAsNonRoot))
        problems.push(`${where}: may run as root (runAsNonRoot)`);
    }
  }
  for (const o of objects.filter((x) => x.kind === 'Cluster')) {
    const image = imageProblem(o.spec?.imageName);
    if (image) problems.push(`${nameOf(o)}: ${image}`);
    for (const group of ['requests', 'limits']) {
      if (!o.spec?.resources?.[group]?.cpu || !o.spec?.resources?.[group]?.memory) problems.push(`${nameOf(o)}: no resources.${group}`);
    }
  }
  return problems;
}

/** Every Secret (and key) a manifest reads. */
export function secretReferences(objects) {
  const refs = [];
  const add = (from, name, key) => refs.push({ from, name, key });
  for (const o of objects.filter((x) => WORKLOADS.includes(x.kind))) {
    const pod = podTemplate(o)?.spec ?? {};
    for (const c of containersOf(o)) {
      for (const e of c.env ?? []) {
        const ref = e.valueFrom?.secretKeyRef;
        if (ref && !ref.optional) add(`${nameOf(o)} env ${e.name}`, ref.name, ref.key);
      }
      for (const e of c.envFrom ?? []) if (e.secretRef && !e.secretRef.optional) add(`${nameOf(o)} envFrom`, e.secretRef.name);
    }
    for (const v of pod.volumes ?? []) if (v.secret && !v.secret.optional) add(`${nameOf(o)} volume ${v.name}`, v.secret.secretName);
  }
  for (const o of objects.filter((x) => x.kind === 'ObjectStore')) {
    for (const [field, ref] of Object.entries(o.spec?.configuration?.s3Credentials ?? {})) {
      if (ref?.name) add(`${nameOf(o)} s3Credentials.${field}`, ref.name, ref.key);
    }
  }
  return refs;
}

/** `external`: [{name, keys}] documented as made outside the manifests (k8s/SECRETS.md) for this overlay. */
export function checkSecrets(objects, external = []) {
  const secrets = new Map(objects.filter((o) => o.kind === 'Secret').map((s) => [s.metadata.name, s]));
  const problems = [];
  for (const ref of secretReferences(objects)) {
    const secret = secrets.get(ref.name);
    if (secret) {
      const keys = Object.keys({ ...secret.data, ...secret.stringData });
      if (ref.key && !keys.includes(ref.key)) problems.push(`${ref.from}: Secret ${ref.name} has no key ${ref.key}`);
      continue;
    }
    const documented = external.find((e) => e.name === ref.name);
    if (!documented) problems.push(`${ref.from}: Secret ${ref.name} is neither in the overlay nor documented in k8s/SECRETS.md`);
    else if (ref.key && !documented.keys.includes(ref.key))
      problems.push(`${ref.from}: key ${ref.key} of Secret ${ref.name} is not documented`);
  }
  return problems;
}

export function checkDisruptionBudgets(objects) {
  const problems = [];
  const pdbs = objects.filter((o) => o.kind === 'PodDisruptionBudget');
  const hpas = objects.filter((o) => o.kind === 'HorizontalPodAutoscaler');
  for (const o of objects.filter((x) => LONG_RUNNING.includes(x.kind))) {
    const hpa = hpas.find((h) => h.spec.scaleTargetRef.kind === o.kind && h.spec.scaleTargetRef.name === o.metadata.name);
    const most = Math.max(o.spec.replicas ?? 1, hpa?.spec.maxReplicas ?? 0);
    if (most < 2) continue;
    const labels = podTemplate(o).metadata?.labels ?? {};
    if (!pdbs.some((p) => matches(p.spec.selector, labels)))
      problems.push(`${nameOf(o)}: up to ${most} replicas and no PodDisruptionBudget`);
  }
  for (const o of objects.filter((x) => x.kind === 'Cluster')) {
    if ((o.spec.instances ?? 1) > 1 && o.spec.enablePDB === false)
      problems.push(`${nameOf(o)}: ${o.spec.instances} instances with enablePDB: false`);
  }
  for (const h of hpas) {
    if (!objects.some((o) => o.kind === h.spec.scaleTargetRef.kind && o.metadata.name === h.spec.scaleTargetRef.name)) {
      problems.push(`${nameOf(h)}: scales ${h.spec.scaleTargetRef.kind}/${h.spec.scaleTargetRef.name}, which is not in the overlay`);
    }
  }
  return problems;
}

/** The pods the manifests make: workload templates, and CloudNativePG instances (labels the operator gives them). */
export function podsOf(objects) {
  const pods = [];
  for (const o of objects.filter((x) => WORKLOADS.includes(x.kind))) {
    const template = podTemplate(o);
    const ports = {};
    for (const c of containersOf(o)) for (const p of c.ports ?? []) if (p.name) ports[p.name] = p.containerPort;
    const env = containersOf(o).flatMap((c) => (c.env ?? []).map((e) => e.name));
    pods.push({
      name: nameOf(o),
      namespace: o.metadata.namespace ?? 'default',
      labels: template.metadata?.labels ?? {},
      ports,
      env,
      annotations: template.metadata?.annotations ?? {},
    });
  }
  for (const o of objects.filter((x) => x.kind === 'Cluster')) {
    const labels = { ...(o.spec.inheritedMetadata?.labels ?? {}), 'cnpg.io/cluster': o.metadata.name, 'cnpg.io/podRole': 'instance' };
    pods.push({
      name: nameOf(o),
      namespace: o.metadata.namespace ?? 'default',
      labels,
      ports: { postgresql: 5432, metrics: 9187 },
      env: [],
      annotations: {},
    });
  }
  return pods;
}

const ROLE = {
  postgres: 'songnodes.io/postgres-client',
  gold: 'songnodes.io/gold-client',
  internet: 'songnodes.io/internet-egress',
};
const INTERNET = { ip: '1.1.1.1' };

export function checkNetworkPolicies(objects) {
  const problems = [];
  const policies = objects.filter((o) => o.kind === 'NetworkPolicy');
  const deny = policies.some(
    (p) =>
      Object.keys(p.spec.podSelector ?? {}).length === 0 &&
      ['Ingress', 'Egress'].every((t) => p.spec.policyTypes?.includes(t)) &&
      !p.spec.ingress?.length &&
      !p.spec.egress?.length,
  );
  if (!deny) problems.push('no default-deny NetworkPolicy (podSelector {}, policyTypes Ingress and Egress, no rules)');

  const pods = podsOf(objects);
  const ns = pods[0]?.namespace ?? 'default';
  const postgres = pods.filter((p) => p.labels['songnodes.io/postgres-server'] === 'true');
  const gold = pods.filter((p) => p.labels['app.kubernetes.io/component'] === 'gold');
  const dns = { namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' }, ports: {} };
  const stranger = { name: 'a pod without role labels', namespace: ns, labels: {}, ports: {} };
  const otherNamespace = { name: 'a pod of another namespace', namespace: 'elsewhere', labels: {}, ports: {} };
  const prometheus = { namespace: 'monitoring', labels: { 'app.kubernetes.io/name': 'prometheus' }, ports: {} };
  const says = (ok, expected, what) =>
    ok !== expected && problems.push(`${what}: ${expected ? 'blocked' : 'allowed'} (expected ${expected ? 'allowed' : 'blocked'})`);

  for (const pod of pods) {
    const isServer = postgres.includes(pod) || gold.includes(pod);
    if (pod.env.includes('DATABASE_URL') && pod.labels[ROLE.postgres] !== 'true')
      problems.push(`${pod.name}: reads DATABASE_URL but is not labelled ${ROLE.postgres}`);
    says(allowed(policies, pod, dns, 53, 'UDP'), true, `${pod.name} -> kube-dns:53/UDP`);
    for (const db of postgres) {
      if (db === pod) continue;
      says(allowed(policies, pod, db, 5432), pod.labels[ROLE.postgres] === 'true', `${pod.name} -> ${db.name}:5432`);
    }
    for (const g of gold) {
      if (g === pod) continue;
      says(allowed(policies, pod, g, 7687), pod.labels[ROLE.gold] === 'true', `${pod.name} -> ${g.name}:7687`);
    }
    for (const port of [443, 80])
      says(
        allowed(policies, pod, INTERNET, port),
        pod.labels[ROLE.internet] === 'true' && !isServer,
        `${pod.name} -> the internet:${port}`,
      );
    const scrapePort = Number(pod.annotations['prometheus.io/port']);
    if (scrapePort) says(allowed(policies, prometheus, pod, scrapePort), true, `Prometheus -> ${pod.name}:${scrapePort}`);
  }
  for (const outsider of [stranger, otherNamespace]) {
    for (const db of postgres) says(allowed(policies, outsider, db, 5432), false, `${outsider.name} -> ${db.name}:5432`);
    for (const g of gold) says(allowed(policies, outsider, g, 7687), false, `${outsider.name} -> ${g.name}:7687`);
  }
  // No egress rule of a pod other than the crawler may name public addresses, whatever port the sample above used.
  for (const p of policies) {
    const selectsOnlyCrawler = p.spec.podSelector?.matchLabels?.[ROLE.internet] === 'true';
    if (selectsOnlyCrawler) continue;
    for (const rule of p.spec.egress ?? []) {
      for (const peer of rule.to ?? []) {
        if (peer.ipBlock && !isPrivateCidr(peer.ipBlock.cidr))
          problems.push(`NetworkPolicy/${p.metadata.name}: egress to public addresses (${peer.ipBlock.cidr})`);
      }
      if (!rule.to || rule.to.length === 0)
        problems.push(`NetworkPolicy/${p.metadata.name}: an egress rule without 'to' opens every destination`);
    }
  }
  return problems;
}

/** Prometheus can find every process: scrape annotations always; Service/PodMonitors when the overlay has any. */
export function checkMonitoring(objects, { requireOperator = false } = {}) {
  const problems = [];
  const monitors = objects.filter((o) => ['ServiceMonitor', 'PodMonitor'].includes(o.kind));
  const services = objects.filter((o) => o.kind === 'Service');
  for (const o of objects.filter((x) => LONG_RUNNING.includes(x.kind))) {
    const t = podTemplate(o);
    const labels = t.metadata?.labels ?? {};
    const ports = containersOf(o).flatMap((c) => c.ports ?? []);
    const annotations = t.metadata?.annotations ?? {};
    if (labels['app.kubernetes.io/component'] === 'postgres') continue; // the local PostgreSQL exports nothing
    if (
      annotations['prometheus.io/scrape'] !== 'true' ||
      !ports.some((p) => String(p.containerPort) === annotations['prometheus.io/port'])
    ) {
      problems.push(`${nameOf(o)}: no prometheus.io/scrape and prometheus.io/port annotations naming a container port`);
    }
    if (!requireOperator && monitors.length === 0) continue;
    const covered = monitors.some((m) => {
      if (m.kind === 'PodMonitor')
        return matches(m.spec.selector, labels) && m.spec.podMetricsEndpoints.every((e) => ports.some((p) => p.name === e.port));
      return services.some(
        (s) =>
          matches(m.spec.selector, s.metadata.labels ?? {}) &&
          matches({ matchLabels: s.spec.selector }, labels) &&
          m.spec.endpoints.every((e) => (s.spec.ports ?? []).some((p) => p.name === e.port)),
      );
    });
    if (!covered) problems.push(`${nameOf(o)}: no ServiceMonitor or PodMonitor scrapes it`);
  }
  if (requireOperator) {
    const alerts = objects
      .filter((o) => o.kind === 'PrometheusRule')
      .flatMap((r) => r.spec.groups.flatMap((g) => g.rules.map((x) => x.alert)));
    for (const [what, pattern] of [
      ['breaker open', /Breaker/],
      ['silent failures (setlists refused)', /Refused/],
      ['sync lag', /SyncLag/],
      ['readiness', /NotReady/],
    ]) {
      if (!alerts.some((a) => pattern.test(a ?? ''))) problems.push(`no alert rule for ${what}`);
    }
    const dashboards = objects.filter((o) => o.kind === 'ConfigMap' && o.metadata.labels?.grafana_dashboard === '1');
    if (dashboards.length === 0) problems.push('no Grafana dashboard ConfigMap (label grafana_dashboard: "1")');
    for (const d of dashboards) {
      for (const [file, text] of Object.entries(d.data ?? {})) {
        let json;
        try {
          json = JSON.parse(text);
        } catch (error) {
          problems.push(`ConfigMap/${d.metadata.name} ${file}: not JSON (${error.message})`);
          continue;
        }
        const queries = (json.panels ?? []).flatMap((p) => p.targets ?? []).filter((t) => t.expr);
        if (queries.length === 0) problems.push(`ConfigMap/${d.metadata.name} ${file}: a dashboard without queries`);
      }
    }
  }
  return problems;
}

/** Selectors that select nothing are typos. */
export function checkSelectors(objects) {
  const problems = [];
  for (const o of objects.filter((x) => LONG_RUNNING.includes(x.kind))) {
    if (!matches(o.spec.selector, podTemplate(o).metadata?.labels))
      problems.push(`${nameOf(o)}: its selector does not match its pod template`);
  }
  const pods = podsOf(objects);
  for (const s of objects.filter((o) => o.kind === 'Service' && o.spec.selector)) {
    if (!pods.some((p) => matches({ matchLabels: s.spec.selector }, p.labels))) problems.push(`${nameOf(s)}: selects no pod`);
  }
  return problems;
}

/**
 * Every rule over one rendered kustomization. `contract`: k8s/README.md's (contract.mjs parseContract); without it
 * the endpoint and metric checks are not run.
 */
export function checkAll(objects, { externalSecrets = [], requireOperator = false, contract = null } = {}) {
  return [
    ...checkSchemas(objects),
    ...checkContainers(objects),
    ...checkSecrets(objects, externalSecrets),
    ...checkDisruptionBudgets(objects),
    ...checkSelectors(objects),
    ...(objects.some((o) => o.kind === 'NetworkPolicy') || objects.some((o) => LONG_RUNNING.includes(o.kind))
      ? checkNetworkPolicies(objects)
      : []),
    ...checkMonitoring(objects, { requireOperator }),
    ...checkGoldPool(objects),
    ...(contract ? [...checkEndpoints(objects, contract.endpoints), ...checkMetricQueries(objects, contract.metrics)] : []),
  ];
}
