// How the visibility test (visibility.test.mjs) reads the served OpenAPI document: its operations,
// the kind of record each path parameter names, and plausible bodies and values from the
// schemas; and how it compares two answers.

// The kind of record a path parameter names, from the collection segment before it.
export const PATH_KINDS = {
  complaints: 'complaint',
  'service-requests': 'service_request',
  cases: 'ombudsman_case',
  'failure-orders': 'failure_order',
  learning: 'learning_action',
};

// The walker of `spec`: `pathKinds` maps a collection segment to the kind of record its
// {reference} names, `values` gives body values that must be real by property name, `also` the
// optional properties filled all the same, `year` the financial year every date falls in.
export function openApiWalker({ spec, pathKinds, values, also, year }) {
  const PATH_KINDS = pathKinds;
  const VALUES = values;
  const ALSO = also;
  const YEAR = year;

  function resolve(schema) {
    let current = schema;
    while (current && current.$ref) {
      current = current.$ref
        .replace(/^#\//, '')
        .split('/')
        .reduce((node, key) => node[key], spec);
    }
    return current ?? {};
  }

  function operations() {
    const found = [];
    for (const [path, item] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(resolve);
        const schema = resolve(op.requestBody?.content?.['application/json']?.schema);
        found.push({
          method: method.toUpperCase(),
          path,
          id: op.operationId,
          parameters,
          bodySchema: op.requestBody ? schema : undefined,
          isPublic: Array.isArray(op.security) && op.security.length === 0,
        });
      }
    }
    return found;
  }

  // The kind of record each path parameter names ('complaint', ...), or undefined.
  function pathParams(op) {
    const names = [];
    const segments = op.path.split('/');
    segments.forEach((segment, i) => {
      const match = /^\{(\w+)\}$/.exec(segment);
      if (!match) return;
      const name = match[1];
      let kind;
      if (name === 'reference') kind = PATH_KINDS[segments[i - 1]];
      else if (name === 'other') kind = 'complaint';
      names.push({ name, kind });
    });
    return names;
  }

  function fill(path, values) {
    return path.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(values[name]));
  }

  // A value for a schema: VALUES by property name, else the first enum value, else by type.
  function sample(schema, name) {
    const s = resolve(schema);
    if (s.enum) return s.enum.find((v) => v !== null);
    if (name !== undefined && VALUES[name] !== undefined) return VALUES[name];
    if (s.default !== undefined) return s.default;
    const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
    if (s.format === 'date') return `${YEAR}-07-01`;
    switch (type) {
      case 'integer':
      case 'number':
        return s.minimum ?? 1;
      case 'boolean':
        return false;
      case 'array':
        return s.minItems ? [sample(s.items)] : [];
      case 'object':
        return minimalBody(s);
      default:
        return s.properties ? minimalBody(s) : 'x';
    }
  }

  function minimalBody(schema) {
    const s = resolve(schema);
    const body = {};
    for (const name of s.required ?? []) body[name] = sample(s.properties?.[name] ?? {}, name);
    for (const [name, value] of Object.entries(ALSO)) {
      if (s.properties?.[name] && body[name] === undefined) body[name] = value;
    }
    return body;
  }

  // A body naming `value` in the property `property` (a record), with a `source` that matches.
  function namingBody(schema, property, value) {
    const s = resolve(schema);
    const body = minimalBody(s);
    const prop = resolve(s.properties[property]);
    body[property] = prop.type === 'array' ? [value] : value;
    const source = resolve(s.properties?.source ?? {});
    if (source.enum?.includes(property)) body.source = property;
    else if (property === 'complaints' && source.enum?.includes('complaints'))
      body.source = 'complaints';
    if (body.source === 'ombudsman_case') delete body.complaints;
    return body;
  }

  return { resolve, operations, pathParams, fill, sample, minimalBody, namingBody };
}

// The same form as `reference`, naming nothing: its last run of digits all nines.
export function unknownLike(reference) {
  return reference.replace(/(\d+)(?!.*\d)/, (digits) => '9'.repeat(digits.length));
}

// An answer with `value` written as <REF>, for comparing a hidden record's with an unknown one's.
export function shape(result, values) {
  let text = result.text;
  for (const value of values) text = text.split(value).join('<REF>');
  text = text.split(encodeURIComponent(values[0] ?? '')).join('<REF>');
  return { status: result.status, type: result.type, text };
}

// Where two answers differ, as up to `limit` lines "path: before → after".
export function differences(a, b, path = '', found = [], limit = 6) {
  if (found.length >= limit || JSON.stringify(a) === JSON.stringify(b)) return found;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      differences(a[key], b[key], `${path}.${key}`, found, limit);
    }
    return found;
  }
  const show = (v) => (JSON.stringify(v) ?? 'absent').slice(0, 140);
  found.push(`${path || '(body)'}: ${show(a)} → ${show(b)}`);
  return found;
}

// `value` without the fields named in `volatile`, at any depth.
export function withoutVolatile(value, volatile) {
  if (Array.isArray(value)) return value.map((item) => withoutVolatile(item, volatile));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !volatile.has(key))
        .map(([k, v]) => [k, withoutVolatile(v, volatile)]),
    );
  }
  return value;
}
