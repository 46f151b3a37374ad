// Validates each rendered object against its kind's schema, unknown fields refused (model-check.mjs):
//   built-in kinds     kubernetes-models 4.5.1: Kubernetes v1.33.0's OpenAPI schemas, compiled into validate()
//   monitoring kinds   @kubernetes-models/prometheus-operator 4.4.4: prometheus-operator v0.65.1's CRDs
//   CloudNativePG      our own schemas (cnpg-schemas.mjs), with Ajv
// (The 5.x releases of both packages need Node 22; these are the newest that run on Node 20.)
import Ajv from 'ajv';
import { ObjectMeta } from '@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta';
import { PodMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor';
import { PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { ResourceRequirements } from 'kubernetes-models/v1/ResourceRequirements';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { cluster, objectStore, scheduledBackup } from './cnpg-schemas.mjs';
import { modelProblems } from './model-check.mjs';

/** apiVersion/kind -> its model. A kind missing here (and in OWN_SCHEMAS) is a problem, not a silent pass. */
export const MODELS = Object.fromEntries(
  [
    ConfigMap,
    Namespace,
    Secret,
    Service,
    ServiceAccount,
    Deployment,
    StatefulSet,
    Job,
    CronJob,
    HorizontalPodAutoscaler,
    PodDisruptionBudget,
    NetworkPolicy,
    ServiceMonitor,
    PodMonitor,
    PrometheusRule,
  ].map((Model) => [`${Model.apiVersion}/${Model.kind}`, Model]),
);

/** Kubernetes types our own schemas refer to with `kubernetesModel`. */
const PARTS = { ObjectMeta, ResourceRequirements };

let ownValidators;
function ownValidator(key) {
  if (!ownValidators) {
    const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
    ajv.addKeyword({
      keyword: 'kubernetesModel',
      schemaType: 'string',
      errors: true,
      validate: function checkPart(name, data, _schema, context) {
        const problems = modelProblems(PARTS[name], data);
        checkPart.errors = problems.map((p) => ({
          keyword: 'kubernetesModel',
          instancePath: context.instancePath + p.instancePath,
          message: p.message,
          params: {},
        }));
        return problems.length === 0;
      },
    });
    ownValidators = new Map(
      Object.entries({
        'postgresql.cnpg.io/v1/Cluster': cluster,
        'postgresql.cnpg.io/v1/ScheduledBackup': scheduledBackup,
        'barmancloud.cnpg.io/v1/ObjectStore': objectStore,
      }).map(([k, schema]) => [k, ajv.compile(schema)]),
    );
  }
  return ownValidators.get(key);
}

/** Ajv's errors in the models' form; an unknown field is named by its own path, as model-check.mjs does. */
function fromAjv(errors) {
  return errors
    .filter((e) => !['if'].includes(e.keyword))
    .map((e) =>
      e.keyword === 'additionalProperties'
        ? { instancePath: `${e.instancePath}/${e.params.additionalProperty}`, message: 'is an unknown field' }
        : { instancePath: e.instancePath, message: e.message },
    );
}

/** Schema problems of one object, as readable lines (at most 5 an object). */
export function schemaProblems(object) {
  const key = `${object?.apiVersion}/${object?.kind}`;
  const name = `${object?.kind}/${object?.metadata?.name}`;
  let problems;
  if (MODELS[key]) problems = modelProblems(MODELS[key], object);
  else if (ownValidator(key)) {
    const validate = ownValidator(key);
    problems = validate(object) ? [] : fromAjv(validate.errors);
  } else return [`${name}: no schema for ${key} (add it to k8s/validate/schemas.mjs)`];
  return problems.slice(0, 5).map((p) => `${name}: ${p.instancePath || '/'} ${p.message}`);
}
