// An independent model of the wire format (written from the spec and the official SDK's qs
// settings, not from the library's code) and helpers to take query strings apart.
// Runs in Node and in the browser page (no Node imports).

/** Revives `{ $date: iso }` markers (cases cross into the browser as JSON) into `Date`s. */
export function revive(value) {
  if (Array.isArray(value)) return value.map(revive);
  if (value && typeof value === 'object') {
    if (typeof value.$date === 'string' && Object.keys(value).length === 1) return new Date(value.$date);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]));
  }
  return value;
}

/** Splits a raw query string into `[rawKey, rawValue]` pairs (no decoding). */
export function rawPairs(search) {
  const s = search.startsWith('?') ? search.slice(1) : search;
  if (s === '') return [];
  return s.split('&').map((part) => {
    const i = part.indexOf('=');
    return i < 0 ? [part, ''] : [part.slice(0, i), part.slice(i + 1)];
  });
}

/** Decoded `[key, value]` pairs, as a server that percent-decodes would see them. */
export function decodedPairs(search) {
  return rawPairs(search).map(([k, v]) => [decodeURIComponent(k), decodeURIComponent(v)]);
}

/** A multiset of pairs as a sorted list of `key=value` strings (compare with deepEqual). */
export function multiset(pairs) {
  return pairs.map(([k, v]) => `${k}=${v}`).sort();
}

/** Every character outside RFC 3986 `unreserved` is percent-encoded (keys and values). */
export function isFullyEncoded(search) {
  return rawPairs(search).every(([k, v]) => /^(?:[A-Za-z0-9\-._~]|%[0-9A-F]{2})*$/.test(k) && /^(?:[A-Za-z0-9\-._~]|%[0-9A-F]{2})*$/.test(v));
}

const dateString = (v) => (v instanceof Date ? v.toISOString() : String(v));
const ARRAYS = new Set(['country_code_in', 'status_in']);
const RANGES = new Set(['inserted_at', 'ported_out_at']);

/**
 * The decoded pairs a query must put on the wire, by the spec (`filter`/`page` deepObject, one
 * key per leaf) and the library's documented array formats:
 *   comma    filter[status_in]=a,b      (what the official SDK sends: qs arrayFormat 'comma')
 *   brackets filter[status_in][]=a&filter[status_in][]=b
 *   repeat   filter[status_in]=a&filter[status_in]=b
 * Country codes are upper-cased (documented normalisation); Dates become toISOString().
 */
export function expectedPairs(query, arrayFormat = 'comma') {
  const out = [];
  const filter = query?.filter ?? {};
  for (const [key, value] of Object.entries(filter)) {
    if (value == null) continue;
    const name = `filter[${key}]`;
    if (ARRAYS.has(key)) {
      const items = value.map((v) => (key === 'country_code_in' ? v.toUpperCase() : v));
      if (arrayFormat === 'comma') out.push([name, items.join(',')]);
      else for (const item of items) out.push([arrayFormat === 'brackets' ? `${name}[]` : name, item]);
    } else if (RANGES.has(key)) {
      for (const op of ['gte', 'lte']) if (value[op] != null) out.push([`${name}[${op}]`, dateString(value[op])]);
    } else if (key === 'foc_date') {
      out.push([name, dateString(value)]);
    } else if (key === 'country_code') {
      out.push([name, value.toUpperCase()]);
    } else {
      out.push([name, String(value)]);
    }
  }
  const page = query?.page ?? {};
  if (page.number != null) out.push(['page[number]', String(page.number)]);
  if (page.size != null) out.push(['page[size]', String(page.size)]);
  if (query?.['page[number]'] != null) out.push(['page[number]', String(query['page[number]'])]);
  if (query?.['page[size]'] != null) out.push(['page[size]', String(query['page[size]'])]);
  return out;
}

/** The array members of decoded pairs, read back by format (for the indexed re-send below). */
export function arrayMembers(pairs, arrayFormat) {
  const members = {};
  for (const [k, v] of pairs) {
    const m = /^filter\[(status_in|country_code_in)\](\[\])?$/.exec(k);
    if (!m) continue;
    const list = (members[m[1]] ??= []);
    if (arrayFormat === 'comma') list.push(...v.split(','));
    else list.push(v);
  }
  return members;
}

const enc = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Re-encodes decoded pairs for Prism, writing array members as `filter[k][i]`, the only array form Prism 5.14.2 reads. */
export function toPrismIndexed(pairs, arrayFormat) {
  const members = arrayMembers(pairs, arrayFormat);
  const rest = pairs.filter(([k]) => !/^filter\[(status_in|country_code_in)\](\[\])?$/.test(k));
  const out = rest.map(([k, v]) => [k, v]);
  for (const [key, list] of Object.entries(members)) list.forEach((v, i) => out.push([`filter[${key}][${i}]`, v]));
  return out.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
}

/** Encodes pairs (RFC 3986) into a query string. */
export function encodePairs(pairs) {
  return pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
}

// ---- Whole requests (every operation): what the comparison with the official SDK looks at.

/** JSON with object keys sorted at every level (array order kept): equal text = deep-equal values. */
export function canonical(value) {
  const walk = (v) => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, walk(v[k])]));
    return v;
  };
  return JSON.stringify(walk(value));
}

const mime = (ct) => (ct == null ? null : String(ct).split(';')[0].trim().toLowerCase());

/**
 * The parts of a recorded request (`{ method, url, contentType, accept, body }`, `url` = path and
 * query as sent) that the comparison looks at. `json` is the parsed body (undefined without a
 * body, the marker `{ $notJson: text }` when it does not parse).
 */
export function wireOf(entry) {
  const url = entry.url ?? '';
  const q = url.indexOf('?');
  const search = q < 0 ? '' : url.slice(q + 1);
  const text = entry.body ?? '';
  let json;
  if (text !== '') {
    try { json = JSON.parse(text); } catch { json = { $notJson: text }; }
  }
  return {
    method: entry.method, path: q < 0 ? url : url.slice(0, q), search, pairs: decodedPairs(search),
    contentType: mime(entry.contentType), accept: entry.accept ?? null, bodyText: text, json,
  };
}

/**
 * What differs between two requests in what the API reads: the method, the path, the multiset of
 * decoded query pairs, the JSON body (deep-equal; no body on one side only is a difference) and
 * the media type of the body. Returns the differences as sentences ([] = the same request).
 * Header order, query pair order, raw encodings and JSON key order are not differences: see wireNotes.
 */
export function wireDiff(a, b, names = ['SDK', 'library']) {
  const [na, nb] = names;
  const out = [];
  if (a.method !== b.method) out.push(`method: ${na} ${a.method}, ${nb} ${b.method}`);
  if (a.path !== b.path) out.push(`path: ${na} ${a.path}, ${nb} ${b.path}`);
  const ma = multiset(a.pairs);
  const mb = multiset(b.pairs);
  if (JSON.stringify(ma) !== JSON.stringify(mb)) {
    const left = [...mb];
    const onlyA = [];
    for (const p of ma) {
      const i = left.indexOf(p);
      if (i < 0) onlyA.push(p);
      else left.splice(i, 1);
    }
    out.push(`query pairs: only ${na} [${onlyA.join(', ')}], only ${nb} [${left.join(', ')}]`);
  }
  if ((a.json === undefined) !== (b.json === undefined)) out.push(`body: ${na} ${a.json === undefined ? 'none' : a.bodyText}, ${nb} ${b.json === undefined ? 'none' : b.bodyText}`);
  else if (a.json !== undefined && canonical(a.json) !== canonical(b.json)) {
    const show = (v) => (v === ABSENT ? '(absent)' : JSON.stringify(v));
    out.push(`body: ${jsonDiff(a.json, b.json).map((d) => `${d.path}: ${na} ${show(d.a)}, ${nb} ${show(d.b)}`).join('; ')}`);
  }
  if ((a.json !== undefined || b.json !== undefined) && a.contentType !== b.contentType) out.push(`content-type: ${na} ${a.contentType}, ${nb} ${b.contentType}`);
  return out;
}

const ABSENT = Symbol('absent');

/** Where two JSON values differ: `[{ path, a, b }]` (at most `max`; `a`/`b` ABSENT for a missing key or item). */
export function jsonDiff(a, b, path = '$', out = [], max = 6) {
  if (out.length >= max) return out;
  const isObj = (v) => v && typeof v === 'object' && !Array.isArray(v);
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) jsonDiff(i < a.length ? a[i] : ABSENT, i < b.length ? b[i] : ABSENT, `${path}[${i}]`, out, max);
  } else if (isObj(a) && isObj(b)) {
    for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) jsonDiff(k in a ? a[k] : ABSENT, k in b ? b[k] : ABSENT, `${path}.${k}`, out, max);
  } else if (a === ABSENT || b === ABSENT || canonical(a) !== canonical(b)) {
    out.push({ path, a, b });
  }
  return out;
}

/** Differences the API does not read, recorded for the report: pair order, raw encodings, JSON key order, Accept. */
export function wireNotes(a, b, names = ['SDK', 'library']) {
  const [na, nb] = names;
  const out = [];
  if (a.search !== b.search && JSON.stringify(multiset(a.pairs)) === JSON.stringify(multiset(b.pairs))) {
    const sameRaw = JSON.stringify(rawPairs(a.search).map(([k, v]) => `${k}=${v}`).sort()) === JSON.stringify(rawPairs(b.search).map(([k, v]) => `${k}=${v}`).sort());
    out.push(sameRaw ? `query pair order: ${na} ${a.search}, ${nb} ${b.search}` : `query encoding: ${na} ${a.search}, ${nb} ${b.search}`);
  }
  if (a.json !== undefined && b.json !== undefined && a.bodyText !== b.bodyText && canonical(a.json) === canonical(b.json)) out.push(`JSON key order: ${na} ${a.bodyText}, ${nb} ${b.bodyText}`);
  if (a.accept !== b.accept) out.push(`Accept: ${na} ${a.accept}, ${nb} ${b.accept}`);
  return out;
}

/** The request line and body of a wire form, for reports. */
export function describeWire(w) {
  return `${w.method} ${w.path}${w.search ? `?${w.search}` : ''}${w.json === undefined ? '' : ` ${w.bodyText}`}`;
}
