// The same response schema as the library checks (every PortoutDetails field optional and
// nullable with its JSON type, unknown fields kept; meta with four integers), written for
// each baseline validator. Works in Node and browsers.
import { z as z4 } from 'zod';
import { z as z3 } from 'zod3';
import * as v from 'valibot';
import Ajv from 'ajv';

const TEXT = ['authorized_name', 'carrier_name', 'city', 'created_at', 'current_carrier', 'end_user_name', 'foc_date', 'id', 'inserted_at', 'pon', 'reason', 'record_type', 'requested_foc_date', 'service_address', 'spid', 'state', 'status', 'support_key', 'updated_at', 'user_id', 'vendor', 'zip'];
const BOOL = ['already_ported', 'host_messaging'];
const INT = ['rejection_code'];
const LIST = ['lsr', 'phone_numbers'];
const META = ['page_number', 'page_size', 'total_pages', 'total_results'];

function zodSchema(z) {
  const shape = {};
  for (const k of TEXT) shape[k] = z.string().nullable().optional();
  for (const k of BOOL) shape[k] = z.boolean().nullable().optional();
  for (const k of INT) shape[k] = z.number().int().nullable().optional();
  for (const k of LIST) shape[k] = z.array(z.string()).nullable().optional();
  const meta = z.object(Object.fromEntries(META.map((k) => [k, z.number().int().nonnegative()])));
  return z.object({ data: z.array(z.object(shape).passthrough()), meta });
}

export const zod4 = zodSchema(z4);
export const zod3 = zodSchema(z3);

const vShape = {};
for (const k of TEXT) vShape[k] = v.optional(v.nullable(v.string()));
for (const k of BOOL) vShape[k] = v.optional(v.nullable(v.boolean()));
for (const k of INT) vShape[k] = v.optional(v.nullable(v.pipe(v.number(), v.integer())));
for (const k of LIST) vShape[k] = v.optional(v.nullable(v.array(v.string())));
export const valibot = v.object({
  data: v.array(v.looseObject(vShape)),
  meta: v.object(Object.fromEntries(META.map((k) => [k, v.pipe(v.number(), v.integer(), v.minValue(0))]))),
});
export const valibotParse = (x) => v.parse(valibot, x);

const props = {};
for (const k of TEXT) props[k] = { type: ['string', 'null'] };
for (const k of BOOL) props[k] = { type: ['boolean', 'null'] };
for (const k of INT) props[k] = { type: ['integer', 'null'] };
for (const k of LIST) props[k] = { type: ['array', 'null'], items: { type: 'string' } };
const ajv = new Ajv({ allErrors: false });
export const ajvValidate = ajv.compile({
  type: 'object',
  required: ['data', 'meta'],
  properties: {
    data: { type: 'array', items: { type: 'object', properties: props } },
    meta: { type: 'object', required: META, properties: Object.fromEntries(META.map((k) => [k, { type: 'integer', minimum: 0 }])) },
  },
});
