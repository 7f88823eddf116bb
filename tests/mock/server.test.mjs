// Tests for the mock Telnyx server. Run: node --test tests/mock/
//
// Expected results are computed here from `server.dataset` with predicates
// written independently of filters.mjs.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { startMockServer } from './server.mjs';

const STATUSES = ['pending', 'authorized', 'ported', 'rejected', 'rejected-pending', 'canceled'];

let srv;
before(async () => {
  srv = await startMockServer({ seed: 42, count: 1000 });
});
after(() => srv.close());

async function get(path, init = {}, base = srv.url) {
  const r = await fetch(base + path, init);
  const text = await r.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: r.status, headers: r.headers, text, json };
}

/** Every record matching `query`, walking pages of 250. */
async function all(query, base = srv.url) {
  const out = [];
  for (let page = 1; ; page++) {
    const sep = query ? '&' : '';
    const r = await get(`/v2/portouts?${query}${sep}page[size]=250&page[number]=${page}`, {}, base);
    assert.equal(r.status, 200, r.text);
    out.push(...r.json.data);
    assert.equal(r.json.meta.total_results >= out.length, true);
    if (page >= r.json.meta.total_pages) {
      assert.equal(out.length, r.json.meta.total_results);
      return out;
    }
  }
}

const ids = (records) => records.map((r) => r.id);
const expectIds = (pred) => ids(srv.dataset.filter(pred));

// Independent country lookup: calling codes plus the real Canadian area codes.
const CA_NPA = new Set(
  [204, 226, 236, 249, 250, 263, 289, 306, 343, 354, 365, 367, 368, 382, 403, 416, 418, 428, 431, 437, 438, 450, 468,
    474, 506, 514, 519, 548, 579, 581, 584, 587, 604, 613, 639, 647, 672, 683, 705, 709, 742, 753, 778, 780, 782, 807,
    819, 825, 867, 873, 879, 902, 905].map(String),
);
function countryOf(record) {
  const n = record.phone_numbers[0];
  const table = { '+353': 'IE', '+44': 'GB', '+49': 'DE', '+33': 'FR', '+31': 'NL', '+61': 'AU', '+34': 'ES', '+52': 'MX' };
  if (n.startsWith('+1')) return CA_NPA.has(n.slice(2, 5)) ? 'CA' : 'US';
  for (const [p, c] of Object.entries(table)) if (n.startsWith(p)) return c;
  return '??';
}

// ---------------------------------------------------------------------------
// Basics

test('health endpoint', async () => {
  const r = await get('/__health');
  assert.equal(r.status, 200);
  assert.deepEqual(r.json, { ok: true });
});

test('default page: 20 newest records, meta, headers', async () => {
  const r = await get('/v2/portouts');
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-type'), 'application/json');
  assert.match(r.headers.get('x-request-id'), /^req-\d{6}$/);
  assert.equal(r.headers.get('access-control-allow-origin'), '*');
  assert.equal(r.headers.get('access-control-expose-headers'), 'x-request-id, retry-after, content-type');
  assert.deepEqual(r.json.meta, { page_number: 1, page_size: 20, total_pages: 50, total_results: 1000 });
  assert.deepEqual(ids(r.json.data), ids(srv.dataset.slice(0, 20)));
  assert.deepEqual(r.json.data, srv.dataset.slice(0, 20));
});

test('x-request-id is a counter', async () => {
  const a = await get('/v2/portouts?page[size]=1');
  const b = await get('/v2/portouts?page[size]=1');
  const n = (r) => Number(r.headers.get('x-request-id').slice(4));
  assert.equal(n(b), n(a) + 1);
});

test('page[size]=1 and page[number]', async () => {
  const r = await get('/v2/portouts?page[size]=1&page[number]=7');
  assert.deepEqual(r.json.meta, { page_number: 7, page_size: 1, total_pages: 1000, total_results: 1000 });
  assert.deepEqual(r.json.data, [srv.dataset[6]]);
});

test('page[size]=250, last page and beyond the end', async () => {
  const p1 = await get('/v2/portouts?page[size]=250');
  assert.equal(p1.json.data.length, 250);
  assert.deepEqual(p1.json.meta, { page_number: 1, page_size: 250, total_pages: 4, total_results: 1000 });
  const p4 = await get('/v2/portouts?page[size]=250&page[number]=4');
  assert.deepEqual(ids(p4.json.data), ids(srv.dataset.slice(750)));
  const p5 = await get('/v2/portouts?page[size]=250&page[number]=5');
  assert.equal(p5.status, 200);
  assert.deepEqual(p5.json, { data: [], meta: { page_number: 5, page_size: 250, total_pages: 4, total_results: 1000 } });
  const partial = await get('/v2/portouts?page[size]=333');
  assert.equal(partial.status, 422);
  const p3of7 = await get('/v2/portouts?page[size]=150&page[number]=7');
  assert.equal(p3of7.json.data.length, 100);
  assert.equal(p3of7.json.meta.total_pages, 7);
});

test('list order is newest inserted_at first', async () => {
  const d = srv.dataset;
  for (let i = 1; i < d.length; i++) assert.ok(d[i - 1].inserted_at >= d[i].inserted_at);
});

test('page[size]=251 -> 422 Telnyx-style body', async () => {
  const r = await get('/v2/portouts?page[size]=251');
  assert.equal(r.status, 422);
  assert.equal(r.headers.get('content-type'), 'application/json');
  assert.deepEqual(r.json, {
    errors: [
      {
        code: '10015',
        title: 'Invalid parameter',
        detail: 'page[size] must be between 1 and 250',
        source: { parameter: 'page[size]' },
      },
    ],
  });
});

test('malformed and out-of-range parameters -> 422 naming the parameter', async () => {
  const cases = [
    ['page[size]=0', 'page[size]'],
    ['page[size]=abc', 'page[size]'],
    ['page[size]=1.5', 'page[size]'],
    ['page[size]=-1', 'page[size]'],
    ['page[size]=', 'page[size]'],
    ['page[number]=0', 'page[number]'],
    ['page[number]=two', 'page[number]'],
    ['page[number]=99999999999999999999', 'page[number]'],
    ['page[foo]=1', 'page[foo]'],
    ['page[size]=5&page[size]=6', 'page[size]'],
    ['filter[status]=done', 'filter[status]'],
    ['filter[status]=Pending', 'filter[status]'],
    ['filter[status]=ported&filter[status]=pending', 'filter[status]'],
    ['filter[status_in]=pending,done', 'filter[status_in]'],
    ['filter[status_in][]=nope', 'filter[status_in][]'],
    ['filter[status_in]=', 'filter[status_in]'],
    ['filter[inserted_at][gte]=2025-13-01', 'filter[inserted_at][gte]'],
    ['filter[inserted_at][gte]=2025-02-30', 'filter[inserted_at][gte]'],
    ['filter[inserted_at][lte]=yesterday', 'filter[inserted_at][lte]'],
    ['filter[inserted_at][lte]=2025-01-01T25:00:00Z', 'filter[inserted_at][lte]'],
    ['filter[inserted_at][lte]=2025-01-01T10:00:00', 'filter[inserted_at][lte]'],
    ['filter[ported_out_at][gte]=1700000000', 'filter[ported_out_at][gte]'],
    ['filter[inserted_at][gt]=2025-01-01', 'filter[inserted_at][gt]'],
    ['filter[inserted_at]=2025-01-01', 'filter[inserted_at]'],
    ['filter[foc_date]=09/04/2024', 'filter[foc_date]'],
    ['filter[foo]=1', 'filter[foo]'],
    ['filter[country_code]=us', 'filter[country_code]'],
    ['filter[country_code]=USA', 'filter[country_code]'],
    ['filter[country_code]=U1', 'filter[country_code]'],
    ['filter[country_code_in]=US,usa', 'filter[country_code_in]'],
    ['filter=pending', 'filter'],
  ];
  for (const [q, param] of cases) {
    const r = await get(`/v2/portouts?${q}`);
    assert.equal(r.status, 422, `${q} -> ${r.status}`);
    assert.equal(r.json.errors[0].code, '10015', q);
    assert.equal(r.json.errors[0].title, 'Invalid parameter', q);
    assert.equal(typeof r.json.errors[0].detail, 'string', q);
    assert.equal(r.json.errors[0].source.parameter, param, q);
  }
});

test('unrelated query keys are ignored', async () => {
  const r = await get('/v2/portouts?foo=bar&page[size]=2');
  assert.equal(r.status, 200);
  assert.equal(r.json.data.length, 2);
});

test('single record, 404s, 405', async () => {
  const rec = srv.dataset[123];
  const r = await get(`/v2/portouts/${rec.id}`);
  assert.equal(r.status, 200);
  assert.deepEqual(r.json, { data: rec });
  const missing = await get('/v2/portouts/00000000-0000-4000-8000-000000000000');
  assert.equal(missing.status, 404);
  assert.equal(missing.json.errors[0].title, 'Resource not found');
  for (const p of ['/v2/nope', '/v2/portouts/', '/portouts', '/', '/v2/portouts/a/b', '/__nope']) {
    const r404 = await get(p);
    assert.equal(r404.status, 404, p);
    assert.ok(Array.isArray(r404.json.errors), p);
    assert.equal(r404.headers.get('access-control-allow-origin'), '*');
  }
  const post = await get('/v2/portouts', { method: 'POST', body: '{}' });
  assert.equal(post.status, 405);
  assert.ok(post.json.errors);
});

// ---------------------------------------------------------------------------
// Filters

test('filter[status] for every status', async () => {
  for (const s of STATUSES) {
    const got = await all(`filter[status]=${s}`);
    assert.ok(got.length > 0, s);
    assert.ok(got.every((r) => r.status === s));
    assert.deepEqual(ids(got), expectIds((r) => r.status === s));
  }
});

test('filter[status_in]: comma, %2C, brackets, repeat give identical results', async () => {
  const expected = expectIds((r) => r.status === 'pending' || r.status === 'rejected-pending');
  const variants = [
    'filter[status_in]=pending,rejected-pending',
    'filter[status_in]=pending%2Crejected-pending',
    'filter%5Bstatus_in%5D=pending%2crejected-pending',
    'filter[status_in][]=pending&filter[status_in][]=rejected-pending',
    'filter%5Bstatus_in%5D%5B%5D=pending&filter%5Bstatus_in%5D%5B%5D=rejected-pending',
    'filter[status_in]=pending&filter[status_in]=rejected-pending',
    'filter[status_in]=rejected-pending,pending',
  ];
  const bodies = [];
  for (const v of variants) {
    const got = await all(v);
    assert.deepEqual(ids(got), expected, v);
    bodies.push((await get(`/v2/portouts?${v}&page[size]=50`)).text);
  }
  for (const b of bodies) assert.equal(b, bodies[0]);
});

test('country_code and country_code_in (derived from the E.164 prefix)', async () => {
  const countries = new Set(srv.dataset.map(countryOf));
  assert.ok(countries.size >= 10, [...countries].join());
  assert.ok(!countries.has('??'));
  for (const c of countries) {
    const got = await all(`filter[country_code]=${c}`);
    assert.ok(got.length > 0, c);
    assert.deepEqual(ids(got), expectIds((r) => countryOf(r) === c), c);
  }
  const expected = expectIds((r) => ['CA', 'US'].includes(countryOf(r)));
  for (const v of [
    'filter[country_code_in]=CA,US',
    'filter[country_code_in]=US%2CCA',
    'filter[country_code_in][]=CA&filter[country_code_in][]=US',
    'filter[country_code_in]=CA&filter[country_code_in]=US',
  ]) {
    assert.deepEqual(ids(await all(v)), expected, v);
  }
  // A well-formed code with no records: empty, not an error.
  const none = await get('/v2/portouts?filter[country_code]=ZZ');
  assert.equal(none.status, 200);
  assert.equal(none.json.meta.total_results, 0);
  assert.equal(none.json.meta.total_pages, 0);
});

test('carrier_name exact (AT&T needs %26), pon with # and space, spid, support_key', async () => {
  const att = await all('filter[carrier_name]=AT%26T');
  assert.ok(att.length > 0);
  assert.deepEqual(ids(att), expectIds((r) => r.carrier_name === 'AT&T'));
  // Unencoded '&' splits the parameter: carrier "AT" matches nothing, "T" is ignored.
  const broken = await get('/v2/portouts?filter[carrier_name]=AT&T');
  assert.equal(broken.json.meta.total_results, 0);
  const accented = await all(`filter[carrier_name]=${encodeURIComponent('Telefónica España')}`);
  assert.ok(accented.length > 0);
  assert.deepEqual(ids(accented), expectIds((r) => r.carrier_name === 'Telefónica España'));

  for (const field of ['pon', 'spid', 'support_key']) {
    for (const pred of [(v) => v.includes('#'), (v) => v.includes(' '), (v) => v.includes('/'), () => true]) {
      const rec = srv.dataset.find((r) => pred(r[field]));
      if (!rec) continue;
      const got = await all(`filter[${field}]=${encodeURIComponent(rec[field])}`);
      assert.ok(got.some((r) => r.id === rec.id), `${field}=${rec[field]}`);
      assert.deepEqual(ids(got), expectIds((r) => r[field] === rec[field]));
    }
  }
  assert.ok(srv.dataset.some((r) => r.pon.includes('#')), 'data set has a PON with #');
});

test('phone_number matches any number, %2B and literal + both work', async () => {
  const rec = srv.dataset.find((r) => r.phone_numbers.length >= 2);
  const n = rec.phone_numbers[1];
  const expected = expectIds((r) => r.phone_numbers.includes(n));
  assert.ok(expected.includes(rec.id));
  assert.deepEqual(ids(await all(`filter[phone_number]=${encodeURIComponent(n)}`)), expected);
  assert.deepEqual(ids(await all(`filter[phone_number]=${n}`)), expected); // literal '+'
  const spaced = await get(`/v2/portouts?filter[phone_number]=${n.replace('+', '%20')}`);
  assert.equal(spaced.json.meta.total_results, 0);
});

test('foc_date matches the same UTC day (date or date-time value)', async () => {
  const rec = srv.dataset[321];
  const day = rec.foc_date.slice(0, 10);
  const expected = expectIds((r) => r.foc_date.slice(0, 10) === day);
  assert.ok(expected.includes(rec.id));
  assert.deepEqual(ids(await all(`filter[foc_date]=${day}`)), expected);
  assert.deepEqual(ids(await all(`filter[foc_date]=${day}T00:00:00.000Z`)), expected);
  assert.deepEqual(ids(await all(`filter[foc_date]=${encodeURIComponent(rec.foc_date)}`)), expected);
});

test('inserted_at gte/lte are inclusive, date-only bounds cover whole UTC days', async () => {
  const rec = srv.dataset[100];
  const exact = await all(`filter[inserted_at][gte]=${rec.inserted_at}&filter[inserted_at][lte]=${rec.inserted_at}`);
  assert.deepEqual(ids(exact), [rec.id]);

  const jan = await all('filter[inserted_at][gte]=2025-01-01&filter[inserted_at][lte]=2025-01-31');
  const expectedJan = expectIds((r) => r.inserted_at.slice(0, 10) >= '2025-01-01' && r.inserted_at.slice(0, 10) <= '2025-01-31');
  assert.ok(expectedJan.length > 10);
  assert.deepEqual(ids(jan), expectedJan);
  assert.deepEqual(
    ids(await all('filter[inserted_at][gte]=2025-01-01T00:00:00.000Z&filter[inserted_at][lte]=2025-01-31T23:59:59.999Z')),
    expectedJan,
  );
  // One millisecond past a record excludes it.
  const t = Date.parse(rec.inserted_at);
  const after1 = await all(`filter[inserted_at][gte]=${new Date(t + 1).toISOString()}`);
  assert.ok(!after1.some((r) => r.id === rec.id));
  assert.deepEqual(ids(after1), expectIds((r) => Date.parse(r.inserted_at) > t));
  // Offsets: literal '+' and %2B.
  const lo = Date.parse('2024-12-31T22:00:00Z');
  const expectedOffset = expectIds((r) => Date.parse(r.inserted_at) <= lo);
  assert.deepEqual(ids(await all('filter[inserted_at][lte]=2025-01-01T00:00:00+02:00')), expectedOffset);
  assert.deepEqual(ids(await all('filter[inserted_at][lte]=2025-01-01T00:00:00%2B02:00')), expectedOffset);
  // gte > lte: empty, not an error.
  const inverted = await get('/v2/portouts?filter[inserted_at][gte]=2026-01-02&filter[inserted_at][lte]=2026-01-01');
  assert.equal(inverted.status, 200);
  assert.equal(inverted.json.meta.total_results, 0);
});

test('ported_out_at range only matches ported records', async () => {
  const got = await all('filter[ported_out_at][gte]=2025-06-01');
  const expected = expectIds((r) => r.ported_out_at !== null && r.ported_out_at.slice(0, 10) >= '2025-06-01');
  assert.ok(expected.length > 10);
  assert.deepEqual(ids(got), expected);
  assert.ok(got.every((r) => r.status === 'ported'));
  const wide = await all('filter[ported_out_at][gte]=2000-01-01&filter[ported_out_at][lte]=2100-01-01');
  assert.deepEqual(ids(wide), expectIds((r) => r.status === 'ported'));
});

test('combined filters intersect; percent-encoded and raw keys are equivalent', async () => {
  const q = 'filter[status]=ported&filter[country_code]=US&filter[inserted_at][gte]=2025-06-01';
  const expected = expectIds(
    (r) => r.status === 'ported' && countryOf(r) === 'US' && r.inserted_at.slice(0, 10) >= '2025-06-01',
  );
  assert.ok(expected.length > 0);
  assert.deepEqual(ids(await all(q)), expected);
  const encoded = q.replace(/\[/g, '%5B').replace(/\]/g, '%5D');
  const a = await get(`/v2/portouts?${q}`);
  const b = await get(`/v2/portouts?${encoded}`);
  assert.equal(a.text, b.text);
});

// ---------------------------------------------------------------------------
// Auth

test('api key: 401 without/with wrong key, 200 with the exact Bearer key', async () => {
  const s = await startMockServer({ apiKey: 'KEY123', count: 30 });
  try {
    const expected401 = {
      errors: [{ code: '10009', title: 'Authentication failed', detail: 'The API key provided is invalid or missing.' }],
    };
    for (const h of [undefined, 'Bearer nope', 'bearer KEY123', 'KEY123', 'Bearer  KEY123', 'Basic KEY123']) {
      const r = await get('/v2/portouts', { headers: h ? { authorization: h } : {} }, s.url);
      assert.equal(r.status, 401, String(h));
      assert.deepEqual(r.json, expected401);
      assert.equal(r.headers.get('access-control-allow-origin'), '*');
    }
    const ok = await get('/v2/portouts', { headers: { authorization: 'Bearer KEY123' } }, s.url);
    assert.equal(ok.status, 200);
    assert.equal(ok.json.meta.total_results, 30);
    // Preflights never need the key.
    const pre = await fetch(`${s.url}/v2/portouts`, { method: 'OPTIONS' });
    assert.equal(pre.status, 204);
  } finally {
    await s.close();
  }
});

test('auth= directive requires a key on a keyless server', async () => {
  const miss = await get('/__mock/tag=authd,auth=abc/v2/portouts');
  assert.equal(miss.status, 401);
  assert.equal(miss.json.errors[0].code, '10009');
  const ok = await get('/__mock/tag=authd,auth=abc/v2/portouts', { headers: { authorization: 'Bearer abc' } });
  assert.equal(ok.status, 200);
});

// ---------------------------------------------------------------------------
// Fault directives

test('status=500,times=1: first request fails, later ones succeed', async () => {
  const p = '/__mock/tag=times1,status=500,times=1/v2/portouts?page[size]=3';
  const a = await get(p);
  assert.equal(a.status, 500);
  assert.equal(a.json.errors[0].title, 'Internal server error');
  assert.match(a.headers.get('x-request-id'), /^req-\d{6}$/);
  const b = await get(p);
  assert.equal(b.status, 200);
  assert.equal(b.json.data.length, 3);
  assert.equal((await get(p)).status, 200);
  // A different directive string has its own counter.
  assert.equal((await get('/__mock/tag=times1b,status=500,times=1/v2/portouts')).status, 500);
});

test('status without times fails every time; other codes have matching titles', async () => {
  for (let i = 0; i < 3; i++) assert.equal((await get('/__mock/tag=always,status=503/v2/portouts')).status, 503);
  const r = await get('/__mock/tag=t404,status=404/v2/portouts');
  assert.equal(r.json.errors[0].title, 'Resource not found');
  const g = await get('/__mock/tag=t418,status=418/v2/portouts');
  assert.equal(g.status, 418);
  assert.equal(typeof g.json.errors[0].title, 'string');
});

test('status=429 with retry_after adds an exposed Retry-After header', async () => {
  const r = await get('/__mock/tag=ra,status=429,retry_after=7/v2/portouts');
  assert.equal(r.status, 429);
  assert.equal(r.headers.get('retry-after'), '7');
  assert.equal(r.json.errors[0].title, 'Too many requests');
  assert.match(r.headers.get('access-control-expose-headers'), /retry-after/);
  // An HTTP-date value, comma encoded as %2C inside the directive segment.
  const d = await get('/__mock/tag=ra2,status=429,retry_after=Wed%2C 21 Oct 2026 07:28:00 GMT/v2/portouts');
  assert.equal(d.headers.get('retry-after'), 'Wed, 21 Oct 2026 07:28:00 GMT');
  // times=1: the successful retry carries no Retry-After.
  const p = '/__mock/tag=ra3,status=429,retry_after=1,times=1/v2/portouts';
  assert.equal((await get(p)).headers.get('retry-after'), '1');
  const ok = await get(p);
  assert.equal(ok.status, 200);
  assert.equal(ok.headers.get('retry-after'), null);
});

test('body=truncated: 200, valid JSON cut in half', async () => {
  const full = await get('/v2/portouts?page[size]=5');
  const r = await get('/__mock/tag=trunc,body=truncated/v2/portouts?page[size]=5');
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-type'), 'application/json');
  assert.equal(r.json, undefined);
  assert.ok(full.text.startsWith(r.text));
  assert.ok(r.text.length > 10 && r.text.length < full.text.length);
});

test('body=html: text/html 502 page, or with status=', async () => {
  const r = await get('/__mock/tag=html,body=html/v2/portouts');
  assert.equal(r.status, 502);
  assert.match(r.headers.get('content-type'), /^text\/html/);
  assert.match(r.text, /<html>[\s\S]*502 Bad Gateway[\s\S]*<\/html>/);
  const s = await get('/__mock/tag=html503,body=html,status=503/v2/portouts');
  assert.equal(s.status, 503);
  assert.match(s.headers.get('content-type'), /^text\/html/);
});

test('body=wrong_type: data[0].phone_numbers is 42, rest normal', async () => {
  const r = await get('/__mock/tag=wt,body=wrong_type/v2/portouts?page[size]=3');
  assert.equal(r.status, 200);
  assert.equal(r.json.data[0].phone_numbers, 42);
  assert.deepEqual(r.json.data[1], srv.dataset[1]);
  assert.equal(r.json.meta.total_results, 1000);
  const one = await get(`/__mock/tag=wt1,body=wrong_type/v2/portouts/${srv.dataset[0].id}`);
  assert.equal(one.json.data.phone_numbers, 42);
  // The data set itself is untouched.
  assert.ok(Array.isArray(srv.dataset[0].phone_numbers));
});

test('body=empty and body=notjson', async () => {
  const e = await get('/__mock/tag=empty,body=empty/v2/portouts');
  assert.equal(e.status, 200);
  assert.equal(e.text, '');
  const e5 = await get('/__mock/tag=empty5,body=empty,status=500/v2/portouts');
  assert.equal(e5.status, 500);
  assert.equal(e5.text, '');
  const n = await get('/__mock/tag=nj,body=notjson/v2/portouts');
  assert.equal(n.status, 200);
  assert.equal(n.text, 'not json');
  assert.equal(n.headers.get('content-type'), 'application/json');
});

test('body=drop: headers arrive, body read fails when the socket is destroyed', async () => {
  await assert.rejects(async () => {
    const r = await fetch(`${srv.url}/__mock/tag=drop,body=drop/v2/portouts?page[size]=100`);
    assert.equal(r.status, 200);
    await r.text();
  });
  // times=1: the retry succeeds.
  const p = `${srv.url}/__mock/tag=drop2,body=drop,times=1/v2/portouts?page[size]=10`;
  await assert.rejects(async () => (await fetch(p)).text());
  const ok = await fetch(p);
  assert.equal((await ok.json()).data.length, 10);
});

test('body=echo_auth: 401 echoing the Authorization header', async () => {
  const r = await get('/__mock/tag=echo,body=echo_auth/v2/portouts', { headers: { authorization: 'Bearer sk-live-123' } });
  assert.equal(r.status, 401);
  assert.match(r.json.errors[0].detail, /Bearer sk-live-123/);
  const none = await get('/__mock/tag=echo2,body=echo_auth/v2/portouts');
  assert.equal(none.status, 401);
});

test('hang=1: no answer until the client gives up; later times= requests answer', async () => {
  const p = `${srv.url}/__mock/tag=hang,hang=1,times=1/v2/portouts?page[size]=2`;
  const t0 = Date.now();
  await assert.rejects(fetch(p, { signal: AbortSignal.timeout(250) }), (e) => e.name === 'TimeoutError' || e.name === 'AbortError');
  assert.ok(Date.now() - t0 >= 200);
  const ok = await get(p.slice(srv.url.length));
  assert.equal(ok.status, 200);
  // The hung request is no longer in flight once the client closed the socket.
  for (let i = 0; i < 50; i++) {
    const st = (await get('/__stats?tag=hang')).json;
    if (st.inFlight === 0) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  const st = (await get('/__stats?tag=hang')).json;
  assert.equal(st.inFlight, 0);
  assert.equal(st.requests, 2);
  const entries = (await get('/__log?tag=hang')).json;
  assert.equal(entries[0].status, null);
  assert.equal(entries[0].fault, 'hang');
});

test('close() ends hanging requests', async () => {
  const s = await startMockServer({ count: 5 });
  const pending = fetch(`${s.url}/__mock/hang=1/v2/portouts`).then(
    () => 'resolved',
    () => 'rejected',
  );
  await new Promise((r) => setTimeout(r, 50));
  const t0 = Date.now();
  await s.close();
  assert.ok(Date.now() - t0 < 1000);
  assert.equal(await pending, 'rejected');
});

test('latency=MS delays the answer', async () => {
  const t0 = Date.now();
  const r = await get('/__mock/tag=lat,latency=200/v2/portouts?page[size]=1');
  assert.equal(r.status, 200);
  assert.ok(Date.now() - t0 >= 190);
});

test('fail_page=N faults only that page (with times=)', async () => {
  const p = (n) => `/__mock/tag=fp,status=500,fail_page=2/v2/portouts?page[size]=10&page[number]=${n}`;
  assert.equal((await get(p(1))).status, 200);
  assert.equal((await get(p(2))).status, 500);
  assert.equal((await get(p(3))).status, 200);
  assert.equal((await get(p(2))).status, 500);
  const q = (n) => `/__mock/tag=fp1,status=503,fail_page=3,times=1/v2/portouts?page[size]=10&page[number]=${n}`;
  assert.equal((await get(q(1))).status, 200);
  assert.equal((await get(q(2))).status, 200);
  assert.equal((await get(q(3))).status, 503);
  assert.equal((await get(q(3))).status, 200);
});

test('method=M faults only requests of that method (with times=)', async () => {
  const id = srv.dataset[0].id;
  const base = '/__mock/tag=meth,status=422,method=POST,times=2/v2';
  assert.equal((await get(`${base}/portouts/${id}/comments`)).status, 200, 'a GET is not faulted');
  const post = () => get(`${base}/portouts/${id}/comments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ body: 'hello' }) });
  const before = srv.resources.comments.get(id)?.length ?? 0;
  assert.equal((await post()).status, 422);
  assert.equal((await post()).status, 422);
  assert.equal(srv.resources.comments.get(id)?.length ?? 0, before, 'a faulted POST creates nothing');
  assert.equal((await post()).status, 201, 'times=2 counted only the POSTs');
  assert.equal(srv.resources.comments.get(id).length, before + 1);
  assert.equal((await get('/__mock/tag=meth2,status=500,method=DELETE/v2/portouts')).status, 400);
  srv.reset();
});

test('count=N limits the data set for the request', async () => {
  const r = await get('/__mock/tag=cnt,count=13/v2/portouts?page[size]=1&page[number]=13');
  assert.deepEqual(r.json.meta, { page_number: 13, page_size: 1, total_pages: 13, total_results: 13 });
  assert.deepEqual(r.json.data, [srv.dataset[12]]);
  const beyond = await get('/__mock/tag=cnt,count=13/v2/portouts?page[size]=1&page[number]=14');
  assert.deepEqual(beyond.json.data, []);
  const all13 = await all('', `${srv.url}/__mock/tag=cnt2,count=13`);
  assert.deepEqual(ids(all13), ids(srv.dataset.slice(0, 13)));
  const gone = await get(`/__mock/count=13/v2/portouts/${srv.dataset[500].id}`);
  assert.equal(gone.status, 404);
});

test('grow=N inserts N newer records before each request', async () => {
  const p = '/__mock/tag=grow,grow=5,count=10/v2/portouts?page[size]=250';
  const r1 = await get(p);
  assert.equal(r1.json.meta.total_results, 15);
  const r2 = await get(p);
  assert.equal(r2.json.meta.total_results, 20);
  assert.deepEqual(ids(r2.json.data.slice(10)), ids(srv.dataset.slice(0, 10)));
  // The first request's front records shifted back by 5.
  assert.deepEqual(ids(r2.json.data.slice(5, 15)), ids(r1.json.data.slice(0, 10)));
  assert.ok(r2.json.data[0].inserted_at > srv.dataset[0].inserted_at);
  assert.ok(r2.json.data.every((r, i, a) => i === 0 || a[i - 1].inserted_at >= r.inserted_at));
  assert.equal(new Set(ids(r2.json.data)).size, 20);
  // Pages shift between requests: page 2 of size 5 now shows what page 1 had.
  const q = (n) => `/__mock/tag=grow2,grow=5/v2/portouts?page[size]=5&page[number]=${n}`;
  const pg1 = await get(q(1));
  const pg2 = await get(q(2));
  assert.deepEqual(ids(pg2.json.data), ids(pg1.json.data));
  assert.equal(pg2.json.meta.total_results, 1010);
});

test('bad directives -> 400', async () => {
  for (const d of ['bogus=1', 'status=abc', 'body=weird', 'latency=-5', 'status=5000', 'tag', 'tag=a,tag=b']) {
    const r = await get(`/__mock/${d}/v2/portouts`);
    assert.equal(r.status, 400, d);
    assert.ok(r.json.errors[0].detail.includes('directive') || r.json.errors[0].detail.includes('must'), d);
  }
  assert.equal((await get('/__mock//v2/portouts?page[size]=1')).status, 200);
});

// ---------------------------------------------------------------------------
// CORS, log, stats

test('CORS preflight', async () => {
  const r = await fetch(`${srv.url}/__mock/tag=cors,status=500,times=1/v2/portouts?page[size]=1`, {
    method: 'OPTIONS',
    headers: {
      origin: 'http://localhost:3000',
      'access-control-request-method': 'GET',
      'access-control-request-headers': 'authorization,x-custom',
    },
  });
  assert.equal(r.status, 204);
  assert.equal(r.headers.get('access-control-allow-origin'), '*');
  assert.equal(r.headers.get('access-control-allow-methods'), 'GET, OPTIONS');
  assert.equal(r.headers.get('access-control-allow-headers'), 'authorization,x-custom');
  assert.equal(r.headers.get('access-control-max-age'), '600');
  assert.match(r.headers.get('x-request-id'), /^req-/);
  const plain = await fetch(`${srv.url}/v2/portouts`, { method: 'OPTIONS' });
  assert.equal(plain.headers.get('access-control-allow-headers'), 'Authorization, Content-Type, Accept, X-Requested-With');
  // Preflights do not count toward directive counters or stats.
  assert.equal((await get('/__stats?tag=cors')).json.requests, 0);
  assert.equal((await get('/__mock/tag=cors,status=500,times=1/v2/portouts')).status, 500);
});

test('log endpoint records requests; filter by tag; DELETE clears', async () => {
  const del = await fetch(`${srv.url}/__log`, { method: 'DELETE' });
  assert.equal(del.status, 204);
  assert.equal(del.headers.get('access-control-allow-origin'), '*');
  assert.deepEqual((await get('/__log')).json, []);
  await get('/__mock/tag=logt/v2/portouts?filter%5Bstatus%5D=ported&page[size]=2', {
    headers: { authorization: 'Bearer abc', accept: 'application/json', origin: 'http://example.test' },
  });
  await get('/v2/portouts?page[size]=1');
  const entries = (await get('/__log?tag=logt')).json;
  assert.equal(entries.length, 1);
  const e = entries[0];
  assert.equal(e.method, 'GET');
  assert.equal(e.path, '/v2/portouts');
  assert.equal(e.query, 'filter%5Bstatus%5D=ported&page[size]=2');
  assert.deepEqual(e.params, [['filter[status]', 'ported'], ['page[size]', '2']]);
  assert.deepEqual(e.directives, { tag: 'logt' });
  assert.equal(e.headers.authorization, 'Bearer abc');
  assert.equal(e.headers.accept, 'application/json');
  assert.equal(e.headers.origin, 'http://example.test');
  assert.equal(e.status, 200);
  assert.equal(typeof e.seq, 'number');
  assert.ok(e.endedAt >= e.startedAt);
  const everything = (await get('/__log')).json;
  assert.equal(everything.length, 2);
  assert.ok(everything[0].seq < everything[1].seq);
  assert.ok(everything.every((x) => !x.path.startsWith('/__log')));
  assert.equal(srv.log.length, 2);
});

test('stats: 4 concurrent latency requests overlap', async () => {
  const p = `${srv.url}/__mock/tag=conc,latency=150/v2/portouts?page[size]=1`;
  const rs = await Promise.all([1, 2, 3, 4].map(() => fetch(p).then((r) => r.json())));
  assert.equal(rs.length, 4);
  const st = (await get('/__stats?tag=conc')).json;
  assert.equal(st.requests, 4);
  assert.ok(st.maxInFlight >= 2, JSON.stringify(st));
  assert.equal(st.inFlight, 0);
  assert.deepEqual((await get('/__stats?tag=never-used')).json, { requests: 0, maxInFlight: 0, inFlight: 0 });
  const byKey = (await get(`/__stats?key=${encodeURIComponent('tag=conc,latency=150')}`)).json;
  assert.equal(byKey.requests, 4);
});

// ---------------------------------------------------------------------------
// Data set

test('data set: 27 PortoutDetails fields with documented types, variety, escaping', () => {
  const d = srv.dataset;
  assert.equal(d.length, 1000);
  const strings = [
    'authorized_name', 'carrier_name', 'city', 'created_at', 'current_carrier', 'end_user_name', 'foc_date', 'id',
    'inserted_at', 'pon', 'record_type', 'requested_foc_date', 'service_address', 'spid', 'state', 'status',
    'support_key', 'updated_at', 'user_id', 'vendor', 'zip',
  ];
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  const nationalLength = { US: 10, CA: 10, GB: 10, DE: [10, 11], FR: 9, IE: [8, 9], NL: 9, AU: 9, ES: 9, MX: 10 };
  const cc = { US: '1', CA: '1', GB: '44', DE: '49', FR: '33', IE: '353', NL: '31', AU: '61', ES: '34', MX: '52' };
  for (const r of d) {
    for (const f of strings) assert.equal(typeof r[f], 'string', `${r.id}.${f}`);
    for (const f of ['already_ported', 'host_messaging']) assert.equal(typeof r[f], 'boolean');
    assert.ok(Number.isInteger(r.rejection_code));
    assert.ok(r.reason === null || typeof r.reason === 'string');
    assert.ok(Array.isArray(r.lsr) && r.lsr.every((u) => u.startsWith('https://')));
    assert.ok(Array.isArray(r.phone_numbers) && r.phone_numbers.length >= 1 && r.phone_numbers.length <= 3);
    assert.equal(Object.keys(r).length, 28); // 27 spec fields + ported_out_at
    assert.equal(r.record_type, 'portout');
    assert.equal(r.current_carrier, 'telnyx');
    assert.match(r.id, uuid);
    assert.match(r.user_id, uuid);
    assert.match(r.vendor, uuid);
    assert.match(r.spid, /^[0-9A-Z]{4}$/);
    assert.match(r.support_key, /^PO_\d{6}$/);
    for (const f of ['created_at', 'inserted_at', 'updated_at', 'foc_date', 'requested_foc_date']) assert.match(r[f], iso);
    assert.ok(r.inserted_at >= '2024-11-01' && r.inserted_at <= '2026-10-31T23:59:59.999Z');
    assert.ok(r.updated_at >= r.inserted_at);
    const rejected = r.status === 'rejected' || r.status === 'rejected-pending';
    assert.equal(rejected, r.reason !== null);
    assert.equal(rejected, r.rejection_code >= 1000);
    assert.equal(r.status === 'ported', r.ported_out_at !== null);
    if (r.ported_out_at !== null) assert.match(r.ported_out_at, iso);
    const country = countryOf(r);
    for (const n of r.phone_numbers) {
      assert.match(n, /^\+[1-9]\d{7,14}$/);
      assert.ok(n.startsWith(`+${cc[country]}`));
      const len = n.length - 1 - cc[country].length;
      assert.ok([nationalLength[country]].flat().includes(len), `${n} (${country})`);
    }
  }
  assert.equal(new Set(d.map((r) => r.id)).size, d.length);
  assert.equal(new Set(d.map((r) => r.support_key)).size, d.length);
  assert.deepEqual(new Set(d.map((r) => r.status)), new Set(STATUSES));
  assert.ok(new Set(d.map((r) => r.carrier_name)).size >= 12);
  const text = JSON.stringify(d);
  assert.ok(/[^\x00-\x7f]/.test(text), 'non-ASCII');
  assert.ok(text.includes('\\"'), 'escaped quote');
  assert.ok(text.includes('\\\\'), 'escaped backslash');
  assert.ok(d.some((r) => r.lsr.length === 0) && d.some((r) => r.lsr.length === 2));
  assert.ok(d.some((r) => r.phone_numbers.length === 3));
});

test('determinism: same seed -> byte-identical bodies; other seed differs', async () => {
  const a = await startMockServer({ seed: 7, count: 300 });
  const b = await startMockServer({ seed: 7, count: 300 });
  const c = await startMockServer({ seed: 8, count: 300 });
  try {
    assert.equal(JSON.stringify(a.dataset), JSON.stringify(b.dataset));
    for (const q of [
      '/v2/portouts',
      '/v2/portouts?page[size]=250&page[number]=2',
      '/v2/portouts?filter[status_in]=ported,canceled&page[size]=100',
      '/__mock/grow=3/v2/portouts?page[size]=5',
    ]) {
      const ra = await get(q, {}, a.url);
      const rb = await get(q, {}, b.url);
      assert.equal(ra.text, rb.text, q);
    }
    assert.notEqual(JSON.stringify(a.dataset), JSON.stringify(c.dataset));
    assert.notEqual((await get('/v2/portouts', {}, a.url)).text, (await get('/v2/portouts', {}, c.url)).text);
  } finally {
    await Promise.all([a.close(), b.close(), c.close()]);
  }
});

// ---------------------------------------------------------------------------
// Proxy mode

test('proxy adds the key (option), drops the caller\'s Authorization, passes status/headers through', async () => {
  const up = await startMockServer({ apiKey: 'up-secret', seed: 9, count: 60 });
  const px = await startMockServer({ upstream: `${up.url}/v2`, proxyApiKey: 'up-secret', count: 5 });
  try {
    const direct = await get('/v2/portouts?page[size]=5', {}, up.url);
    assert.equal(direct.status, 401);

    const q = '/v2/portouts?page%5Bsize%5D=5&filter[phone_number]=' + up.dataset[3].phone_numbers[0];
    const r = await get(q, { headers: { authorization: 'Bearer browser-should-not-have-this' } }, px.url);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.headers.get('access-control-allow-origin'), '*');
    assert.equal(r.headers.get('content-type'), 'application/json');
    assert.ok(r.json.data.some((x) => x.id === up.dataset[3].id));
    const last = up.log.at(-1);
    assert.equal(last.headers.authorization, 'Bearer up-secret');
    assert.equal(last.path, '/v2/portouts');
    assert.equal(last.query, q.split('?')[1]); // query string forwarded byte for byte
    assert.equal(r.headers.get('x-request-id'), last.requestId);

    const one = await get(`/v2/portouts/${up.dataset[0].id}`, {}, px.url);
    assert.deepEqual(one.json, { data: up.dataset[0] });

    const bad = await get('/v2/portouts?page[size]=999', {}, px.url);
    assert.equal(bad.status, 422);
    assert.equal(bad.json.errors[0].source.parameter, 'page[size]');

    // Upstream faults pass through (Retry-After included) ...
    const up429 = `${up.url}/__mock/tag=pxra,status=429,retry_after=3/v2`;
    const px2 = await startMockServer({ upstream: up429, proxyApiKey: 'up-secret' });
    try {
      const f = await get('/v2/portouts', {}, px2.url);
      assert.equal(f.status, 429);
      assert.equal(f.headers.get('retry-after'), '3');
    } finally {
      await px2.close();
    }
    // ... and local fault directives are answered by the proxy itself.
    const before = up.log.length;
    assert.equal((await get('/__mock/tag=pxl,status=503/v2/portouts', {}, px.url)).status, 503);
    assert.equal(up.log.length, before);
    // Non-portout paths are not forwarded.
    assert.equal((await get('/v2/other', {}, px.url)).status, 404);
  } finally {
    await Promise.all([px.close(), up.close()]);
  }
});

test('proxy takes the key from TELNYX_API_KEY; without a key upstream answers 401', async () => {
  const up = await startMockServer({ apiKey: 'env-secret', count: 10 });
  const saved = process.env.TELNYX_API_KEY;
  const px = await startMockServer({ upstream: `${up.url}/v2/` });
  try {
    process.env.TELNYX_API_KEY = 'env-secret';
    const r = await get('/v2/portouts', {}, px.url);
    assert.equal(r.status, 200);
    assert.equal(r.json.meta.total_results, 10);
    delete process.env.TELNYX_API_KEY;
    const no = await get('/v2/portouts', { headers: { authorization: 'Bearer env-secret' } }, px.url);
    assert.equal(no.status, 401);
    assert.equal(no.json.errors[0].code, '10009');
  } finally {
    if (saved === undefined) delete process.env.TELNYX_API_KEY;
    else process.env.TELNYX_API_KEY = saved;
    await Promise.all([px.close(), up.close()]);
  }
});

test('proxy: unreachable upstream -> 502 errors body', async () => {
  const dead = await startMockServer({ count: 1 });
  const deadUrl = dead.url;
  await dead.close();
  const px = await startMockServer({ upstream: `${deadUrl}/v2`, proxyApiKey: 'x', count: 1 });
  try {
    const r = await get('/v2/portouts', {}, px.url);
    assert.equal(r.status, 502);
    assert.equal(r.json.errors[0].title, 'Bad gateway');
  } finally {
    await px.close();
  }
});

// ---------------------------------------------------------------------------
// CLI

test('CLI prints one line, serves, exits cleanly on SIGTERM', async () => {
  const script = fileURLToPath(new URL('./server.mjs', import.meta.url));
  const child = spawn(process.execPath, [script, '--port', '0', '--seed', '5', '--count', '25', '--api-key', 'cli-key'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (c) => (err += c));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const line = await new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no output; stderr: ${err}`)), 5000);
    child.stdout.on('data', (c) => {
      out += c;
      if (out.includes('\n')) {
        clearTimeout(t);
        resolve(out.split('\n')[0]);
      }
    });
  });
  try {
    assert.match(line, /^mock listening http:\/\/127\.0\.0\.1:\d+$/);
    const url = line.slice('mock listening '.length);
    const r = await fetch(`${url}/v2/portouts?page[size]=1`, { headers: { authorization: 'Bearer cli-key' } });
    assert.equal(r.status, 200);
    assert.equal((await r.json()).meta.total_results, 25);
    assert.equal((await fetch(`${url}/v2/portouts`)).status, 401);
    const same = await startMockServer({ seed: 5, count: 25 });
    try {
      const body = await (await fetch(`${url}/v2/portouts`, { headers: { authorization: 'Bearer cli-key' } })).text();
      assert.equal(body, await (await fetch(`${same.url}/v2/portouts`)).text());
    } finally {
      await same.close();
    }
  } finally {
    child.kill('SIGTERM');
  }
  const { code } = await exited;
  assert.equal(code, 0, err);
  assert.equal(out, `${line}\n`);
});
