// The pod template of a workload, wherever its kind keeps it.

/** The pod template of a Deployment, StatefulSet or Job; of a CronJob, its job's. */
export function podTemplate(object) {
  if (object.kind === 'CronJob') return object.spec?.jobTemplate?.spec?.template;
  return object.spec?.template;
}
