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
