// The spec's response schemas as an independent validator (Ajv, JSON Schema 2020-12, the
// dialect of OpenAPI 3.1), in two readings:
//   letter: JSON Schema as written; `format` is an annotation only (the 2020-12 default), so
//           `type: number, format: integer` allows 3.7;
//   intent: every `format` asserted, `integer` included (a whole number), plus uuid, uri, date-time.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { SPEC } from './prism.mjs';

const require = createRequire(import.meta.url);

export const spec = JSON.parse(readFileSync(SPEC, 'utf8'));

export function specExamples() {
  const props = spec.components.schemas.PortoutDetails.properties;
  const record = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, v.example ?? null]));
  const metaProps = spec.components.schemas.Metadata.properties;
  const meta = Object.fromEntries(Object.entries(metaProps).map(([k, v]) => [k, v.example]));
  return { record, meta };
}

/**
 * The validators of the two port-out bodies (list and get), letter and intent: the same
 * validators as makeOperationValidators (pass them in to compile them once).
 */
export function makeValidators(check = makeOperationValidators()) {
  return {
    list: (body) => check('GET /portouts', body),
    get: (body) => check('GET /portouts/{id}', body),
  };
}

/** The success status and 2xx response schema of an operation (schema null: no body, like 204). */
export function successOf(path, method) {
  const responses = spec.paths[path][method].responses;
  const code = Object.keys(responses).find((c) => /^2\d\d$/.test(c));
  return { status: Number(code), schema: responses[code].content?.['application/json']?.schema ?? null };
}

/**
 * Ajv validators of every operation's success body, keyed `${METHOD} ${path}`, read by the letter
 * and by the intent (as makeValidators). The intent reading also applies `PortoutEvent`'s
 * `discriminator`: by the letter its `oneOf` of three webhook schemas, none with a required
 * property, matches every object three times and so refuses every event; by the intent
 * (OpenAPI's discriminator) `event_type` is required and picks the one schema from the mapping.
 */
export function makeOperationValidators() {
  const Ajv2020 = require('ajv/dist/2020.js').default;
  const addFormats = require('ajv-formats').default ?? require('ajv-formats');
  const rewrite = (node) => JSON.parse(JSON.stringify(node).replaceAll('"#/components/schemas/', '"#/$defs/'));
  const defs = (intent) => {
    const d = rewrite(spec.components.schemas);
    if (intent) {
      const ev = d.PortoutEvent;
      const mapping = ev.discriminator.mapping;
      d.PortoutEvent = {
        type: 'object',
        required: [ev.discriminator.propertyName],
        properties: { [ev.discriminator.propertyName]: { enum: Object.keys(mapping) } },
        allOf: Object.entries(mapping).map(([k, ref]) => ({
          if: { properties: { [ev.discriminator.propertyName]: { const: k } }, required: [ev.discriminator.propertyName] },
          then: { $ref: rewrite(ref) },
        })),
      };
    }
    return d;
  };
  const build = (intent) => {
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: intent });
    if (intent) {
      addFormats(ajv);
      ajv.addFormat('integer', { type: 'number', validate: (n) => Number.isInteger(n) });
    }
    const $defs = defs(intent);
    const out = {};
    for (const [path, item] of Object.entries(spec.paths)) {
      for (const method of Object.keys(item)) {
        const { schema } = successOf(path, method);
        if (schema) out[`${method.toUpperCase()} ${path}`] = ajv.compile({ $schema: 'https://json-schema.org/draft/2020-12/schema', ...rewrite(schema), $defs });
      }
    }
    return out;
  };
  const letter = build(false);
  const intent = build(true);
  const verdict = (v, body) => (v(body) ? { valid: true } : { valid: false, errors: v.errors.map((e) => `${e.instancePath || '/'} ${e.message}`) });
  return (key, body) => {
    if (!letter[key]) throw new Error(`no response schema for ${key}`);
    return { letter: verdict(letter[key], body), intent: verdict(intent[key], body) };
  };
}
