// Request-body parsing and validation for the sub-resource write routes.
// Errors are Telnyx-style objects with `source.pointer` naming the field.

import { STATUSES } from './data.mjs';
import { errorBody } from './errors.mjs';
import { parseDateValue } from './filters.mjs';

const REPORT_FILTER_TYPES = {
  created_at__gt: 'date-time',
  created_at__lt: 'date-time',
  customer_reference__in: 'string[]',
  end_user_name: 'string',
  phone_numbers__overlaps: 'string[]',
  status__in: 'status[]',
};

export const field = (pointer, detail) => ({ code: '10015', title: 'Invalid parameter', detail, source: { pointer } });
export const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
export const typeName = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
/** A 422 answer with Telnyx-style errors. */
export const unprocessable = (errors) => ({ status: 422, body: { errors } });

/**
 * Parses a write request's JSON body. `body` is { contentType, text }.
 * Returns { value } (a JSON object) or { result } (a 400/422 answer).
 */
export function jsonBody(body) {
  const mediaType = (body.contentType ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType !== 'application/json') {
    const got = body.contentType === undefined ? 'no Content-Type' : `Content-Type '${body.contentType}'`;
    return { result: { status: 400, body: errorBody(400, `The request body must be JSON sent with Content-Type: application/json (got ${got})`, { source: { header: 'Content-Type' } }) } };
  }
  if (body.text.trim() === '') {
    return { result: { status: 400, body: errorBody(400, 'A JSON request body is required', { source: { pointer: '' } }) } };
  }
  let value;
  try {
    value = JSON.parse(body.text);
  } catch (err) {
    return { result: { status: 400, body: errorBody(400, `The request body is not valid JSON: ${err.message}`, { source: { pointer: '' } }) } };
  }
  if (!isObject(value)) return { result: unprocessable([field('', `The request body must be a JSON object, not ${typeName(value)}`)]) };
  return { value };
}

export function unknownKeys(obj, allowed, base) {
  return Object.keys(obj)
    .filter((k) => !allowed.includes(k))
    .map((k) => field(`${base}/${k}`, `Unknown field '${k}'; allowed: ${allowed.join(', ')}`));
}

/** Validation errors of a CreatePortoutReport body (report_type, params: ExportPortoutsCSVReport). */
export function reportParamErrors(b) {
  const errors = [];
  if (!('report_type' in b)) errors.push(field('/report_type', 'report_type is required'));
  else if (b.report_type !== 'export_portouts_csv') {
    errors.push(field('/report_type', `'${b.report_type}' is not a valid report_type; expected export_portouts_csv`));
  }
  if (!('params' in b)) return [...errors, field('/params', 'params is required')];
  if (!isObject(b.params)) return [...errors, field('/params', `params must be an object, not ${typeName(b.params)}`)];
  errors.push(...unknownKeys(b.params, ['filters'], '/params'));
  const f = b.params.filters;
  if (!('filters' in b.params)) return [...errors, field('/params/filters', 'params.filters is required')];
  if (!isObject(f)) return [...errors, field('/params/filters', `params.filters must be an object, not ${typeName(f)}`)];
  const allowed = Object.keys(REPORT_FILTER_TYPES);
  errors.push(...unknownKeys(f, allowed, '/params/filters'));
  for (const [k, v] of Object.entries(f)) {
    const type = REPORT_FILTER_TYPES[k];
    const at = `/params/filters/${k}`;
    if (type === 'date-time') {
      const d = typeof v === 'string' ? parseDateValue(v) : null;
      if (!d || d.kind !== 'datetime') errors.push(field(at, `${k} must be an RFC 3339 date-time string (e.g. 2024-09-04T00:00:00Z)`));
    } else if (type === 'string') {
      if (typeof v !== 'string') errors.push(field(at, `${k} must be a string, not ${typeName(v)}`));
    } else if (type === 'string[]' || type === 'status[]') {
      if (!Array.isArray(v)) errors.push(field(at, `${k} must be an array, not ${typeName(v)}`));
      else {
        v.forEach((item, i) => {
          if (typeof item !== 'string') errors.push(field(`${at}/${i}`, `${k}[${i}] must be a string, not ${typeName(item)}`));
          else if (type === 'status[]' && !STATUSES.includes(item)) {
            errors.push(field(`${at}/${i}`, `'${item}' is not a valid status; expected one of ${STATUSES.join(', ')}`));
          }
        });
      }
    }
  }
  return errors;
}
