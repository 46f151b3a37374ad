// JSON schemas for the CloudNativePG kinds the production overlay uses, written for SongNodes from the CloudNativePG
// and Barman Cloud plugin documentation (validate/README.md, "CloudNativePG schemas"): not a copy of the CRDs. They
// cover only the fields our manifests use, strictly: any other field is refused, so a field added to a manifest must
// be added here too, after checking the documentation. `kubernetesModel` marks a subtree the documentation types as
// a Kubernetes core type; schemas.mjs checks it with that kubernetes-models model.

/** An object with exactly these fields (none other). */
const object = (properties, required = []) => ({ type: 'object', properties, required, additionalProperties: false });
/** A string -> string map (labels, annotations, PostgreSQL parameters). */
const stringMap = { type: 'object', additionalProperties: { type: 'string' } };
const text = { type: 'string', minLength: 1 };
/** Resource quantities (`50Gi`): a Kubernetes quantity string. */
const quantity = { type: 'string', pattern: '^[0-9.]+([KMGTPE]i?|[mkMGTPE]|e[0-9]+)?$' };
const metadata = { kubernetesModel: 'ObjectMeta' };
const typeMeta = (apiVersion, kind) => ({
  apiVersion: { type: 'string', const: apiVersion },
  kind: { type: 'string', const: kind },
  metadata,
});

// StorageConfiguration (cloudnative-pg.v1): size of the PVC, optionally its StorageClass.
const storage = object({ size: quantity, storageClass: text });

// PluginConfiguration (cloudnative-pg.v1, and "WAL archiving"): `name` is required; one plugin at most may be the
// WAL archiver (`isWALArchiver`); `parameters` is a string map (the Barman Cloud plugin reads barmanObjectName).
const plugin = object({ name: text, enabled: { type: 'boolean' }, isWALArchiver: { type: 'boolean' }, parameters: stringMap }, ['name']);

/** postgresql.cnpg.io/v1 Cluster (ClusterSpec in the API reference; "Scheduling" for the affinity). */
export const cluster = object(
  {
    ...typeMeta('postgresql.cnpg.io/v1', 'Cluster'),
    spec: object(
      {
        // Required, at least 1.
        instances: { type: 'integer', minimum: 1 },
        imageName: text,
        // unsupervised (default): the operator switches over to an updated standby by itself; supervised: a person does.
        primaryUpdateStrategy: { type: 'string', enum: ['unsupervised', 'supervised'] },
        enablePDB: { type: 'boolean' },
        inheritedMetadata: object({ labels: stringMap, annotations: stringMap }),
        // BootstrapConfiguration: initdb (a new cluster) is the only method our manifests use.
        bootstrap: object({ initdb: object({ database: text, owner: text }) }),
        postgresql: object({ parameters: stringMap }),
        storage: { ...storage, required: ['size'] },
        walStorage: { ...storage, required: ['size'] },
        resources: { kubernetesModel: 'ResourceRequirements' },
        // AffinityConfiguration: anti-affinity on by default, "preferred" unless "required".
        affinity: object({
          enablePodAntiAffinity: { type: 'boolean' },
          podAntiAffinityType: { type: 'string', enum: ['preferred', 'required'] },
          topologyKey: text,
        }),
        plugins: { type: 'array', items: plugin },
      },
      ['instances'],
    ),
  },
  ['apiVersion', 'kind', 'metadata', 'spec'],
);

/** postgresql.cnpg.io/v1 ScheduledBackup (ScheduledBackupSpec; "Backup" for the schedule's format). */
export const scheduledBackup = object(
  {
    ...typeMeta('postgresql.cnpg.io/v1', 'ScheduledBackup'),
    spec: {
      ...object(
        {
          // Six fields, seconds first ("0 0 2 * * *"), unlike a CronJob's five; or a descriptor such as @daily.
          schedule: { type: 'string', pattern: '^(@\\w+|\\S+( \\S+){5})$' },
          immediate: { type: 'boolean' },
          suspend: { type: 'boolean' },
          backupOwnerReference: { type: 'string', enum: ['none', 'self', 'cluster'] },
          cluster: object({ name: text }, ['name']),
          method: { type: 'string', enum: ['barmanObjectStore', 'volumeSnapshot', 'plugin'] },
          pluginConfiguration: object({ name: text, parameters: stringMap }, ['name']),
          target: { type: 'string', enum: ['primary', 'prefer-standby'] },
          online: { type: 'boolean' },
        },
        ['schedule', 'cluster'],
      ),
      // A plugin backup names its plugin.
      if: { properties: { method: { type: 'string', const: 'plugin' } }, required: ['method'] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, not a thenable
      then: { required: ['pluginConfiguration'] },
    },
  },
  ['apiVersion', 'kind', 'metadata', 'spec'],
);

// The Barman Cloud plugin's SecretKeySelector: both the Secret's name and the key are required.
const secretKey = object({ name: text, key: text }, ['name', 'key']);

/**
 * barmancloud.cnpg.io/v1 ObjectStore (the plugin's API reference; "Retention Policies", "Compression",
 * "Parameters"). `configuration` has the in-tree BarmanObjectStoreConfiguration's form, except `serverName`, which
 * "must always be left empty" in an ObjectStore (the Cluster's plugin parameters name the server): it is refused.
 */
export const objectStore = object(
  {
    ...typeMeta('barmancloud.cnpg.io/v1', 'ObjectStore'),
    spec: object(
      {
        // A recovery window: a positive number of days, weeks or months ("30d").
        retentionPolicy: { type: 'string', pattern: '^[1-9][0-9]*[dwm]$' },
        configuration: object(
          {
            destinationPath: { type: 'string', pattern: '^(s3|gs|https?)://.+' },
            endpointURL: { type: 'string', pattern: '^https?://.+' },
            s3Credentials: object({
              accessKeyId: secretKey,
              secretAccessKey: secretKey,
              region: secretKey,
              sessionToken: secretKey,
              inheritFromIAMRole: { type: 'boolean' },
            }),
            // lz4, xz and zstd compress WAL files only.
            wal: object({
              compression: { type: 'string', enum: ['bzip2', 'gzip', 'lz4', 'snappy', 'xz', 'zstd'] },
              maxParallel: { type: 'integer', minimum: 1 },
              encryption: { type: 'string', enum: ['AES256', 'aws:kms'] },
            }),
            data: object({
              compression: { type: 'string', enum: ['bzip2', 'gzip', 'snappy'] },
              jobs: { type: 'integer', minimum: 1 },
              immediateCheckpoint: { type: 'boolean' },
              encryption: { type: 'string', enum: ['AES256', 'aws:kms'] },
            }),
          },
          ['destinationPath'],
        ),
      },
      ['configuration'],
    ),
  },
  ['apiVersion', 'kind', 'metadata', 'spec'],
);
