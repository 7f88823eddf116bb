// Query validation for the secondary port-out routes (events, reports,
// rejections). Same conventions as filters.mjs: deepObject keys
// (`filter[a][b]`, brackets raw or %5B/%5D), unknown `page[...]`/`filter[...]`
// keys and repeated scalars are 422s, other top-level keys are ignored, and
// every error found is listed in query order.

import { invalid, parseDateValue, splitKey, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from './filters.mjs';

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const DATE_DETAIL = 'must be an RFC 3339 date-time (e.g. 2024-09-04T00:00:00.000Z) or a date (YYYY-MM-DD)';

/**
 * Field kinds for `spec.filters`:
 *   { kind: 'enum', values }      one value of the list
 *   { kind: 'uuid' }              one UUID (any version, any case)
 *   { kind: 'range' }             [gte] / [lte] date-time or date bounds -> { gte, lte } in ms
 *   { kind: 'intList', subkeys }  integers; `name=1,2`, `name[]=1`, `name[0]=1`, repeats, and the
 *                                 same under each of `subkeys` (e.g. `name[in][]=1`); all merged
 *
 * Returns { errors } or { page: { number, size } | undefined, filter }.
 * `spec.paged` false means any page[...] key is unknown (422).
 */
export function parseQuerySpec(pairs, spec) {
  const errors = [];
  const seen = new Set();
  const page = { number: 1, size: DEFAULT_PAGE_SIZE };
  const filter = {};
  const known = listKnown(spec);

  const once = (key) => {
    if (seen.has(key)) {
      errors.push(invalid(key, `${key} must not be given more than once`));
      return false;
    }
    seen.add(key);
    return true;
  };
  const unknown = (key) =>
    errors.push(invalid(key, `Unknown query parameter ${key}. Supported: ${known.join(', ') || '(none)'}`));

  for (const [key, value] of pairs) {
    const k = splitKey(key);
    if (!k || (k.name !== 'page' && k.name !== 'filter')) {
      if (/^(page|filter)\b/.test(key)) unknown(key);
      continue;
    }
    if (k.path.length === 0) {
      errors.push(invalid(key, `${key} must be used as ${key}[...] (deepObject style)`));
      continue;
    }
    if (k.name === 'page') {
      const sub = k.path[0];
      if (!spec.paged || k.path.length !== 1 || (sub !== 'number' && sub !== 'size')) {
        unknown(key);
        continue;
      }
      if (!once(key)) continue;
      const n = /^\d+$/.test(value) ? Number(value) : NaN;
      if (sub === 'number') {
        if (!Number.isSafeInteger(n) || n < 1) errors.push(invalid(key, 'page[number] must be an integer greater than or equal to 1'));
        else page.number = n;
      } else if (!Number.isSafeInteger(n) || n < 1 || n > MAX_PAGE_SIZE) {
        errors.push(invalid(key, `page[size] must be between 1 and ${MAX_PAGE_SIZE}`));
      } else page.size = n;
      continue;
    }

    const [name, ...rest] = k.path;
    const f = spec.filters[name];
    if (!f) {
      unknown(key);
      continue;
    }
    if (f.kind === 'enum' || f.kind === 'uuid') {
      if (rest.length !== 0) {
        unknown(key);
        continue;
      }
      if (!once(key)) continue;
      if (f.kind === 'enum' && !f.values.includes(value)) {
        errors.push(invalid(key, `'${value}' is not a valid value for ${key}; expected one of ${f.values.join(', ')}`));
      } else if (f.kind === 'uuid' && !UUID_RE.test(value)) {
        errors.push(invalid(key, `'${value}' is not a valid UUID for ${key}`));
      } else filter[name] = f.kind === 'uuid' ? value.toLowerCase() : value;
      continue;
    }
    if (f.kind === 'range') {
      if (rest.length !== 1 || (rest[0] !== 'gte' && rest[0] !== 'lte')) {
        unknown(key);
        continue;
      }
      if (!once(key)) continue;
      const d = parseDateValue(value);
      if (!d) {
        errors.push(invalid(key, `${key} ${DATE_DETAIL}`));
        continue;
      }
      filter[name] ??= {};
      // Inclusive bounds; a date-only gte is the start of that UTC day, a date-only lte its end.
      filter[name][rest[0]] = rest[0] === 'gte' ? (d.kind === 'date' ? d.start : d.ceil) : d.kind === 'date' ? d.end : d.floor;
      continue;
    }
    // intList
    const tail = rest.length > 0 && f.subkeys.includes(rest[0]) ? rest.slice(1) : rest;
    if (tail.length > 1 || (tail.length === 1 && !/^\d*$/.test(tail[0]))) {
      unknown(key);
      continue;
    }
    filter[name] ??= [];
    for (const item of value.split(',')) {
      const n = /^\d+$/.test(item) ? Number(item) : NaN;
      if (!Number.isSafeInteger(n)) errors.push(invalid(key, `'${item}' is not an integer (${key})`));
      else filter[name].push(n);
    }
  }
  if (errors.length) return { errors };
  return { page: spec.paged ? page : undefined, filter };
}

function listKnown(spec) {
  const out = spec.paged ? ['page[number]', 'page[size]'] : [];
  for (const [name, f] of Object.entries(spec.filters)) {
    if (f.kind === 'range') out.push(`filter[${name}][gte]`, `filter[${name}][lte]`);
    else if (f.kind === 'intList') out.push(`filter[${name}]`, ...f.subkeys.map((s) => `filter[${name}][${s}]`));
    else out.push(`filter[${name}]`);
  }
  return out;
}

/** True when an ISO timestamp lies inside a parsed { gte, lte } range (ms, inclusive). */
export function inRange(iso, range) {
  if (!range) return true;
  const t = Date.parse(iso);
  if (range.gte !== undefined && t < range.gte) return false;
  if (range.lte !== undefined && t > range.lte) return false;
  return true;
}

/** A page of `items` with PaginationMeta. */
export function pageOf(items, page) {
  const start = (page.number - 1) * page.size;
  return {
    data: start < items.length ? items.slice(start, start + page.size) : [],
    meta: {
      page_number: page.number,
      page_size: page.size,
      total_pages: Math.ceil(items.length / page.size),
      total_results: items.length,
    },
  };
}
