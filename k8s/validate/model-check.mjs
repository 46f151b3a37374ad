// Runs a kubernetes-models model's validate() on plain data and adds what its schema leaves out: unknown fields.
// The Kubernetes OpenAPI schemas the models are compiled from never say `additionalProperties: false`, so a typo
// (`livenesProbe`) passes them, while the API server's strict field validation (what `kubectl apply` asks for by
// default) refuses it. A field is known when the model's schema looks at it: the validator reads the data
// through a recording proxy, and every key it never read is unknown. Maps (labels, ConfigMap data) are read key by
// key, so their keys count as known; a subtree the schema leaves free-form is not read, so it is refused too.

/**
 * @typedef {{ instancePath: string, message: string }} FieldProblem
 * `instancePath` is a JSON pointer into the data ('' for the root), as Ajv reports it.
 */

/** `data` wrapped so every property read is recorded in `read` (target object -> the keys read). */
function recording(data, read) {
  const proxies = new WeakMap();
  const wrap = (value) => {
    if (value === null || typeof value !== 'object') return value;
    if (!proxies.has(value)) {
      read.set(value, new Set());
      proxies.set(
        value,
        new Proxy(value, {
          get(target, key, receiver) {
            if (typeof key === 'string') read.get(target).add(key);
            return wrap(Reflect.get(target, key, receiver));
          },
        }),
      );
    }
    return proxies.get(value);
  };
  return wrap(data);
}

const escapePointer = (key) => key.replaceAll('~', '~0').replaceAll('/', '~1');

/** Every key of `data` (recursively) its validator never read, as problems. */
function unknownFields(data, read, path = '') {
  if (Array.isArray(data)) return data.flatMap((item, i) => unknownFields(item, read, `${path}/${i}`));
  if (data === null || typeof data !== 'object') return [];
  const known = read.get(data) ?? new Set();
  return Object.keys(data).flatMap((key) => {
    const where = `${path}/${escapePointer(key)}`;
    return known.has(key) ? unknownFields(data[key], read, where) : [{ instancePath: where, message: 'is an unknown field' }];
  });
}

/**
 * The problems of `data` as an instance of `Model` (a kubernetes-models class): its schema's errors, then its
 * unknown fields. Never throws for bad data.
 * @returns {FieldProblem[]}
 */
export function modelProblems(Model, data) {
  const read = new WeakMap();
  let errors = [];
  try {
    Model.prototype.validate.call(recording(data, read));
  } catch (error) {
    // @kubernetes-models/validate throws Ajv's ValidationError, whose `errors` are Ajv's (English messages).
    if (!Array.isArray(error?.errors)) throw error;
    errors = error.errors.map((e) => ({ instancePath: e.instancePath ?? '', message: e.message ?? e.keyword }));
  }
  return [...errors, ...unknownFields(data, read)];
}
