// k8s/: every kustomization renders with `kubectl kustomize`, every object passes its kind's schema with unknown
// fields refused (k8s/validate/README.md), and the rules hold (k8s/validate/rules.mjs). Then each rule is shown to
// catch a broken manifest.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { containerEnv } from '../k8s/validate/contract.mjs';
import { externalSecrets, optionsFor } from '../k8s/validate/main.mjs';
import { allowed } from '../k8s/validate/netpol.mjs';
import { exampleKeys, K8S_DIR, KUSTOMIZATIONS, parseManifests, render, renderableCopy } from '../k8s/validate/render.mjs';
import {
  checkAll,
  checkContainers,
  checkDisruptionBudgets,
  checkMonitoring,
  checkNetworkPolicies,
  checkSchemas,
  checkSecrets,
  imageProblem,
  podTemplate,
} from '../k8s/validate/rules.mjs';

const rendered = {};
let copy;
before(() => {
  copy = renderableCopy();
  for (const path of KUSTOMIZATIONS) rendered[path] = render(copy.dir, path);
});
after(() => copy?.cleanup());

const find = (objects, kind, name) => {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  assert.ok(found, `${kind}/${name} is rendered`);
  return found;
};
const container = (workload, name) => podTemplate(workload).spec.containers.find((c) => c.name === name);
const api = (objects) => find(objects, 'Deployment', 'api');
/** A deep copy of an overlay's objects, changed by `edit`, and the problems checkAll finds in it. */
function problemsAfter(path, edit) {
  const objects = structuredClone(rendered[path]);
  edit(objects);
  return checkAll(objects, optionsFor(path));
}
const includes = (problems, pattern) =>
  assert.ok(
    problems.some((p) => pattern.test(p)),
    `expected a problem matching ${pattern}, got:\n${problems.join('\n')}`,
  );

describe('every kustomization', () => {
  for (const path of KUSTOMIZATIONS) {
    test(`${path} renders and keeps every rule`, () => {
      assert.ok(rendered[path].length >= 3, `${path} renders objects`);
      assert.deepEqual(checkAll(rendered[path], optionsFor(path)), []);
    });
  }

  test('the overlays hold what issue 15 asks for', () => {
    const local = rendered['overlays/local'];
    const production = rendered['overlays/production'];
    const kinds = (objects) => new Set(objects.map((o) => o.kind));
    for (const kind of ['Deployment', 'StatefulSet', 'CronJob', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'NetworkPolicy']) {
      assert.ok(kinds(local).has(kind) && kinds(production).has(kind), kind);
    }
    for (const kind of ['Cluster', 'ScheduledBackup', 'ObjectStore', 'ServiceMonitor', 'PodMonitor', 'PrometheusRule'])
      assert.ok(kinds(production).has(kind), kind);
    assert.equal(find(production, 'Cluster', 'songnodes-pg').spec.instances, 3);
    assert.equal(find(production, 'ScheduledBackup', 'songnodes-pg-nightly').spec.method, 'plugin');
    find(local, 'StatefulSet', 'postgres');
    assert.ok(
      !production.some((o) => o.kind === 'StatefulSet' && o.metadata.name === 'postgres'),
      'production has no hand-made PostgreSQL',
    );
    // The migrate Job is applied on its own, before the rest.
    for (const overlay of ['local', 'production']) {
      assert.ok(!rendered[`overlays/${overlay}`].some((o) => o.kind === 'Job'), `${overlay}: no Job in the main kustomization`);
      assert.deepEqual(container(find(rendered[`overlays/${overlay}/migrate`], 'Job', 'migrate'), 'migrate').args, [
        'migrate',
        '--only',
        'sql',
      ]);
    }
    // Workers scale on the due-target queue in production, on CPU elsewhere.
    assert.equal(
      find(production, 'HorizontalPodAutoscaler', 'crawl-worker').spec.metrics[0].external.metric.name,
      'songnodes_crawl_due_targets',
    );
    assert.equal(find(local, 'HorizontalPodAutoscaler', 'crawl-worker').spec.metrics[0].resource.name, 'cpu');
    assert.equal(find(production, 'HorizontalPodAutoscaler', 'api').spec.metrics[0].resource.name, 'cpu');
  });

  test('the database stage (applied before the migrate Job) holds PostgreSQL and the path of the Job to it', () => {
    for (const [overlay, database] of [
      ['local', 'StatefulSet/postgres'],
      ['production', 'Cluster/songnodes-pg'],
    ]) {
      const stage = rendered[`overlays/${overlay}`].filter((o) => o.metadata.labels?.['songnodes.io/stage'] === 'database');
      const names = stage.map((o) => `${o.kind}/${o.metadata.name.replace(/-[a-z0-9]{10}$/, '')}`);
      for (const needed of [
        database,
        'Namespace/songnodes',
        'NetworkPolicy/default-deny',
        'NetworkPolicy/allow-dns',
        'NetworkPolicy/postgres-clients',
        'NetworkPolicy/postgres-server',
        'Secret/songnodes-secrets',
      ]) {
        assert.ok(names.includes(needed), `${overlay}: ${needed} is in the database stage (${names.join(', ')})`);
      }
      assert.ok(
        !stage.some((o) => ['Deployment', 'CronJob'].includes(o.kind) || (o.kind === 'StatefulSet' && o.metadata.name === 'gold')),
        `${overlay}: no app in the database stage`,
      );
    }
    assert.ok(
      rendered['overlays/local'].some(
        (o) =>
          o.kind === 'Secret' && o.metadata.name.startsWith('songnodes-pg-app') && o.metadata.labels['songnodes.io/stage'] === 'database',
      ),
    );
  });

  test('each gold instance runs its own sync, named after the pod, against its own Neo4j; the API reads them all', () => {
    for (const [overlay, replicas] of [
      ['local', 1],
      ['production', 2],
    ]) {
      const objects = rendered[`overlays/${overlay}`];
      const gold = find(objects, 'StatefulSet', 'gold');
      assert.equal(gold.spec.replicas, replicas);
      const sync = container(gold, 'sync');
      const env = Object.fromEntries(sync.env.map((e) => [e.name, e.value ?? e.valueFrom]));
      assert.deepEqual(env.SYNC_INSTANCE_NAME, { fieldRef: { fieldPath: 'metadata.name' } });
      assert.equal(env.NEO4J_URI, 'bolt://127.0.0.1:7687');
      assert.equal(env.HEALTH_PORT, '9465');
      assert.deepEqual(sync.args, ['sync', '--watch']);
      assert.equal(sync.readinessProbe.httpGet.path, '/readyz');
      assert.ok(container(gold, 'neo4j').image.startsWith('docker.io/library/neo4j:5.26.'));
      // The gold pool: every pod by its stable name, through the headless Service that lists pods not ready too.
      const uris = Array.from({ length: replicas }, (_, i) => `bolt://gold-${i}.gold:7687`).join(',');
      assert.equal(containerEnv(objects, container(api(objects), 'api')).NEO4J_URI, uris);
      const service = find(objects, 'Service', 'gold');
      assert.equal(service.spec.clusterIP, 'None');
      assert.equal(service.spec.publishNotReadyAddresses, true);
      // Every process listens on all interfaces in a pod (they default to loopback).
      const config = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('songnodes-config'));
      assert.equal(config.data.HOST, '0.0.0.0');
      assert.equal(config.data.HEALTH_HOST, '0.0.0.0');
    }
  });

  test('gold-check checks every ready and complete instance, skips one that is rebuilding, fails only on a difference that stays', () => {
    const objects = rendered['overlays/production'];
    const cronJob = find(objects, 'CronJob', 'gold-check');
    const check = podTemplate(cronJob).spec.containers[0];
    assert.deepEqual(check.command, ['/usr/bin/tini', '--', '/bin/sh', '-c']);
    const ownEnv = Object.fromEntries(check.env.filter((e) => e.value !== undefined).map((e) => [e.name, e.value]));
    assert.equal(ownEnv.GOLD_SYNC_METRICS_PORT, containerEnv(objects, container(find(objects, 'StatefulSet', 'gold'), 'sync')).HEALTH_PORT);
    const bin = mkdtempSync(join(tmpdir(), 'songnodes-gold-check-'));
    try {
      // Stand-ins: ready instances 10.0.0.1-3 ($READY lists them); their sidecars' metrics (`node -e fetch URL`):
      // the ones in $REBUILDING report songnodes_sync_rebuilding 1, the ones in $UNSYNCED a NaN lag (prom-client
      // writes it "Nan"). `songnodes sync
      // --check` fails for the addresses in $DIFFERS, and for 10.0.0.2 only on its first attempt when $FLAKY is set.
      const stubs = {
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell script's ${READY:-…}, not a template
        getent: 'for ip in ${READY:-10.0.0.1 10.0.0.2}; do echo "$ip STREAM gold-ready"; echo "$ip DGRAM"; done',
        sleep: 'exit 0',
        node: `url="$3"; ip="\${url#http://}"; ip="\${ip%%:*}"
          echo "$url" >> "${bin}/scraped"
          echo '# HELP songnodes_sync_rebuilding 1 while this instance has an unfinished --full rebuild'
          case " \${REBUILDING:-} " in *" $ip "*) r=1 ;; *) r=0 ;; esac
          case " \${UNSYNCED:-} " in *" $ip "*) lag=Nan ;; *) lag=0 ;; esac
          echo "songnodes_sync_rebuilding{gold="x"} $r"
          echo "songnodes_sync_lag_transactions{gold="x"} $lag"`,
        songnodes: `echo "$NEO4J_URI" >> "${bin}/checked"
          case " \${DIFFERS:-} " in *" $NEO4J_URI "*) exit 1 ;; esac
          if [ -n "\${FLAKY:-}" ] && [ "$NEO4J_URI" = bolt://10.0.0.2:7687 ] && [ ! -f "${bin}/flaked" ]; then touch "${bin}/flaked"; exit 1; fi
          exit 0`,
      };
      for (const [name, body] of Object.entries(stubs)) {
        writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
        chmodSync(join(bin, name), 0o755);
      }
      const lines = (file) => (existsSync(join(bin, file)) ? readFileSync(join(bin, file), 'utf8').trim().split('\n') : []);
      const run = (env) => {
        for (const file of ['checked', 'scraped']) rmSync(join(bin, file), { force: true });
        const result = spawnSync('/bin/sh', ['-c', check.args[0]], {
          encoding: 'utf8',
          env: { PATH: `${bin}:/usr/bin:/bin`, ...ownEnv, ...env },
        });
        return { status: result.status, checked: lines('checked'), scraped: lines('scraped'), stderr: result.stderr };
      };
      const fine = run({});
      assert.equal(fine.status, 0, fine.stderr);
      assert.deepEqual(fine.checked, ['bolt://10.0.0.1:7687', 'bolt://10.0.0.2:7687']);
      assert.deepEqual(fine.scraped, ['http://10.0.0.1:9465/metrics', 'http://10.0.0.2:9465/metrics']);
      const flaky = run({ FLAKY: '1' });
      assert.equal(flaky.status, 0, 'a difference gone on the next attempt is lag, not drift');
      const drift = run({ DIFFERS: 'bolt://10.0.0.2:7687' });
      assert.equal(drift.status, 1);
      assert.deepEqual(drift.checked, ['bolt://10.0.0.1:7687', ...Array(3).fill('bolt://10.0.0.2:7687')]);
      assert.match(drift.stderr, /gold at 10\.0\.0\.2 differs from silver 3 times in a row/);
      const rebuilding = run({
        READY: '10.0.0.1 10.0.0.2 10.0.0.3',
        REBUILDING: '10.0.0.2',
        UNSYNCED: '10.0.0.3',
        DIFFERS: 'bolt://10.0.0.2:7687 bolt://10.0.0.3:7687',
      });
      assert.equal(rebuilding.status, 0, rebuilding.stderr);
      assert.deepEqual(rebuilding.checked, ['bolt://10.0.0.1:7687'], 'a rebuilding or never-synced instance is not compared with silver');
      assert.match(rebuilding.stderr, /gold at 10\.0\.0\.2 is rebuilding, skipped/);
      assert.match(rebuilding.stderr, /gold at 10\.0\.0\.3 has not finished a sync run/);
      const none = run({ READY: '10.0.0.2', REBUILDING: '10.0.0.2' });
      assert.equal(none.status, 1);
      assert.match(none.stderr, /no complete gold instance to check/);
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });

  test('the apps read the same generated ConfigMap and Secrets in the main and the migrate kustomization', () => {
    for (const overlay of ['local', 'production']) {
      const names = (path) =>
        rendered[path]
          .filter((o) => ['ConfigMap', 'Secret'].includes(o.kind) && o.metadata.name.startsWith('songnodes-config'))
          .map((o) => o.metadata.name);
      assert.deepEqual(names(`overlays/${overlay}`), names(`overlays/${overlay}/migrate`));
    }
  });

  test('the example env files list exactly the keys the Secrets carry (names only, no values)', () => {
    for (const [overlay, secret, file] of [
      ['local', 'songnodes-secrets', 'secrets.env.example'],
      ['local', 'songnodes-pg-app', 'db.env.example'],
      ['production', 'songnodes-secrets', 'secrets.env.example'],
      ['production', 'songnodes-backup-s3', 'backup-s3.env.example'],
    ]) {
      const text = readFileSync(join(K8S_DIR, 'overlays', overlay, 'secrets', file), 'utf8');
      const generated = rendered[`overlays/${overlay}`].find((o) => o.kind === 'Secret' && o.metadata.name.startsWith(secret));
      assert.ok(generated, `${overlay}: Secret ${secret}`);
      assert.deepEqual(Object.keys(generated.data).sort(), exampleKeys(text).sort());
      for (const line of text.split('\n').filter((l) => l && !l.startsWith('#')))
        assert.match(line, /^[A-Za-z_][A-Za-z0-9_]*=$/, `${file}: ${line}`);
    }
  });
});

describe('each rule catches a broken manifest', () => {
  test('a missing probe, resource or tag, and an image on latest', () => {
    const problems = problemsAfter('overlays/production', (objects) => {
      const c = container(api(objects), 'api');
      delete c.readinessProbe;
      delete c.resources.limits.memory;
      container(find(objects, 'Deployment', 'crawl-worker'), 'worker').image = 'registry.example.org/songnodes/app:latest';
      const neo4j = container(find(objects, 'StatefulSet', 'gold'), 'neo4j');
      neo4j.image = 'neo4j';
      neo4j.env.reverse(); // NEO4J_AUTH (neo4j/$(NEO4J_PASSWORD)) now comes before NEO4J_PASSWORD
    });
    includes(problems, /gold container neo4j: env NEO4J_AUTH uses \$\(NEO4J_PASSWORD\) before it is defined/);
    includes(problems, /Deployment\/api container api: no readinessProbe/);
    includes(problems, /Deployment\/api container api: no resources\.limits\.memory/);
    includes(problems, /crawl-worker container worker: image .* uses the tag latest/);
    includes(problems, /gold container neo4j: image neo4j has no tag/);
    assert.equal(imageProblem(`ghcr.io/x/y@sha256:${'a'.repeat(64)}`), null);
    assert.equal(imageProblem('localhost:5000/songnodes/app'), 'image localhost:5000/songnodes/app has no tag');
  });

  test('an unknown field, a wrong type and an unknown kind fail the schemas', () => {
    const objects = structuredClone(rendered['overlays/production']);
    const c = container(api(objects), 'api');
    c.livenesProbe = c.livenessProbe;
    find(objects, 'Deployment', 'crawl-worker').spec.replicas = 'two';
    find(objects, 'Cluster', 'songnodes-pg').spec.instancez = 3;
    find(objects, 'Cluster', 'songnodes-pg').spec.resources.limitz = { cpu: '1' };
    find(objects, 'PodMonitor', 'gold-sync').spec.podMetricsEndpoints[0].intervall = '15s';
    objects.push({ apiVersion: 'example.org/v1', kind: 'Gadget', metadata: { name: 'x' } });
    const problems = checkSchemas(objects);
    includes(problems, /^Deployment\/api: \/spec\/template\/spec\/containers\/0\/livenesProbe is an unknown field$/);
    includes(problems, /^Deployment\/crawl-worker: \/spec\/replicas must be integer$/);
    includes(problems, /^Cluster\/songnodes-pg: \/spec\/instancez is an unknown field$/);
    includes(problems, /^Cluster\/songnodes-pg: \/spec\/resources\/limitz is an unknown field$/);
    includes(problems, /^PodMonitor\/gold-sync: \/spec\/podMetricsEndpoints\/0\/intervall is an unknown field$/);
    includes(problems, /Gadget\/x: no schema for example\.org\/v1\/Gadget/);
    assert.equal(problems.length, 6, problems.join('\n'));
  });

  test('the CloudNativePG schemas: types, enums, required fields and what the documentation forbids', () => {
    const objects = structuredClone(rendered['overlays/production']);
    const cluster = find(objects, 'Cluster', 'songnodes-pg');
    cluster.spec.instances = 0;
    cluster.spec.primaryUpdateStrategy = 'automatic';
    cluster.metadata.labelz = {};
    delete cluster.spec.storage.size;
    const backup = find(objects, 'ScheduledBackup', 'songnodes-pg-nightly');
    backup.spec.schedule = '0 2 * * *'; // a CronJob's five fields: CloudNativePG's schedule has seconds first
    delete backup.spec.pluginConfiguration;
    const store = find(objects, 'ObjectStore', 'songnodes-backups');
    store.spec.configuration.serverName = 'songnodes-pg'; // "must always be left empty" in an ObjectStore
    store.spec.retentionPolicy = '30 days';
    store.spec.configuration.data.compression = 'zstd'; // WAL only
    delete store.spec.configuration.s3Credentials.accessKeyId.key;
    const problems = checkSchemas(objects);
    includes(problems, /Cluster\/songnodes-pg: \/spec\/instances must be >= 1/);
    includes(problems, /Cluster\/songnodes-pg: \/spec\/primaryUpdateStrategy must be equal to one of the allowed values/);
    includes(problems, /Cluster\/songnodes-pg: \/metadata\/labelz is an unknown field/);
    includes(problems, /Cluster\/songnodes-pg: \/spec\/storage must have required property 'size'/);
    includes(problems, /ScheduledBackup\/songnodes-pg-nightly: \/spec\/schedule must match pattern/);
    includes(problems, /ScheduledBackup\/songnodes-pg-nightly: \/spec must have required property 'pluginConfiguration'/);
    includes(problems, /ObjectStore\/songnodes-backups: \/spec\/configuration\/serverName is an unknown field/);
    includes(problems, /ObjectStore\/songnodes-backups: \/spec\/retentionPolicy must match pattern/);
    includes(
      problems,
      /ObjectStore\/songnodes-backups: \/spec\/configuration\/data\/compression must be equal to one of the allowed values/,
    );
    includes(
      problems,
      /ObjectStore\/songnodes-backups: \/spec\/configuration\/s3Credentials\/accessKeyId must have required property 'key'/,
    );
  });

  test('a Secret or key that is neither rendered nor documented', () => {
    const problems = problemsAfter('overlays/local', (objects) => {
      const env = container(api(objects), 'api').env;
      env.find((e) => e.name === 'NEO4J_PASSWORD').valueFrom.secretKeyRef.key = 'NEO4J_PASWORD';
      env.push({ name: 'EXTRA', valueFrom: { secretKeyRef: { name: 'nowhere', key: 'x' } } });
    });
    includes(problems, /has no key NEO4J_PASWORD/);
    includes(problems, /Secret nowhere is neither in the overlay nor documented/);
    // In production songnodes-pg-app is CloudNativePG's, documented in SECRETS.md with its keys.
    const production = optionsFor('overlays/production').externalSecrets;
    assert.ok(production.find((s) => s.name === 'songnodes-pg-app').keys.includes('uri'));
    assert.deepEqual(
      checkSecrets(rendered['overlays/production'], []).length > 0,
      true,
      'without the documentation the reference is a problem',
    );
    assert.deepEqual(
      externalSecrets(
        '## Made outside the manifests\n| overlay | Secret | keys | by |\n|---|---|---|---|\n| local | `a` | `k1`, `k2` | me |\n',
      ),
      { local: [{ name: 'a', keys: ['k1', 'k2'] }] },
    );
  });

  test('a multi-replica workload without a PodDisruptionBudget, and an HPA scaling nothing', () => {
    const objects = structuredClone(rendered['overlays/production']);
    const index = objects.findIndex((o) => o.kind === 'PodDisruptionBudget' && o.metadata.name === 'gold');
    objects.splice(index, 1);
    find(objects, 'HorizontalPodAutoscaler', 'api').spec.scaleTargetRef.name = 'apj';
    find(objects, 'Cluster', 'songnodes-pg').spec.enablePDB = false;
    const problems = checkDisruptionBudgets(objects);
    includes(problems, /StatefulSet\/gold: up to 2 replicas and no PodDisruptionBudget/);
    includes(problems, /HorizontalPodAutoscaler\/api: scales Deployment\/apj/);
    includes(problems, /Cluster\/songnodes-pg: 3 instances with enablePDB: false/);
  });

  test('network paths: internet egress beyond the crawler, no default deny, no DNS, a database client without its label', () => {
    const objects = structuredClone(rendered['overlays/production']);
    objects.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'api-anywhere', namespace: 'songnodes' },
      spec: {
        podSelector: { matchLabels: { 'app.kubernetes.io/component': 'api' } },
        policyTypes: ['Egress'],
        egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }],
      },
    });
    for (const name of ['default-deny', 'allow-dns'])
      objects.splice(
        objects.findIndex((o) => o.kind === 'NetworkPolicy' && o.metadata.name === name),
        1,
      );
    delete podTemplate(find(objects, 'StatefulSet', 'gold')).metadata.labels['songnodes.io/postgres-client'];
    const problems = checkNetworkPolicies(objects);
    includes(problems, /Deployment\/api -> the internet:443: allowed \(expected blocked\)/);
    includes(problems, /NetworkPolicy\/api-anywhere: egress to public addresses \(0\.0\.0\.0\/0\)/);
    includes(problems, /no default-deny NetworkPolicy/);
    includes(problems, /Deployment\/api -> kube-dns:53\/UDP: blocked/);
    includes(problems, /StatefulSet\/gold: reads DATABASE_URL but is not labelled songnodes\.io\/postgres-client/);
  });

  test('the rendered policies allow exactly the designed paths', () => {
    const objects = rendered['overlays/production'];
    const policies = objects.filter((o) => o.kind === 'NetworkPolicy');
    const pod = (component) => ({
      namespace: 'songnodes',
      labels: podTemplate(find(objects, component === 'gold' ? 'StatefulSet' : 'Deployment', component)).metadata.labels,
      ports: {},
    });
    const pg = { namespace: 'songnodes', labels: { 'cnpg.io/cluster': 'songnodes-pg', 'songnodes.io/postgres-server': 'true' }, ports: {} };
    const internet = { ip: '93.184.215.14' };
    assert.equal(allowed(policies, pod('api'), pg, 5432), true);
    assert.equal(allowed(policies, pod('api'), pod('gold'), 7687), true);
    assert.equal(allowed(policies, pod('api'), internet, 443), false);
    assert.equal(allowed(policies, pod('crawl-worker'), internet, 443), true);
    assert.equal(allowed(policies, pod('crawl-worker'), { ip: '10.1.2.3' }, 443), false, 'the crawler reaches no private address');
    assert.equal(allowed(policies, pod('crawl-worker'), pod('gold'), 7687), false);
    assert.equal(allowed(policies, pod('gold'), pg, 5432), true);
    assert.equal(allowed(policies, pod('gold'), internet, 443), false);
    assert.equal(allowed(policies, pg, internet, 443), false, 'PostgreSQL reaches no public address');
    assert.equal(
      allowed(policies, { namespace: 'ingress-nginx', labels: {}, ports: {} }, { ...pod('api'), ports: { http: 4000 } }, 4000),
      true,
    );
    assert.equal(allowed(policies, { namespace: 'elsewhere', labels: {}, ports: {} }, pg, 5432), false);
    // gold-check reads the sync sidecars' metrics; no other pod of the namespace does.
    const goldCheck = { namespace: 'songnodes', labels: podTemplate(find(objects, 'CronJob', 'gold-check')).metadata.labels, ports: {} };
    assert.equal(allowed(policies, goldCheck, pod('gold'), 9465), true);
    assert.equal(allowed(policies, goldCheck, pod('gold'), 7687), true);
    assert.equal(allowed(policies, pod('api'), pod('gold'), 9465), false);
    assert.equal(allowed(policies, { namespace: 'monitoring', labels: {}, ports: {} }, pod('gold'), 9465), true);
  });

  test('missing alert rules, monitors and scrape annotations', () => {
    const objects = structuredClone(rendered['overlays/production']);
    const rule = find(objects, 'PrometheusRule', 'songnodes');
    for (const group of rule.spec.groups) group.rules = group.rules.filter((r) => !/SyncLag|Refused/.test(r.alert));
    objects.splice(
      objects.findIndex((o) => o.kind === 'PodMonitor' && o.metadata.name === 'crawl-worker'),
      1,
    );
    delete podTemplate(api(objects)).metadata.annotations['prometheus.io/port'];
    find(objects, 'ConfigMap', 'songnodes-grafana-dashboard').data['songnodes.json'] = '{ not json';
    const problems = checkMonitoring(objects, { requireOperator: true });
    includes(problems, /no alert rule for sync lag/);
    includes(problems, /no alert rule for silent failures/);
    includes(problems, /Deployment\/crawl-worker: no ServiceMonitor or PodMonitor scrapes it/);
    includes(problems, /Deployment\/api: no prometheus\.io\/scrape and prometheus\.io\/port/);
    includes(problems, /songnodes\.json: not JSON/);
  });

  test('a process on loopback, or on another port than its probes and scrapes', () => {
    const problems = problemsAfter('overlays/production', (objects) => {
      const config = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('songnodes-config'));
      delete config.data.HOST;
      const sync = container(find(objects, 'StatefulSet', 'gold'), 'sync');
      sync.env.find((e) => e.name === 'HEALTH_PORT').value = '4001';
      podTemplate(find(objects, 'Deployment', 'crawl-worker')).metadata.annotations['prometheus.io/port'] = '9465';
    });
    includes(problems, /^Deployment\/api container api: listens on 127\.0\.0\.1 \(HOST, its default\)/);
    includes(problems, /^StatefulSet\/gold container sync: readinessProbe goes to port 9465, but HEALTH_PORT is 4001$/);
    includes(problems, /^StatefulSet\/gold container sync: no containerPort 4001 \(its HEALTH_PORT\)$/);
    includes(problems, /^Deployment\/crawl-worker: prometheus\.io\/port 9465 is not where a process of the pod serves \/metrics \(9464\)$/);
  });

  test('a gold pool that misses a gold pod, or reads them through a Service that hides the unready ones', () => {
    const problems = problemsAfter('overlays/production', (objects) => {
      find(objects, 'StatefulSet', 'gold').spec.replicas = 3;
      delete find(objects, 'Service', 'gold').spec.publishNotReadyAddresses;
    });
    includes(
      problems,
      /^Deployment\/api container api: NEO4J_URI names gold-0\.gold, gold-1\.gold, but the gold pool must name each of the 3 gold pods: gold-0\.gold, gold-1\.gold, gold-2\.gold$/,
    );
    includes(problems, /^StatefulSet\/gold: its serviceName gold must be a headless Service with publishNotReadyAddresses/);
  });

  test('a metric, label or legend the contract does not know', () => {
    const problems = problemsAfter('overlays/production', (objects) => {
      const rule = find(objects, 'PrometheusRule', 'songnodes');
      const lag = rule.spec.groups.flatMap((g) => g.rules).find((r) => r.alert === 'SongNodesSyncLag');
      lag.expr = 'max by (sync) (songnodes_sync_lag_seconds{namespace="songnodes"}) > 300'; // a label it does not have
      lag.annotations.summary = 'Gold instance {{ $labels.gold }} is behind';
      rule.spec.groups[0].rules.push({
        alert: 'SongNodesOld',
        expr: 'histogram_quantile(0.95, sum by (le) (rate(songnodes_sync_batch_seconds_bucket[5m]))) > 1',
      });
      const map = find(objects, 'ConfigMap', 'songnodes-grafana-dashboard');
      const dashboard = JSON.parse(map.data['songnodes.json']);
      const panel = dashboard.panels.find((p) => p.title.startsWith('Sync lag behind silver'));
      panel.targets[0].legendFormat = '{{pod}}'; // the query keeps only `gold`
      dashboard.panels.find((p) => p.title === 'Breakers open').targets[0].expr = 'sum(songnodes_crawl_breaker_open{breaker="open"})';
      map.data['songnodes.json'] = JSON.stringify(dashboard);
      find(objects, 'HorizontalPodAutoscaler', 'crawl-worker').spec.metrics[0].external.metric.name = 'songnodes_crawl_due';
    });
    includes(problems, /^PrometheusRule\/songnodes alert SongNodesSyncLag: groups by sync, which none of its metrics has$/);
    includes(problems, /^PrometheusRule\/songnodes alert SongNodesSyncLag: names the label gold, which its query's results do not carry$/);
    includes(
      problems,
      /^PrometheusRule\/songnodes alert SongNodesOld: songnodes_sync_batch_seconds_bucket is not a metric of the contract/,
    );
    includes(problems, /panel "Sync lag behind silver.*": names the label pod, which its query's results do not carry$/);
    includes(problems, /panel "Breakers open": songnodes_crawl_breaker_open has no label breaker \(its labels: source\)$/);
    includes(problems, /^HorizontalPodAutoscaler\/crawl-worker: songnodes_crawl_due is not a metric of the contract/);
  });

  test('a Cluster with an unpinned image and no resources', () => {
    const objects = structuredClone(rendered['overlays/production']);
    const cluster = find(objects, 'Cluster', 'songnodes-pg');
    cluster.spec.imageName = 'ghcr.io/cloudnative-pg/postgresql:latest';
    delete cluster.spec.resources;
    const problems = checkContainers(objects);
    includes(problems, /Cluster\/songnodes-pg: image .* uses the tag latest/);
    includes(problems, /Cluster\/songnodes-pg: no resources\.requests/);
  });

  test('a kustomization that does not build is an error, not an empty pass', () => {
    assert.throws(() => render(copy.dir, 'overlays/nowhere'), /kubectl kustomize overlays\/nowhere failed/);
    assert.throws(() => parseManifests('a: [1, 2\n'), /manifest/);
  });
});
