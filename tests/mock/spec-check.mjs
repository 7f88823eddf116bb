// A tiny checker for the OpenAPI 3.1 schemas in spec/telnyx-portouts.openapi.json,
// used by the mock's tests. It knows exactly what that file uses: $ref, type
// (also a list, with "null"), properties, required, items, minItems/maxItems,
// minimum/maximum, enum, oneOf (with a discriminator mapping, like an OpenAPI
// tool would), and the formats uuid, date-time, uri and integer.
//
// `strict: true` also reports properties a schema does not declare (the spec
// never sets additionalProperties, so this is stricter than the spec: it
// catches misspelt property names). `allowExtra` names properties that are
// exempt (the mock's documented `ported_out_at`).

import { readFileSync } from 'node:fs';

export const spec = JSON.parse(readFileSync(new URL('../../spec/telnyx-portouts.openapi.json', import.meta.url), 'utf8'));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

function resolve(schema) {
  let s = schema;
  while (s && s.$ref) s = s.$ref.split('/').slice(1).reduce((o, k) => o[k], spec);
  return s;
}

function typeOk(type, v) {
  switch (type) {
    case 'null':
      return v === null;
    case 'string':
      return typeof v === 'string';
    case 'boolean':
      return typeof v === 'boolean';
    case 'integer':
      return Number.isInteger(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'array':
      return Array.isArray(v);
    case 'object':
      return v !== null && typeof v === 'object' && !Array.isArray(v);
    default:
      throw new Error(`spec-check: unsupported type ${type}`);
  }
}

/** Errors (strings) of `value` against `schema`; [] when it conforms. */
export function validate(schema, value, opts = {}, path = '$') {
  const s = resolve(schema);
  const errs = [];
  if (!s || Object.keys(s).length === 0) return errs;

  if (s.oneOf) {
    if (s.discriminator) {
      const prop = s.discriminator.propertyName;
      const ref = s.discriminator.mapping?.[value?.[prop]];
      if (!ref) errs.push(`${path}.${prop}: ${JSON.stringify(value?.[prop])} is not a discriminator value`);
      else errs.push(...validate({ $ref: ref }, value, opts, path));
    } else {
      const n = s.oneOf.filter((x) => validate(x, value, opts, path).length === 0).length;
      if (n !== 1) errs.push(`${path}: matches ${n} of ${s.oneOf.length} oneOf schemas`);
    }
  }
  if (s.type !== undefined) {
    const types = [s.type].flat();
    if (!types.some((t) => typeOk(t, value))) {
      errs.push(`${path}: expected ${types.join('|')}, got ${JSON.stringify(value)?.slice(0, 60)}`);
      return errs;
    }
  }
  if (s.enum && !s.enum.includes(value)) errs.push(`${path}: ${JSON.stringify(value)} not in enum [${s.enum.join(', ')}]`);
  if (typeof value === 'string') {
    if (s.format === 'uuid' && !UUID.test(value)) errs.push(`${path}: '${value}' is not a uuid`);
    if (s.format === 'date-time' && (!DATE_TIME.test(value) || Number.isNaN(Date.parse(value)))) {
      errs.push(`${path}: '${value}' is not a date-time`);
    }
    if (s.format === 'uri' && !URL.canParse(value)) errs.push(`${path}: '${value}' is not a uri`);
  }
  if (typeof value === 'number') {
    if (s.format === 'integer' && !Number.isInteger(value)) errs.push(`${path}: ${value} is not an integer`);
    if (s.minimum !== undefined && value < s.minimum) errs.push(`${path}: ${value} < ${s.minimum}`);
    if (s.maximum !== undefined && value > s.maximum) errs.push(`${path}: ${value} > ${s.maximum}`);
  }
  if (Array.isArray(value)) {
    if (s.minItems !== undefined && value.length < s.minItems) errs.push(`${path}: fewer than ${s.minItems} items`);
    if (s.maxItems !== undefined && value.length > s.maxItems) errs.push(`${path}: more than ${s.maxItems} items`);
    if (s.items) value.forEach((v, i) => errs.push(...validate(s.items, v, opts, `${path}[${i}]`)));
  }
  if (typeOk('object', value) && (s.properties || s.required)) {
    for (const k of s.required ?? []) if (!(k in value)) errs.push(`${path}: missing required '${k}'`);
    for (const [k, v] of Object.entries(value)) {
      if (s.properties?.[k]) errs.push(...validate(s.properties[k], v, opts, `${path}.${k}`));
      else if (opts.strict && !(opts.allowExtra ?? []).includes(k)) errs.push(`${path}: undeclared property '${k}'`);
    }
  }
  return errs;
}

/** The JSON schema of a documented response, or undefined when it has no body. Throws if undocumented. */
export function responseSchema(method, template, status) {
  const op = spec.paths[template]?.[method.toLowerCase()];
  if (!op) throw new Error(`spec has no ${method} ${template}`);
  const resp = op.responses[String(status)];
  if (!resp) throw new Error(`spec documents no ${status} for ${method} ${template} (has ${Object.keys(op.responses).join(', ')})`);
  return resp.content?.['application/json']?.schema;
}

/** The JSON schema of an operation's request body. */
export function requestSchema(method, template) {
  const op = spec.paths[template][method.toLowerCase()];
  const rb = resolve(op.requestBody);
  return rb.content['application/json'].schema;
}

export const schema = (name) => ({ $ref: `#/components/schemas/${name}` });
