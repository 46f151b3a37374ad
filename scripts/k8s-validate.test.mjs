// Unit tests of the k8s validator's parts that need no rendering: the contract tables of k8s/README.md against
// the source files they name, the unknown-field check on kubernetes-models, the NetworkPolicy evaluator.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseContract } from '../k8s/validate/contract.mjs';
import { readContract } from '../k8s/validate/main.mjs';
import { modelProblems } from '../k8s/validate/model-check.mjs';
import { allowed, inCidr, isPrivateCidr, matches } from '../k8s/validate/netpol.mjs';
import { K8S_DIR } from '../k8s/validate/render.mjs';

describe('the contract with the processes (k8s/README.md)', () => {
  const ROOT = join(K8S_DIR, '..');
  const contract = readContract();

  test('every landed row matches its source file; only the crawl worker is assumed', () => {
    const landedEndpoints = contract.endpoints.filter((row) => row.source);
    assert.deepEqual(
      landedEndpoints.map((row) => row.process),
      ['API', 'sync sidecar'],
    );
    for (const row of landedEndpoints) {
      const source = readFileSync(join(ROOT, row.source), 'utf8');
      for (const [variable, value] of [
        [row.hostVar, row.hostDefault],
        [row.portVar, String(row.portDefault)],
      ]) {
        assert.match(
          source,
          new RegExp(`env: '${variable}',\\s*default: '${value.replaceAll('.', '\\.')}'`),
          `${row.source} reads ${variable}, default ${value}`,
        );
      }
    }
    const landedMetrics = [...contract.metrics].filter(([, m]) => m.source);
    assert.equal(landedMetrics.length, 11);
    for (const [name, metric] of landedMetrics) {
      const source = readFileSync(join(ROOT, metric.source), 'utf8');
      assert.ok(source.includes(`name: '${name}'`), `${metric.source} defines ${name}`);
      for (const label of metric.labels) assert.match(source, new RegExp(`\\b${label}\\b`), `${metric.source}: label ${label} of ${name}`);
    }
    const assumed = [
      ...contract.endpoints.filter((row) => !row.source).map((row) => row.process),
      ...[...contract.metrics].filter(([, m]) => !m.source).map(([name]) => name),
    ];
    assert.deepEqual(assumed, [
      'crawl worker',
      'songnodes_crawl_requests_total',
      'songnodes_crawl_setlists_total',
      'songnodes_crawl_breaker_open',
      'songnodes_crawl_due_targets',
    ]);
  });

  test('the tables parse: variables, defaults, labels without their values', () => {
    const parsed = parseContract(
      `### Endpoints\n\n| process | container args | address | port | defined in |\n|---|---|---|---|---|\n| X | \`x --y\` | \`A\`, \`1.2.3.4\` | \`P\`, \`80\` | assumed |\n\n### Metrics\n\n| metric | type | labels | served by | defined in |\n|---|---|---|---|---|\n| \`m_total\` | counter | \`a\` (\`p\`/\`q\`), \`b\` | X | \`x.ts\` |\n`,
    );
    assert.deepEqual(parsed.endpoints, [
      { process: 'X', args: ['x', '--y'], hostVar: 'A', hostDefault: '1.2.3.4', portVar: 'P', portDefault: 80, source: null },
    ]);
    assert.deepEqual([...parsed.metrics], [['m_total', { type: 'counter', labels: ['a', 'b'], source: 'x.ts' }]]);
  });
});

describe('the unknown-field check on kubernetes-models', () => {
  test('map keys are data, a field the schema never looks at is unknown, at any depth', async () => {
    const { ConfigMap } = await import('kubernetes-models/v1/ConfigMap');
    const { Service } = await import('kubernetes-models/v1/Service');
    assert.deepEqual(
      modelProblems(ConfigMap, {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'a', labels: { anything: 'x' } },
        data: { ANY_KEY: 'v' },
      }),
      [],
    );
    assert.deepEqual(
      modelProblems(Service, {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 's' },
        spec: { ports: [{ port: 80 }, { port: 81, targetport: 8081 }], selectr: { a: 'b' } },
      }),
      [
        { instancePath: '/spec/ports/1/targetport', message: 'is an unknown field' },
        { instancePath: '/spec/selectr', message: 'is an unknown field' },
      ],
    );
    assert.deepEqual(
      modelProblems(Service, { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 'eighty' }] } }),
      [{ instancePath: '/spec/ports/0/port', message: 'must be integer' }],
    );
  });
});

describe('the network policy evaluator', () => {
  test('selectors, CIDRs and private ranges', () => {
    assert.equal(matches({}, { a: '1' }), true);
    assert.equal(matches({ matchLabels: { a: '1' } }, { a: '2' }), false);
    assert.equal(matches({ matchExpressions: [{ key: 'a', operator: 'In', values: ['1', '2'] }] }, { a: '2' }), true);
    assert.equal(matches({ matchExpressions: [{ key: 'a', operator: 'DoesNotExist' }] }, { a: '2' }), false);
    assert.equal(inCidr('10.1.2.3', '10.0.0.0/8'), true);
    assert.equal(inCidr('11.0.0.1', '10.0.0.0/8'), false);
    assert.equal(isPrivateCidr('172.16.0.0/12'), true);
    assert.equal(isPrivateCidr('10.0.0.0/7'), false);
    assert.equal(isPrivateCidr('0.0.0.0/0'), false);
  });

  test('a pod no policy selects is open; named ports resolve on the destination', () => {
    const a = { namespace: 'n', labels: { app: 'a' }, ports: {} };
    const b = { namespace: 'n', labels: { app: 'b' }, ports: { http: 8080 } };
    assert.equal(allowed([], a, b, 1234), true);
    const policy = {
      metadata: { name: 'p', namespace: 'n' },
      spec: {
        podSelector: { matchLabels: { app: 'b' } },
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ podSelector: { matchLabels: { app: 'a' } } }], ports: [{ port: 'http' }] }],
      },
    };
    assert.equal(allowed([policy], a, b, 8080), true);
    assert.equal(allowed([policy], a, b, 9090), false);
    assert.equal(allowed([policy], { ...a, namespace: 'other' }, b, 8080), false);
  });
});
