// Query-string parsing, validation and filtering for GET /v2/portouts.
//
// Written independently of the Rust library: it is the reference the
// library's query encoding is checked against.

import { STATUSES, countryOfNumber } from './data.mjs';

export const MAX_PAGE_SIZE = 250;
export const DEFAULT_PAGE_SIZE = 20;

/**
 * Splits a raw query string (without '?') into decoded [key, value] pairs.
 * `+` is kept as a literal plus (never turned into a space). Percent-decoding
 * uses decodeURIComponent semantics; a malformed escape yields an error entry.
 * Returns { pairs, errors }.
 */
export function parseQuery(raw) {
  const pairs = [];
  const errors = [];
  if (!raw) return { pairs, errors };
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawKey = eq === -1 ? part : part.slice(0, eq);
    const rawValue = eq === -1 ? '' : part.slice(eq + 1);
    let key;
    let value;
    try {
      key = decodeURIComponent(rawKey);
      value = decodeURIComponent(rawValue);
    } catch {
      errors.push(invalid(rawKey, `Malformed percent-encoding in query parameter '${part}'`));
      continue;
    }
    pairs.push([key, value]);
  }
  return { pairs, errors };
}

/** A Telnyx-style 422 error object. */
export function invalid(parameter, detail) {
  return { code: '10015', title: 'Invalid parameter', detail, source: { parameter } };
}

// `name[a][b]` -> { name, path: ['a', 'b'] }, or null if the key has another shape.
export function splitKey(key) {
  const m = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
  if (!m) return null;
  const path = [];
  const re = /\[([^[\]]*)\]/g;
  let g;
  while ((g = re.exec(m[2]))) path.push(g[1]);
  return { name: m[1], path };
}

const SCALAR_FILTERS = new Set([
  'carrier_name', 'country_code', 'foc_date', 'phone_number', 'pon', 'spid', 'status', 'support_key',
]);
const ARRAY_FILTERS = new Set(['status_in', 'country_code_in']);
const RANGE_FILTERS = new Set(['inserted_at', 'ported_out_at']);
export const FILTER_KEYS = [
  'filter[carrier_name]', 'filter[country_code]', 'filter[country_code_in]', 'filter[foc_date]',
  'filter[inserted_at][gte]', 'filter[inserted_at][lte]', 'filter[phone_number]', 'filter[pon]',
  'filter[ported_out_at][gte]', 'filter[ported_out_at][lte]', 'filter[spid]', 'filter[status]',
  'filter[status_in]', 'filter[support_key]',
];

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

function validYmd(y, mo, d) {
  if (mo < 1 || mo > 12 || d < 1) return false;
  const dim = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= dim;
}

/**
 * Parses an RFC 3339 date-time or a YYYY-MM-DD date.
 * Returns { kind: 'date', start, end } (UTC day bounds, ms) or
 * { kind: 'datetime', floor, ceil } (instant in ms; floor/ceil differ only
 * when the value has sub-millisecond digits), or null when malformed.
 */
export function parseDateValue(s) {
  let m = DATE_RE.exec(s);
  if (m) {
    const [y, mo, d] = [+m[1], +m[2], +m[3]];
    if (!validYmd(y, mo, d)) return null;
    const start = Date.UTC(y, mo - 1, d);
    return { kind: 'date', start, end: start + 86400000 - 1 };
  }
  m = DATETIME_RE.exec(s);
  if (!m) return null;
  const [y, mo, d, hh, mi, ss] = [+m[1], +m[2], +m[3], +m[4], +m[5], +m[6]];
  if (!validYmd(y, mo, d) || hh > 23 || mi > 59 || ss > 60) return null;
  let offsetMin = 0;
  if (m[8] !== 'Z' && m[8] !== 'z') {
    const sign = m[8][0] === '-' ? -1 : 1;
    const oh = +m[8].slice(1, 3);
    const om = +m[8].slice(4, 6);
    if (oh > 23 || om > 59) return null;
    offsetMin = sign * (oh * 60 + om);
  }
  const frac = m[7] ? m[7].slice(1) : '';
  const msWhole = frac ? +frac.slice(0, 3).padEnd(3, '0') : 0;
  const subMs = frac.length > 3 && /[1-9]/.test(frac.slice(3));
  const base = Date.UTC(y, mo - 1, d, hh, mi, Math.min(ss, 59)) + msWhole - offsetMin * 60000;
  return { kind: 'datetime', floor: base, ceil: subMs ? base + 1 : base };
}

const utcDay = (ms) => new Date(ms).toISOString().slice(0, 10);

/**
 * Validates decoded query pairs for the list endpoint.
 * Returns { errors: [...] } or { page: {number, size}, filter: {...} }.
 * Keys other than page[...] and filter[...] are ignored.
 */
export function parseListQuery(pairs) {
  const errors = [];
  const seen = new Set();
  const page = { number: 1, size: DEFAULT_PAGE_SIZE };
  const filter = {};
  const arrays = { status_in: null, country_code_in: null };

  const once = (key) => {
    if (seen.has(key)) {
      errors.push(invalid(key, `${key} must not be given more than once`));
      return false;
    }
    seen.add(key);
    return true;
  };

  for (const [key, value] of pairs) {
    const k = splitKey(key);
    if (!k || (k.name !== 'page' && k.name !== 'filter')) {
      if (/^(page|filter)\b/.test(key)) errors.push(invalid(key, `Unknown query parameter ${key}`));
      continue; // other top-level keys are ignored
    }
    if (k.path.length === 0) {
      errors.push(invalid(key, `${key} must be used as ${key}[...] (deepObject style)`));
      continue;
    }

    if (k.name === 'page') {
      const sub = k.path[0];
      if (k.path.length !== 1 || (sub !== 'number' && sub !== 'size')) {
        errors.push(invalid(key, `Unknown page parameter ${key}; expected page[number] or page[size]`));
        continue;
      }
      if (!once(key)) continue;
      const n = /^\d+$/.test(value) ? Number(value) : NaN;
      if (sub === 'number') {
        if (!Number.isSafeInteger(n) || n < 1) {
          errors.push(invalid(key, 'page[number] must be an integer greater than or equal to 1'));
        } else page.number = n;
      } else if (!Number.isSafeInteger(n) || n < 1 || n > MAX_PAGE_SIZE) {
        errors.push(invalid(key, `page[size] must be between 1 and ${MAX_PAGE_SIZE}`));
      } else page.size = n;
      continue;
    }

    // filter[...]
    const name = k.path[0];
    if (SCALAR_FILTERS.has(name) && k.path.length === 1) {
      if (!once(key)) continue;
      const err = validateScalar(name, key, value);
      if (err) errors.push(err);
      else filter[name] = name === 'foc_date' ? utcDay(dateStart(value)) : value;
      continue;
    }
    if (ARRAY_FILTERS.has(name) && (k.path.length === 1 || (k.path.length === 2 && /^\d*$/.test(k.path[1])))) {
      const items = value.split(',');
      arrays[name] ??= [];
      for (const item of items) {
        const err =
          name === 'status_in' ? validateStatus(key, item) : validateCountry(key, item);
        if (err) errors.push(err);
        else arrays[name].push(item);
      }
      continue;
    }
    if (RANGE_FILTERS.has(name) && k.path.length === 2 && (k.path[1] === 'gte' || k.path[1] === 'lte')) {
      if (!once(key)) continue;
      const d = parseDateValue(value);
      if (!d) {
        errors.push(invalid(key, `${key} must be an RFC 3339 date-time (e.g. 2024-09-04T00:00:00.000Z) or a date (YYYY-MM-DD)`));
        continue;
      }
      filter[name] ??= {};
      // Inclusive bounds: a date-only gte is the start of that UTC day, a
      // date-only lte the end of it.
      filter[name][k.path[1]] =
        k.path[1] === 'gte' ? (d.kind === 'date' ? d.start : d.ceil) : d.kind === 'date' ? d.end : d.floor;
      continue;
    }
    errors.push(
      invalid(key, `Unknown filter ${key}. Supported: ${FILTER_KEYS.join(', ')}`),
    );
  }

  for (const [name, list] of Object.entries(arrays)) if (list) filter[name] = list;
  if (errors.length) return { errors };
  return { page, filter };
}

function dateStart(value) {
  const d = parseDateValue(value);
  return d.kind === 'date' ? d.start : d.floor;
}

function validateStatus(key, value) {
  if (!STATUSES.includes(value)) {
    return invalid(key, `'${value}' is not a valid status; expected one of ${STATUSES.join(', ')}`);
  }
  return null;
}

function validateCountry(key, value) {
  if (!/^[A-Z]{2}$/.test(value)) {
    return invalid(key, `'${value}' is not a valid country code; expected 2 upper-case letters (ISO 3166-1 alpha-2)`);
  }
  return null;
}

function validateScalar(name, key, value) {
  switch (name) {
    case 'status':
      return validateStatus(key, value);
    case 'country_code':
      return validateCountry(key, value);
    case 'foc_date':
      return parseDateValue(value)
        ? null
        : invalid(key, `${key} must be an RFC 3339 date-time (e.g. 2024-09-04T00:00:00.000Z) or a date (YYYY-MM-DD)`);
    default:
      return null;
  }
}

/** Country of a port-out: the country of its first phone number. */
export function recordCountry(record) {
  return Array.isArray(record.phone_numbers) ? countryOfNumber(record.phone_numbers[0]) : null;
}

function inRange(iso, range) {
  if (iso == null) return false; // records without the timestamp never match a range filter
  const t = Date.parse(iso);
  if (range.gte !== undefined && t < range.gte) return false;
  if (range.lte !== undefined && t > range.lte) return false;
  return true;
}

/** True when `record` satisfies every condition of a validated filter. */
export function matches(record, f) {
  if (f.status !== undefined && record.status !== f.status) return false;
  if (f.status_in && !f.status_in.includes(record.status)) return false;
  if (f.country_code !== undefined && recordCountry(record) !== f.country_code) return false;
  if (f.country_code_in && !f.country_code_in.includes(recordCountry(record))) return false;
  if (f.carrier_name !== undefined && record.carrier_name !== f.carrier_name) return false;
  if (f.pon !== undefined && record.pon !== f.pon) return false;
  if (f.spid !== undefined && record.spid !== f.spid) return false;
  if (f.support_key !== undefined && record.support_key !== f.support_key) return false;
  if (f.phone_number !== undefined && !(Array.isArray(record.phone_numbers) && record.phone_numbers.includes(f.phone_number))) {
    return false;
  }
  if (f.foc_date !== undefined && (record.foc_date == null || utcDay(Date.parse(record.foc_date)) !== f.foc_date)) {
    return false;
  }
  if (f.inserted_at && !inRange(record.inserted_at, f.inserted_at)) return false;
  if (f.ported_out_at && !inRange(record.ported_out_at, f.ported_out_at)) return false;
  return true;
}

/** Filters and paginates. Returns the list response body. */
export function listPage(records, { page, filter }) {
  const hits = records.filter((r) => matches(r, filter));
  const start = (page.number - 1) * page.size;
  return {
    data: start < hits.length ? hits.slice(start, start + page.size) : [],
    meta: {
      page_number: page.number,
      page_size: page.size,
      total_pages: Math.ceil(hits.length / page.size),
      total_results: hits.length,
    },
  };
}
