// Validates objects against the vendored JSON schemas (schemas/SOURCE.md): Kubernetes v1.34.0 for the built-in
// kinds, the published CRDs for CloudNativePG and the Prometheus Operator.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'schemas');
const K8S = 'kubernetes-v1.34.0';

/** apiVersion/kind -> schema file. A kind missing here is a problem, not a silent pass. */
export const KINDS = {
  'v1/ConfigMap': `${K8S}/configmap-v1.json`,
  'v1/Namespace': `${K8S}/namespace-v1.json`,
  'v1/Secret': `${K8S}/secret-v1.json`,
  'v1/Service': `${K8S}/service-v1.json`,
  'v1/ServiceAccount': `${K8S}/serviceaccount-v1.json`,
  'apps/v1/Deployment': `${K8S}/deployment-apps-v1.json`,
  'apps/v1/StatefulSet': `${K8S}/statefulset-apps-v1.json`,
  'batch/v1/Job': `${K8S}/job-batch-v1.json`,
  'batch/v1/CronJob': `${K8S}/cronjob-batch-v1.json`,
  'autoscaling/v2/HorizontalPodAutoscaler': `${K8S}/horizontalpodautoscaler-autoscaling-v2.json`,
  'policy/v1/PodDisruptionBudget': `${K8S}/poddisruptionbudget-policy-v1.json`,
  'networking.k8s.io/v1/NetworkPolicy': `${K8S}/networkpolicy-networking-v1.json`,
  'postgresql.cnpg.io/v1/Cluster': 'crds/postgresql.cnpg.io_cluster_v1.json',
  'postgresql.cnpg.io/v1/ScheduledBackup': 'crds/postgresql.cnpg.io_scheduledbackup_v1.json',
  'barmancloud.cnpg.io/v1/ObjectStore': 'crds/barmancloud.cnpg.io_objectstore_v1.json',
  'monitoring.coreos.com/v1/ServiceMonitor': 'crds/monitoring.coreos.com_servicemonitor_v1.json',
  'monitoring.coreos.com/v1/PodMonitor': 'crds/monitoring.coreos.com_podmonitor_v1.json',
  'monitoring.coreos.com/v1/PrometheusRule': 'crds/monitoring.coreos.com_prometheusrule_v1.json',
};

/**
 * Unknown fields are refused, as the API server's strict field validation does: every object schema that lists its
 * properties and says nothing about others gets additionalProperties: false (maps and free-form objects keep theirs).
 */
export function strict(schema) {
  if (Array.isArray(schema)) return schema.map(strict);
  if (!schema || typeof schema !== 'object') return schema;
  const out = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, key === 'enum' || key === 'default' ? value : strict(value)]));
  if (out.properties && out.additionalProperties === undefined && !out['x-kubernetes-preserve-unknown-fields']) {
    out.additionalProperties = false;
  }
  return out;
}

/**
 * CRD patterns are Go RE2: `(?i)` (a leading case-insensitive flag) becomes JavaScript's `i` flag. A pattern
 * JavaScript still cannot compile is not checked (reported once), rather than failing every object of the kind.
 */
export const unsupportedPatterns = new Set();
function goRegExp(pattern, flags) {
  const insensitive = pattern.startsWith('(?i)');
  try {
    return new RegExp(insensitive ? pattern.slice(4) : pattern, insensitive ? `${flags}i` : flags);
  } catch {
    unsupportedPatterns.add(pattern);
    return { test: () => true };
  }
}

let validators;
function validatorFor(key) {
  validators ??= new Map();
  if (!validators.has(key)) {
    const file = KINDS[key];
    if (!file) return null;
    // strict: false lets the schemas' x-kubernetes-* keywords and formats (int32, int-or-string) through.
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, code: { regExp: goRegExp } });
    validators.set(key, ajv.compile(strict(JSON.parse(readFileSync(join(DIR, file), 'utf8')))));
  }
  return validators.get(key);
}

/** Schema problems of one object, as readable lines. */
export function schemaProblems(object) {
  const key = `${object?.apiVersion}/${object?.kind}`;
  const name = `${object?.kind}/${object?.metadata?.name}`;
  const validate = validatorFor(key);
  if (!validate) return [`${name}: no schema for ${key} (add it to k8s/validate/schemas.mjs)`];
  if (validate(object)) return [];
  return validate.errors.slice(0, 5).map((e) => {
    const extra = e.keyword === 'additionalProperties' ? ` '${e.params.additionalProperty}'` : '';
    return `${name}: ${e.instancePath || '/'} ${e.message}${extra}`;
  });
}
