// Contract conformance of the built package (pkg/) against the Telnyx OpenAPI spec
// (spec/telnyx-portouts.openapi.json), with Prism 5.14.2 (`prism mock`) as the independent
// validator of requests, Ajv (JSON Schema 2020-12) as the independent validator of responses,
// and the official `telnyx` SDK as the reference for query strings.
// Run: node --test --test-concurrency=1 tests/conformance/   (writes tests/conformance/RESULTS.md)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ensureInstalled, startPrism, HERE, ROOT, PRISM_VERSION } from './harness/prism.mjs';

ensureInstalled(); // npm ci --prefix tests/conformance, only when its node_modules is missing

const { listPortouts, getPortout, buildPortoutsQuery, parsePortoutsResponse, PortoutsError } = await import('telnyx-portouts');
const { default: Telnyx } = await import('telnyx');
const { startRecorder, startStaticServer } = await import('./harness/servers.mjs');
const { makeValidators, specExamples } = await import('./harness/spec.mjs');
const W = await import('./harness/wire.mjs');
const C = await import('./harness/cases.mjs');
const { writeResults } = await import('./harness/report.mjs');
const PKG = await import('telnyx-portouts'); // every operation, for the operation tests
const O = await import('./harness/operations.mjs');
const { makeOperationValidators, successOf } = await import('./harness/spec.mjs');

const N_DYNAMIC_LIST = 250;
const N_DYNAMIC_GET = 250;
const N_BROWSER_DYNAMIC = 25;
const N_DYNAMIC_OP = 25; // generated responses per operation (prism mock -d, one seed each)
const UUID = '0ccc7b54-4df3-4bca-a65a-3da1ecc777f0';
const AUTH = { Authorization: 'Bearer x' };
const LOG_DIR = join(tmpdir(), 'telnyx-portouts-conformance');

const R = {
  prismVersion: PRISM_VERSION,
  pkgVersion: JSON.parse(readFileSync(join(ROOT, 'pkg', 'package.json'), 'utf8')).version,
  sdkVersion: JSON.parse(readFileSync(join(ROOT, 'node_modules', 'telnyx', 'package.json'), 'utf8')).version,
  controls: [], probes: [], requests: [], indexed: [], deviations: [], sdk: [], sdkKnown: [],
  examples: [], dynamic: null, edges: [], browser: null, cors: null, arrayFormats: null,
  operations: [], opDeviations: [],
};

let prism; // static examples
let prismDyn; // prism mock -d (per-request seeds)
let recorder; // records what the library sent, forwards to `prism`
let recorderOps; // as `recorder`, and adds an x-request-id to each response (the operation tests)
let recorderDyn; // records what the library sent and what `prismDyn` answered (with x-request-id)
let validators;
let opValidators;

before(async () => {
  [prism, prismDyn] = await Promise.all([startPrism({ logDir: LOG_DIR }), startPrism({ dynamic: true, logDir: LOG_DIR })]);
  [recorder, recorderOps, recorderDyn] = await Promise.all([startRecorder(prism.url), startRecorder(prism.url, { requestIds: true }), startRecorder(prismDyn.url, { requestIds: true })]);
  opValidators = makeOperationValidators();
  validators = makeValidators(opValidators);
});

after(async () => {
  await Promise.all([recorder?.close(), recorderOps?.close(), recorderDyn?.close(), prism?.close(), prismDyn?.close()]);
  R.opKinds = [...FAILURE_KINDS, ...LENIENT_KINDS].map(({ id, verdict, why }) => ({ id, verdict, why }));
  writeResults(join(HERE, 'RESULTS.md'), R);
});

const isOk = (s) => s >= 200 && s < 300;
async function raw(base, path, search, auth = 'Bearer x', extra = {}) {
  const headers = { ...extra };
  if (auth) headers.Authorization = auth;
  const r = await fetch(`${base}${path}${search ? `?${search}` : ''}`, { headers });
  const text = await r.text();
  return { status: r.status, violations: r.headers.get('sl-violations'), text };
}
const firstViolation = (v) => {
  if (!v) return null;
  try { return JSON.parse(v).map((x) => x.message).join('; '); } catch { return v; }
};
const errInfo = (e) => (e instanceof PortoutsError ? { code: e.code, status: e.status ?? null, path: e.path ?? null, message: e.message } : { code: 'not_a_portouts_error', message: String(e?.stack ?? e) });

/** The assertion every accepted request goes through; the negative controls prove it can fail. */
function assertAccepted(entry, what) {
  assert.ok(isOk(entry.status), `${what}: Prism answered ${entry.status}${entry.violations ? ` (sl-violations: ${firstViolation(entry.violations)})` : ''}`);
  assert.equal(entry.violations ?? null, null, `${what}: Prism reported violations: ${entry.violations}`);
}

test('Prism controls: hand-built spec-breaking requests get 422/401, valid ones 2xx, and the acceptance check fails on them', async () => {
  for (const c of C.POSITIVE_CONTROLS) {
    const r = await raw(prism.url, c.path ?? '/portouts', c.search);
    R.controls.push({ kind: 'positive', name: c.name, request: `${c.path ?? '/portouts'}${c.search ? `?${c.search}` : ''}`, expect: c.expect, status: r.status, violation: firstViolation(r.violations) });
    assert.equal(r.status, c.expect, c.name);
    assertAccepted(r, c.name);
  }
  for (const c of C.NEGATIVE_CONTROLS) {
    const r = await raw(prism.url, c.path ?? '/portouts', c.search, c.auth === undefined ? 'Bearer x' : c.auth);
    R.controls.push({ kind: 'negative', name: c.name, request: `${c.path ?? '/portouts'}${c.search ? `?${c.search}` : ''}${c.auth === null ? ' (no Authorization)' : c.auth ? ` (Authorization: ${c.auth})` : ''}`, expect: c.expect, status: r.status, violation: firstViolation(r.violations) });
    assert.equal(r.status, c.expect, `${c.name}: expected ${c.expect}, Prism answered ${r.status}`);
    assert.ok(r.violations, `${c.name}: no sl-violations header`);
    assert.throws(() => assertAccepted(r, c.name), assert.AssertionError, `the acceptance check let ${c.name} through`);
  }
  // The library's own error path on a refused request: no key -> 401 -> 'authentication'.
  await assert.rejects(listPortouts({}, { baseUrl: prism.url, maxRetries: 0 }), (e) => e.code === 'authentication' && e.status === 401);
  for (const p of C.PRISM_PROBES) {
    const r = await raw(prism.url, '/portouts', p.search);
    let library;
    try { library = `sends ${buildPortoutsQuery(p.input)}`; } catch (e) { library = `refuses: ${e.code} at ${e.path}: ${e.message}`; }
    R.probes.push({ name: p.name, request: `/portouts?${p.search}`, status: r.status, violation: firstViolation(r.violations), input: JSON.stringify(p.input), library });
    assert.equal(r.status, p.observed, `Prism's behaviour changed for probe '${p.name}'`);
  }
});

test('CORS: Prism allows the browser request (preflight for Authorization)', async () => {
  const r = await fetch(`${prism.url}/portouts?page%5Bsize%5D=1`, {
    method: 'OPTIONS',
    headers: { Origin: 'http://127.0.0.1:9', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
  });
  const g = await fetch(`${prism.url}/portouts?page%5Bsize%5D=1`, { headers: { ...AUTH, Origin: 'http://127.0.0.1:9' } });
  await g.arrayBuffer();
  const pick = (h, names) => Object.fromEntries(names.map((n) => [n, h.get(n)]));
  R.cors = {
    preflight: { status: r.status, ...pick(r.headers, ['access-control-allow-origin', 'access-control-allow-headers', 'access-control-allow-methods', 'access-control-allow-credentials']) },
    get: { status: g.status, ...pick(g.headers, ['access-control-allow-origin', 'access-control-allow-credentials', 'access-control-expose-headers']) },
  };
  assert.equal(r.status, 204);
  assert.equal(r.headers.get('access-control-allow-origin'), 'http://127.0.0.1:9');
  assert.match(r.headers.get('access-control-allow-headers') ?? '', /authorization/i);
});

test('Node: every filter alone and in combinations, page bounds, all three array formats: Prism accepts what listPortouts sends', async () => {
  const failures = [];
  for (const c of C.requestCases()) {
    const row = { group: c.group, name: c.name, node: {} };
    R.requests.push(row);
    for (const arrayFormat of C.ARRAY_FORMATS) {
      const query = W.revive(c.query);
      const from = recorder.log.length;
      let outcome;
      try {
        const page = await listPortouts(query, { baseUrl: recorder.url, apiKey: 'x', arrayFormat, maxRetries: 0 });
        outcome = { ok: true, records: page.data.length };
      } catch (e) {
        outcome = { ok: false, ...errInfo(e) };
      }
      const sent = recorder.log.slice(from);
      const entry = sent[0] ?? {};
      const search = (entry.url ?? '').replace(/^[^?]*\??/, '');
      row.node[arrayFormat] = { status: entry.status ?? null, violation: firstViolation(entry.violations), search, ok: outcome.ok, code: outcome.code };
      const what = `${c.name} [${arrayFormat}]`;
      try {
        assert.equal(sent.length, 1, `${what}: ${sent.length} requests sent`);
        assert.ok(outcome.ok, `${what}: listPortouts failed: ${JSON.stringify(outcome)}`);
        assertAccepted(entry, what);
        assert.equal(entry.method, 'GET');
        assert.equal(entry.url.replace(/\?.*$/, ''), '/portouts');
        assert.equal(entry.authorization, 'Bearer x');
        assert.equal(search, buildPortoutsQuery(query, { arrayFormat }), `${what}: the request differs from buildPortoutsQuery`);
        assert.ok(W.isFullyEncoded(search), `${what}: not fully percent-encoded: ${search}`);
        assert.ok(!search.includes('+'), `${what}: a raw '+' would decode as a space on form decoders`);
        assert.deepEqual(W.multiset(W.decodedPairs(search)), W.multiset(W.expectedPairs(query, arrayFormat)), `${what}: decoded pairs differ from the spec model`);
      } catch (e) {
        failures.push(e.message);
      }
      // Prism reads array members only as filter[k][i]: re-send the members the library put on
      // the wire in that form, so Prism checks them against the enum too.
      const members = W.arrayMembers(W.decodedPairs(search), arrayFormat);
      if (Object.keys(members).length > 0) {
        const indexed = W.toPrismIndexed(W.decodedPairs(search), arrayFormat);
        const r = await raw(prism.url, '/portouts', indexed);
        R.indexed.push({ name: c.name, arrayFormat, members, status: r.status, violation: firstViolation(r.violations) });
        if (!isOk(r.status) || r.violations) failures.push(`${what}: array members re-sent in indexed form refused: ${r.status} ${firstViolation(r.violations)}`);
      }
    }
  }
  // Prism's answer per array format, over all cases with an array filter.
  R.arrayFormats = Object.fromEntries(C.ARRAY_FORMATS.map((f) => {
    const rows = R.requests.filter((row) => /status_in|country_code_in/.test(row.node[f].search));
    const statuses = {};
    for (const row of rows) statuses[row.node[f].status] = (statuses[row.node[f].status] ?? 0) + 1;
    const idx = R.indexed.filter((x) => x.arrayFormat === f);
    return [f, { cases: rows.length, statuses, example: rows.find((row) => /status_in/.test(row.name))?.node[f].search, indexedOk: idx.filter((x) => isOk(x.status)).length, indexed: idx.length }];
  }));
  assert.deepEqual(failures, [], `${failures.length} request case(s) failed:\n${failures.join('\n')}`);
});

for (const c of C.deviationCases()) {
  // Found by this suite (bare dates were sent as is; a leap second was accepted at any time of
  // day); fixed in the library: it now sends bare dates as date-times and refuses the rest.
  test(`former deviation: ${c.name} is refused locally or sent in a form the spec allows`, async () => {
    const query = W.revive(c.query);
    const from = recorder.log.length;
    let outcome;
    try {
      await listPortouts(query, { baseUrl: recorder.url, apiKey: 'x', maxRetries: 0 });
      outcome = { ok: true };
    } catch (e) {
      outcome = { ok: false, ...errInfo(e) };
    }
    const entry = recorder.log[from];
    R.deviations.push({ name: c.name, input: JSON.stringify(c.query), sent: entry?.url ?? '(nothing sent)', status: entry?.status ?? null, violation: firstViolation(entry?.violations), library: outcome.ok ? 'resolved' : `${outcome.code} (${outcome.status ?? '-'})` });
    // Fixed either way: the library refuses the input before sending, or sends a form Prism accepts.
    if (entry === undefined) assert.equal(outcome.code, 'invalid_filter', `nothing was sent, but the error is ${JSON.stringify(outcome)}`);
    else assertAccepted(entry, c.name);
  });
}

test('official SDK (telnyx) puts the same key=value multiset in its URL as buildPortoutsQuery', async () => {
  let captured;
  const client = new Telnyx({
    apiKey: 'x', baseURL: 'http://127.0.0.1:1/v2', maxRetries: 0,
    fetch: async (url) => {
      captured = String(url);
      return new Response(JSON.stringify({ data: [], meta: { page_number: 1, page_size: 20, total_pages: 0, total_results: 0 } }), { headers: { 'content-type': 'application/json' } });
    },
  });
  const sdkQuery = async (params) => {
    captured = undefined;
    await client.portouts.list(params);
    return new URL(captured).search.replace(/^\?/, '');
  };
  const failures = [];
  for (const c of C.sdkCases()) {
    const params = W.revive(c.params);
    const sdk = await sdkQuery(params);
    const lib = buildPortoutsQuery(params);
    const decodedEqual = JSON.stringify(W.multiset(W.decodedPairs(sdk))) === JSON.stringify(W.multiset(W.decodedPairs(lib)));
    const rawEqual = JSON.stringify(W.multiset(W.rawPairs(sdk))) === JSON.stringify(W.multiset(W.rawPairs(lib)));
    const rawDiff = rawEqual ? [] : diffRaw(W.rawPairs(sdk), W.rawPairs(lib));
    const [ps, pl] = await Promise.all([raw(prism.url, '/portouts', sdk), raw(prism.url, '/portouts', lib)]);
    R.sdk.push({ name: c.name, decodedEqual, rawEqual, sameOrder: sdk === lib, rawDiff, sdk, lib, prismSdk: ps.status, prismLib: pl.status });
    if (!decodedEqual) failures.push(`${c.name}: decoded multisets differ\n  sdk: ${sdk}\n  lib: ${lib}`);
    if (!isOk(pl.status)) failures.push(`${c.name}: Prism refused the library's query (${pl.status})`);
  }
  for (const k of C.sdkKnownDifferences()) {
    const params = W.revive(k.params);
    const sdk = await sdkQuery(params);
    let lib;
    try { lib = buildPortoutsQuery(params); } catch (e) { lib = `throws ${e.code} at ${e.path}: ${e.message}`; }
    R.sdkKnown.push({ name: k.name, input: JSON.stringify(k.params), expect: k.expect, sdk: sdk === '' ? '(no query)' : sdk, lib });
  }
  const byName = Object.fromEntries(R.sdkKnown.map((k) => [k.name, k]));
  assert.equal(byName['country_code lower case'].lib, 'filter%5Bcountry_code%5D=US');
  assert.equal(byName['country_code lower case'].sdk, 'filter%5Bcountry_code%5D=us');
  assert.match(byName['empty status_in'].lib, /^throws invalid_filter/);
  assert.equal(byName['empty status_in'].sdk, '(no query)');
  assert.match(byName['misspelt key statusIn'].lib, /^throws invalid_filter .*did you mean 'status_in'/);
  assert.deepEqual(failures, [], failures.join('\n'));
});

function diffRaw(sdkPairs, libPairs) {
  const out = [];
  const libMap = new Map(libPairs.map(([k, v]) => [decodeURIComponent(k) + '\u0000' + decodeURIComponent(v), `${k}=${v}`]));
  for (const [k, v] of sdkPairs) {
    const key = decodeURIComponent(k) + '\u0000' + decodeURIComponent(v);
    const l = libMap.get(key);
    if (l !== undefined && l !== `${k}=${v}`) out.push(`SDK ${k}=${v} vs library ${l}`);
  }
  return out;
}

test('static examples: Prism static list and get bodies, and a body built from every spec example, parse (list and get paths)', async () => {
  const { record, meta } = specExamples();
  const rows = R.examples;
  // 1. Prism's static list response (built by Prism from the spec's examples).
  const list = await raw(prism.url, '/portouts', '');
  const listBody = JSON.parse(list.text);
  const parsed = parsePortoutsResponse(list.text);
  assert.deepEqual(parsed, listBody);
  const vList = validators.list(listBody);
  const differs = Object.keys(record).filter((k) => JSON.stringify(record[k]) !== JSON.stringify(listBody.data[0][k]));
  rows.push({ name: 'Prism static GET /portouts, parsePortoutsResponse', outcome: 'parsed, equal to the body', spec: vList, note: differs.length ? `differs from the schema examples in: ${differs.map((k) => `${k} (Prism ${JSON.stringify(listBody.data[0][k])}, example ${JSON.stringify(record[k])})`).join(', ')}` : 'equal to the schema examples' });
  // 2. The same through listPortouts (the network path).
  const page = await listPortouts({}, { baseUrl: prism.url, apiKey: 'x', maxRetries: 0 });
  assert.deepEqual(page.data, listBody.data);
  assert.deepEqual(page.meta, listBody.meta);
  rows.push({ name: 'Prism static GET /portouts, listPortouts', outcome: `resolved, ${page.data.length} record(s), meta ${JSON.stringify(page.meta)}, hasNextPage() ${page.hasNextPage()}`, spec: vList });
  // 3. Prism's static get response through getPortout (the get path).
  const get = await raw(prism.url, `/portouts/${UUID}`, '');
  const getBody = JSON.parse(get.text);
  const one = await getPortout(UUID, { baseUrl: prism.url, apiKey: 'x', maxRetries: 0 });
  assert.deepEqual(one, getBody.data);
  rows.push({ name: 'Prism static GET /portouts/{id}, getPortout', outcome: 'resolved, equal to the body', spec: validators.get(getBody) });
  // 4. A list body of the spec's own example values (all 27 fields, meta examples).
  const built = { data: [record], meta };
  assert.deepEqual(parsePortoutsResponse(JSON.stringify(built)), built);
  rows.push({ name: 'body of the schema examples (27 fields + Metadata examples), parsePortoutsResponse', outcome: 'parsed, equal to the body', spec: validators.list(built) });
  // 5. The same record through the get path (a fixed-body server).
  const got = await withFixedBody(JSON.stringify({ data: record }), (url) => getPortout(UUID, { baseUrl: url, apiKey: 'x', maxRetries: 0 }));
  assert.deepEqual(got, record);
  rows.push({ name: 'body of the schema examples, getPortout', outcome: 'resolved, equal to the record', spec: validators.get({ data: record }) });
  for (const r of rows) assert.ok(r.spec.intent.valid, `${r.name}: not valid by the spec: ${r.spec.intent.errors}`);
});

/** Serves one fixed JSON body for any request (the get path has no public parse function). */
async function withFixedBody(body, fn) {
  const server = createServer((req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(body); });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  try {
    return await fn(`http://127.0.0.1:${server.address().port}`);
  } finally {
    server.closeAllConnections?.();
    await new Promise((r) => server.close(r));
  }
}

/** Why a dynamic response failed, and whose fault it is. Unknown kinds fail the test. */
const FAILURE_KINDS = [
  {
    id: 'meta value not an integer',
    match: (e) => e.code === 'invalid_response' && /^meta\.(page_number|page_size|total_pages|total_results)$/.test(e.path ?? '') && /must be an integer, got -?\d+\.\d+/.test(e.message),
    verdict: 'check right',
    why: 'Metadata declares `type: number, format: integer`. json-schema-faker does not know the non-standard `format: integer` and generates floats (like -85631247.97). JSON Schema 2020-12 makes `format` an annotation, so the float passes the letter of the spec, not its intent: page numbers and counts are whole numbers. The library is right to refuse them.',
  },
  {
    id: 'meta value negative',
    match: (e) => e.code === 'invalid_response' && /^meta\.(page_number|page_size|total_pages|total_results)$/.test(e.path ?? '') && /must not be negative/.test(e.message),
    verdict: 'check right (stricter than the letter of the spec)',
    why: 'Metadata (and PaginationMeta, the meta of events and reports) has no `minimum`, so a negative page number, page size or count is allowed by the letter of the spec; it is meaningless, and paging arithmetic on it would misbehave. Keep the check (the spec could say `minimum: 0`).',
  },
];
const classify = (e) => FAILURE_KINDS.find((k) => k.match(e))?.id ?? null;

test(`dynamic responses: ${N_DYNAMIC_LIST} seeded list bodies and ${N_DYNAMIC_GET} seeded get bodies from prism mock -d`, async () => {
  const validMeta = { page_number: 1, page_size: 20, total_pages: 1, total_results: 1 };
  const D = {
    list: { total: 0, pass: 0, kinds: {}, specLetterValid: 0, specIntentValid: 0, recordsTotal: 0, recordsPass: 0, recordKinds: {}, metaInt: { pass: 0, kinds: {} }, viaListPortouts: { total: 0, same: 0 } },
    get: { total: 0, pass: 0, kinds: {}, specLetterValid: 0, specIntentValid: 0, equal: 0 },
    unknown: [], disagreements: [],
  };
  R.dynamic = D;
  const bump = (obj, key, example) => {
    obj[key] ??= { count: 0, examples: [] };
    obj[key].count++;
    if (example && obj[key].examples.length < 3) obj[key].examples.push(example);
  };
  const tryParse = (text) => { try { parsePortoutsResponse(text); return null; } catch (e) { return errInfo(e); } };
  // A rejection, counted under the failure kind that explains it; one no kind explains is
  // listed in D.unknown as `${seed}${note}`.
  const rejected = (kinds, e, seed, note) => {
    const kind = classify(e);
    bump(kinds, kind ?? `UNKNOWN ${e.code} ${e.path}`, `${seed}: ${e.path}: ${e.message}`);
    if (!kind) D.unknown.push(`${seed}${note}: ${JSON.stringify(e)}`);
  };
  // The library's verdict against the spec's intent, unless a known failure kind explains it.
  const compareWithSpec = (seed, e, spec) => {
    if (!e !== spec.intent.valid && !(e && classify(e))) D.disagreements.push(`${seed}: library ${e ? 'rejects' : 'accepts'}, spec (intent) ${spec.intent.valid ? 'valid' : `invalid: ${spec.intent.errors}`}`);
  };
  // `--seed` re-seeds every request (all bodies would be the same), so each request carries its
  // own seed: the same seed gives the same body, different seeds give different bodies.
  const [s1, s2] = await Promise.all([1, 2].map(() => raw(prismDyn.url, '/portouts', '', 'Bearer x', { Prefer: 'seed=list-0' })));
  assert.equal(s1.text, s2.text, 'a seed must give the same body every time');
  const distinct = { list: new Set(), get: new Set() };
  for (let i = 0; i < N_DYNAMIC_LIST; i++) {
    const seed = `list-${i}`;
    const r = await raw(prismDyn.url, '/portouts', '', 'Bearer x', { Prefer: `seed=${seed}` });
    assert.equal(r.status, 200);
    const body = JSON.parse(r.text);
    distinct.list.add(r.text);
    const spec = validators.list(body);
    D.list.total++;
    if (spec.letter.valid) D.list.specLetterValid++;
    if (spec.intent.valid) D.list.specIntentValid++;
    // (a) the body as generated
    const e = tryParse(r.text);
    if (!e) D.list.pass++;
    else rejected(D.list.kinds, e, seed, ' (as generated)');
    compareWithSpec(seed, e, spec);
    // (b) every generated record, in an envelope with a valid meta
    for (const [j, rec] of body.data.entries()) {
      D.list.recordsTotal++;
      const er = tryParse(JSON.stringify({ data: [rec], meta: validMeta }));
      if (!er) D.list.recordsPass++;
      else {
        bump(D.list.recordKinds, classify(er) ?? `UNKNOWN ${er.code} ${er.path}`, `${seed} data[${j}]: ${er.message}`);
        D.unknown.push(`${seed} data[${j}]: ${JSON.stringify(er)} record ${JSON.stringify(rec)}`);
      }
    }
    // (c) the generated meta made whole (Math.trunc), to see the check after the integer one
    const metaInt = Object.fromEntries(Object.entries(body.meta ?? {}).map(([k, v]) => [k, typeof v === 'number' ? Math.trunc(v) : v]));
    const em = tryParse(JSON.stringify({ data: [], meta: metaInt }));
    if (!em) D.list.metaInt.pass++;
    else rejected(D.list.metaInt.kinds, em, seed, ' (meta truncated)');
    // A sample also through listPortouts (the network path gives the same verdict).
    if (i % 10 === 0) {
      D.list.viaListPortouts.total++;
      let el = null;
      try { await listPortouts({}, { baseUrl: prismDyn.url, apiKey: 'x', maxRetries: 0, headers: { Prefer: `seed=${seed}` } }); } catch (x) { el = errInfo(x); }
      if (JSON.stringify(el && [el.code, el.path]) === JSON.stringify(e && [e.code, e.path])) D.list.viaListPortouts.same++;
      else D.unknown.push(`${seed}: listPortouts verdict ${JSON.stringify(el)} differs from parsePortoutsResponse ${JSON.stringify(e)}`);
    }
  }
  for (let i = 0; i < N_DYNAMIC_GET; i++) {
    const seed = `get-${i}`;
    const headers = { Prefer: `seed=${seed}` };
    const r = await raw(prismDyn.url, `/portouts/${UUID}`, '', 'Bearer x', headers);
    assert.equal(r.status, 200);
    const body = JSON.parse(r.text);
    distinct.get.add(r.text);
    const spec = validators.get(body);
    D.get.total++;
    if (spec.letter.valid) D.get.specLetterValid++;
    if (spec.intent.valid) D.get.specIntentValid++;
    let e = null;
    let rec;
    try { rec = await getPortout(UUID, { baseUrl: prismDyn.url, apiKey: 'x', maxRetries: 0, headers }); } catch (x) { e = errInfo(x); }
    if (!e) {
      D.get.pass++;
      if (JSON.stringify(rec) === JSON.stringify(body.data)) D.get.equal++;
      else D.unknown.push(`${seed}: getPortout returned a record different from the body`);
    } else rejected(D.get.kinds, e, seed, ' (get)');
    compareWithSpec(seed, e, spec);
  }
  D.kinds = FAILURE_KINDS.map(({ id, verdict, why }) => ({ id, verdict, why }));
  D.distinct = { list: distinct.list.size, get: distinct.get.size };
  assert.equal(distinct.list.size, N_DYNAMIC_LIST, 'every list seed gives a different body');
  assert.equal(distinct.get.size, N_DYNAMIC_GET, 'every get seed gives a different body');
  assert.ok(D.list.total + D.get.total >= 200);
  assert.deepEqual(D.unknown, [], `failures of an unclassified kind:\n${D.unknown.slice(0, 20).join('\n')}`);
  assert.deepEqual(D.disagreements, [], `library and spec disagree:\n${D.disagreements.slice(0, 20).join('\n')}`);
});

/** Bodies at the edges of what the spec allows, with the library's expected verdict and ours. */
const EDGE_BODIES = (() => {
  const { record, meta } = specExamples();
  const m = { page_number: 1, page_size: 20, total_pages: 1, total_results: 1 };
  return [
    { name: 'empty page', body: { data: [], meta: { ...m, total_pages: 0, total_results: 0 } }, lib: 'accept', verdict: 'agree' },
    { name: 'record with no fields ({}; nothing is required)', body: { data: [{}], meta: m }, lib: 'accept', verdict: 'agree' },
    { name: 'all 27 fields from the examples', body: { data: [record], meta }, lib: 'accept', verdict: 'agree' },
    { name: 'reason null (nullable)', body: { data: [{ reason: null }], meta: m }, lib: 'accept', verdict: 'agree' },
    { name: 'unknown extra field', body: { data: [{ id: 'a', brand_new_field: { x: 1 } }], meta: m }, lib: 'accept', verdict: 'agree (additional properties are allowed and kept)' },
    { name: 'rejection_code 1002.0', body: { data: [{ rejection_code: 1002.0 }], meta: m }, lib: 'accept', verdict: 'agree (1002.0 is an integer in JSON Schema)', rawBody: '{"data":[{"rejection_code":1002.0}],"meta":{"page_number":1,"page_size":20,"total_pages":1,"total_results":1}}' },
    { name: 'meta.page_number 3.0 and page_size 2e1', body: null, rawBody: '{"data":[],"meta":{"page_number":3.0,"page_size":2e1,"total_pages":3,"total_results":41}}', lib: 'accept', verdict: 'agree (whole numbers)' },
    { name: 'phone_numbers not E.164, created_at not a date', body: { data: [{ phone_numbers: ['abc'], created_at: 'yesterday' }], meta: m }, lib: 'accept', verdict: 'agree (no pattern or format in the spec)' },
    { name: 'rejection_code 1.5', body: { data: [{ rejection_code: 1.5 }], meta: m }, lib: 'reject data[0].rejection_code', verdict: 'agree (type: integer)' },
    { name: 'already_ported "yes"', body: { data: [{ already_ported: 'yes' }], meta: m }, lib: 'reject data[0].already_ported', verdict: 'agree' },
    { name: 'phone_numbers not an array', body: { data: [{ phone_numbers: '+13035551212' }], meta: m }, lib: 'reject data[0].phone_numbers', verdict: 'agree' },
    { name: 'data an object', body: { data: {}, meta: m }, lib: 'reject', verdict: 'agree' },
    { name: 'meta.page_number 3.7', body: { data: [], meta: { ...m, page_number: 3.7 } }, lib: 'reject meta.page_number', verdict: 'check right: format integer (an annotation by the letter of JSON Schema)' },
    { name: 'meta.total_results -1', body: { data: [], meta: { ...m, total_results: -1 } }, lib: 'reject meta.total_results', verdict: 'check right, stricter than the letter (no minimum in the spec)' },
    { name: 'status not in the enum ("on-hold")', body: { data: [{ status: 'on-hold' }], meta: m }, lib: 'accept', verdict: 'library lenient by design (a status the API adds later is kept, typed as string); harmless' },
    { name: 'id and status null (not nullable)', body: { data: [{ id: null, status: null, host_messaging: null }], meta: m }, lib: 'accept', verdict: 'library lenient by design (every field may be null); harmless' },
    { name: 'lsr member not a URI, user_id not a uuid', body: { data: [{ lsr: ['not a uri'], user_id: 'nope' }], meta: m }, lib: 'accept', verdict: 'library lenient (formats not checked); harmless' },
    { name: 'no meta', body: { data: [] }, lib: 'reject', verdict: 'DEVIATION: spec allows (meta not required), library rejects' },
    { name: 'no data', body: { meta: m }, lib: 'reject', verdict: 'DEVIATION: spec allows (data not required), library rejects' },
    { name: 'empty object', body: {}, lib: 'reject', verdict: 'DEVIATION: spec allows, library rejects' },
    { name: 'meta without total_results', body: { data: [], meta: { page_number: 1, page_size: 20, total_pages: 0 } }, lib: 'reject meta', verdict: 'DEVIATION: spec allows (no meta field required), library rejects' },
  ];
})();

test('edges of the response contract: spec verdict (Ajv) vs library verdict, list and get paths', async () => {
  const failures = [];
  for (const c of EDGE_BODIES) {
    const text = c.rawBody ?? JSON.stringify(c.body);
    const body = JSON.parse(text);
    const spec = validators.list(body);
    let e = null;
    try { parsePortoutsResponse(text); } catch (x) { e = errInfo(x); }
    const got = e ? `reject ${e.path ?? ''}`.trim() : 'accept';
    const row = { name: c.name, body: text, spec, library: e ? `rejects: ${e.path ?? '(top)'}: ${e.message}` : 'accepts', expected: c.lib, verdict: c.verdict };
    // The get path, for bodies with one record: { data: record }.
    if (Array.isArray(body.data) && body.data.length === 1) {
      const getBody = JSON.stringify({ data: body.data[0] });
      let eg = null;
      try { await withFixedBody(getBody, (url) => getPortout(UUID, { baseUrl: url, apiKey: 'x', maxRetries: 0 })); } catch (x) { eg = errInfo(x); }
      row.get = eg ? `rejects: ${eg.path ?? '(top)'}: ${eg.message}` : 'accepts';
      row.getSpec = validators.get(JSON.parse(getBody));
      if (!!eg !== !!e) failures.push(`${c.name}: list and get paths disagree (list ${row.library}, get ${row.get})`);
    }
    R.edges.push(row);
    if (c.lib === 'accept' ? e !== null : !got.startsWith(c.lib)) failures.push(`${c.name}: expected ${c.lib}, library ${row.library}`);
  }
  assert.deepEqual(failures, [], failures.join('\n'));
});

test('Chromium (Playwright): the same request table from a page importing the package, against Prism with CORS', { timeout: 60_000 }, async () => {
  const { chromium } = await import('playwright-core');
  const site = await startStaticServer();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const B = { cases: 0, requests: 0, accepted: 0, failures: [], sameAsNode: 0, formats: {}, extra: [], deviations: [] };
  R.browser = B;
  try {
    const page = await browser.newPage();
    const consoleErrors = [];
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    const responses = [];
    page.on('response', (res) => {
      if (res.url().startsWith(prism.url) && res.request().method() === 'GET') responses.push({ url: res.url(), status: res.status(), violations: res.headers()['sl-violations'] ?? null });
    });
    await page.goto(`${site.url}/`);
    await page.waitForFunction(() => window.conformanceReady === true, null, { timeout: 15_000 });
    const cases = C.requestCases();
    const results = await page.evaluate(([url, cs, fs]) => window.conformance.runList(url, cs, fs), [prism.url, cases, C.ARRAY_FORMATS]);
    const deadline = Date.now() + 3000;
    while (responses.length < results.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.equal(responses.length, results.length, 'one request per case and format');
    B.cases = cases.length;
    for (const [i, res] of results.entries()) {
      B.requests++;
      const seen = responses[i];
      const search = new URL(seen.url).search.replace(/^\?/, '');
      const row = R.requests.find((x) => x.name === res.name);
      row.chromium ??= {};
      row.chromium[res.arrayFormat] = { status: seen.status, ok: res.ok, code: res.code ?? null };
      const f = (B.formats[res.arrayFormat] ??= { requests: 0, statuses: {} });
      f.requests++;
      f.statuses[seen.status] = (f.statuses[seen.status] ?? 0) + 1;
      const what = `${res.name} [${res.arrayFormat}] (chromium)`;
      try {
        assert.ok(res.ok, `${what}: listPortouts failed: ${JSON.stringify(res)}`);
        assertAccepted(seen, what);
        assert.equal(search, res.built, `${what}: sent ${search}, buildPortoutsQuery gave ${res.built}`);
        assert.equal(search, row.node[res.arrayFormat].search, `${what}: differs from the Node request`);
        B.accepted++;
        B.sameAsNode++;
      } catch (e) {
        B.failures.push(e.message);
      }
    }
    // Deviations, the get path, the error paths and generated responses, in the page too.
    for (const c of C.deviationCases()) {
      const [res] = await page.evaluate(([url, cs]) => window.conformance.runList(url, cs, ['comma']), [prism.url, [c]]);
      B.deviations.push({ name: c.name, library: res.ok ? 'resolved' : `${res.code} (${res.status})` });
    }
    const got = await page.evaluate(([url, id]) => window.conformance.getOne(url, id), [prism.url, UUID]);
    B.extra.push({ name: 'getPortout (static example)', outcome: got.ok ? 'resolved' : `${got.code} ${got.message}` });
    if (!got.ok) B.failures.push(`getPortout in the page: ${JSON.stringify(got)}`);
    const noKey = await page.evaluate(([url]) => window.conformance.listWith(url, undefined, null), [prism.url]);
    B.extra.push({ name: 'listPortouts without apiKey', outcome: noKey.ok ? 'resolved' : `${noKey.code} (${noKey.status})` });
    if (noKey.ok || noKey.code !== 'authentication') B.failures.push(`no apiKey in the page: ${JSON.stringify(noKey)}`);
    for (const c of C.NEGATIVE_CONTROLS.filter((x) => !x.path && x.auth === undefined).slice(0, 4)) {
      const r = await page.evaluate(([u, a]) => window.conformance.raw(u, a), [`${prism.url}/portouts?${c.search}`, 'Bearer x']);
      B.extra.push({ name: `raw fetch: ${c.name}`, outcome: `${r.status}, sl-violations readable: ${r.violations ? 'yes' : 'no'}` });
      if (r.status !== 422 || !r.violations) B.failures.push(`negative control in the page: ${c.name}: ${JSON.stringify(r)}`);
    }
    let dynSame = 0;
    for (let i = 0; i < N_BROWSER_DYNAMIC; i++) {
      const seed = `list-${i}`;
      const res = await page.evaluate(([url, h]) => window.conformance.listWith(url, h), [prismDyn.url, { Prefer: `seed=${seed}` }]);
      const rawBody = await raw(prismDyn.url, '/portouts', '', 'Bearer x', { Prefer: `seed=${seed}` });
      let e = null;
      try { parsePortoutsResponse(rawBody.text); } catch (x) { e = errInfo(x); }
      if (JSON.stringify(res.ok ? null : [res.code, res.path]) === JSON.stringify(e && [e.code, e.path])) dynSame++;
      else B.failures.push(`${seed}: page verdict ${JSON.stringify(res)} differs from Node ${JSON.stringify(e)}`);
      const g = await page.evaluate(([url, id, h]) => window.conformance.getOne(url, id, h), [prismDyn.url, UUID, { Prefer: `seed=get-${i}` }]);
      if (g.ok) dynSame++;
      else B.failures.push(`get-${i} in the page: ${JSON.stringify(g)}`);
    }
    B.extra.push({ name: `generated responses (${N_BROWSER_DYNAMIC} list + ${N_BROWSER_DYNAMIC} get seeds)`, outcome: `${dynSame}/${2 * N_BROWSER_DYNAMIC} same verdict as in Node` });
    if (consoleErrors.length) B.failures.push(`page errors: ${consoleErrors.join('; ')}`);
  } finally {
    await browser.close();
    await site.close();
  }
  assert.deepEqual(B.failures, [], `${B.failures.length} failure(s) in Chromium:\n${B.failures.slice(0, 30).join('\n')}`);
});

// ---- Every operation: the library's request against the official SDK's, Prism's verdict on it,
// the response through the library, and negative controls (harness/operations.mjs).

/** Prism's objections to a request, from `sl-violations` (request-located entries) or, where the
 *  spec has no 422 response, from the `validation` list of its problem+json body. */
function prismFindings(status, violationsHeader, contentType, text) {
  const request = [];
  const response = [];
  if (violationsHeader) {
    let list = [];
    try { list = JSON.parse(violationsHeader); } catch { request.push(violationsHeader); }
    for (const v of list) (v.location?.[0] === 'response' ? response : request).push(`${(v.location ?? []).join('.')}: ${v.message}`);
  }
  if (/problem\+json/.test(contentType ?? '') && text) {
    try {
      const p = JSON.parse(text);
      for (const v of p.validation ?? []) request.push(`${(v.location ?? []).join('.')}: ${v.message}`);
      if (!p.validation && status >= 400) request.push(`${p.title ?? 'problem'} (${status})`);
    } catch {}
  }
  return { request, response };
}
const entryFindings = (e) => prismFindings(e.status, e.violations, e.responseType, e.responseText);

/** The acceptance check of an operation's request; the mutants prove it can fail. */
function assertOpAccepted(r, success, what) {
  assert.equal(r.status, success, `${what}: Prism answered ${r.status}${r.findings.request.length ? ` (${r.findings.request.join('; ')})` : ''}`);
  assert.deepEqual(r.findings.request, [], `${what}: Prism objected to the request`);
}

/** Sends a wire form to Prism as is (for the mutants). */
async function sendWire(base, w, auth = 'Bearer x') {
  const headers = {};
  if (auth) headers.Authorization = auth;
  if (w.contentType) headers['Content-Type'] = w.contentType;
  const r = await fetch(`${base}${w.path}${w.search ? `?${w.search}` : ''}`, { method: w.method, headers, body: w.bodyText === '' ? undefined : w.bodyText });
  const text = await r.text();
  const contentType = r.headers.get('content-type');
  return { status: r.status, text, contentType, findings: prismFindings(r.status, r.headers.get('sl-violations'), contentType, text) };
}

/** Runs `fn`, returning what it resolved to or threw and the requests it sent through `rec`. */
async function capture(rec, fn) {
  const from = rec.log.length;
  let value;
  let error = null;
  try { value = await fn(); } catch (e) { error = e; }
  const entries = rec.log.slice(from);
  await Promise.all(entries.map((e) => e.done));
  return { value, error, entries };
}

/** The hand-written model of a case's (last) request as a wire form. */
function modelWire(x) {
  const search = W.encodePairs(x.pairs ?? []);
  return W.wireOf({ method: x.method, url: search ? `${x.path}?${search}` : x.path, body: x.body === undefined ? '' : JSON.stringify(x.body), contentType: x.body === undefined ? null : 'application/json' });
}

/** What the library resolved to, checked against the body Prism answered with. Returns problems ([] = fine). */
function resultProblems(kind, value, entry) {
  if (kind === 'none') {
    const out = [];
    if (value !== undefined) out.push(`resolved to ${JSON.stringify(value)}, not undefined`);
    if (entry.responseText) out.push(`a ${entry.status} with a body`);
    return out;
  }
  let body;
  try { body = JSON.parse(entry.responseText); } catch { return [`Prism's body is not JSON: ${entry.responseText?.slice(0, 80)}`]; }
  if (kind === 'data') return W.canonical(value) === W.canonical(body.data) ? [] : [`resolved to ${JSON.stringify(value)?.slice(0, 200)}, the body's data is ${JSON.stringify(body.data)?.slice(0, 200)}`];
  const out = [];
  if (W.canonical(value?.data) !== W.canonical(body.data)) out.push(`page.data differs from the body's data`);
  if (W.canonical(value?.meta) !== W.canonical(body.meta)) out.push(`page.meta ${JSON.stringify(value?.meta)} differs from the body's ${JSON.stringify(body.meta)}`);
  if (typeof value?.hasNextPage !== 'function' || typeof value?.nextPage !== 'function') out.push('no hasNextPage()/nextPage()');
  else if (value.hasNextPage() !== (body.meta.page_number < body.meta.total_pages && body.data.length > 0)) out.push(`hasNextPage() ${value.hasNextPage()} for meta ${JSON.stringify(body.meta)}`);
  if (value.requestId !== (entry.requestId ?? undefined)) out.push(`requestId ${value.requestId}, the response's x-request-id ${entry.requestId}`);
  return out;
}

const libOptions = () => ({ baseUrl: recorderOps.url, apiKey: 'x', maxRetries: 0 });
let sdkClient;
const sdk = () => (sdkClient ??= new Telnyx({ apiKey: 'x', baseURL: recorderOps.url, maxRetries: 0 }));

for (const op of O.OPERATIONS) {
  test(`operation ${op.name}: the same request as the SDK's ${op.sdkName}, accepted by Prism; negative controls refused or caught`, async () => {
    const { status: success } = successOf(op.specPath, op.method.toLowerCase());
    const key = `${op.method} ${op.specPath}`;
    const row = { name: op.name, sdkName: op.sdkName, key, success, checks: 0, failures: [], cases: [], mutants: [], refusals: [], known: [], dynamic: null };
    R.operations.push(row);
    const check = (cond, msg) => { row.checks++; if (!cond) row.failures.push(msg); return cond; };
    const libWires = [];

    for (const c of op.cases) {
      const what = `${op.name} / ${c.name}`;
      const lib = await capture(recorderOps, () => c.lib(PKG, libOptions()));
      const ref = c.sdk ? await capture(recorderOps, () => c.sdk(sdk())) : null;
      const lw = lib.entries.map(W.wireOf);
      const sw = ref?.entries.map(W.wireOf) ?? [];
      const last = lib.entries.at(-1);
      const lwl = lw.at(-1);
      libWires.push(lwl);
      const cr = { name: c.name, input: c.input, lib: lwl ? W.describeWire(lwl) : `(nothing sent: ${JSON.stringify(errInfo(lib.error))})`, sdk: c.sdk ? (sw.length ? W.describeWire(sw.at(-1)) : '(nothing sent)') : null, diff: [], modelDiff: [], notes: [], libContentType: lwl?.contentType ?? null, sdkContentType: sw.at(-1)?.contentType ?? null, libAccept: lwl?.accept ?? null, sdkAccept: sw.at(-1)?.accept ?? null, prismLib: last?.status ?? null, prismSdk: ref?.entries.at(-1)?.status ?? null, findings: null, known: c.prism?.known ?? null, result: null, spec: null, requests: lib.entries.length };
      row.cases.push(cr);
      if (!check(lib.entries.length >= 1, `${what}: the library sent nothing: ${JSON.stringify(errInfo(lib.error))}`)) continue;
      // 1. The wire: the model, and the SDK, request by request.
      cr.modelDiff = W.wireDiff(modelWire(c.expect), lwl, ['model', 'library']);
      check(cr.modelDiff.length === 0, `${what}: the library's request differs from the model: ${cr.modelDiff.join('; ')}`);
      if (c.sdk) {
        check(ref.entries.length === lib.entries.length, `${what}: the SDK sent ${ref.entries.length} request(s), the library ${lib.entries.length}`);
        for (let i = 0; i < Math.min(lw.length, sw.length); i++) {
          const d = W.wireDiff(sw[i], lw[i]);
          cr.diff.push(...d);
          cr.notes.push(...W.wireNotes(sw[i], lw[i]));
          check(d.length === 0, `${what}: request ${i + 1} differs from the SDK's: ${d.join('; ')}`);
        }
        const sm = W.wireDiff(modelWire(c.expect), sw.at(-1), ['model', 'SDK']);
        check(sm.length === 0, `${what}: the SDK's request differs from the model (the model is wrong?): ${sm.join('; ')}`);
      }
      // 2. Writes carry JSON.
      if (c.expect.body !== undefined) {
        check(lwl.contentType === 'application/json', `${what}: the library's Content-Type is ${lwl.contentType}`);
        if (c.sdk) check(sw.at(-1)?.contentType === 'application/json', `${what}: the SDK's Content-Type is ${sw.at(-1)?.contentType}`);
      } else {
        check(lwl.json === undefined && lwl.contentType === null, `${what}: a request without a body should carry no body and no Content-Type (got ${lwl.contentType} ${lwl.bodyText})`);
      }
      // 3. Prism: every request of the case (a next-page case sends two).
      for (const [i, e] of lib.entries.entries()) {
        const f = entryFindings(e);
        if (i === lib.entries.length - 1) cr.findings = f;
        const expectStatus = i === lib.entries.length - 1 ? (c.prism?.status ?? success) : success;
        check(e.status === expectStatus, `${what}: Prism answered ${e.status} to request ${i + 1}, expected ${expectStatus} (${f.request.join('; ')})`);
        if (c.prism?.known && i === lib.entries.length - 1) check(f.request.length > 0, `${what}: Prism no longer refuses this request: drop the known refusal`);
        else check(f.request.length === 0, `${what}: Prism objected to request ${i + 1}: ${f.request.join('; ')}`);
      }
      // 4. The response through the library.
      if (c.prism?.known) {
        check(lib.error?.code === 'unprocessable' && lib.error?.status === 422, `${what}: expected the library to report Prism's 422 as 'unprocessable', got ${JSON.stringify(errInfo(lib.error))}`);
        cr.result = lib.error ? `${lib.error.code} (${lib.error.status})` : 'resolved';
        continue;
      }
      if (!check(lib.error === null, `${what}: the library failed on Prism's response: ${JSON.stringify(errInfo(lib.error))}`)) { cr.result = JSON.stringify(errInfo(lib.error)); continue; }
      const problems = resultProblems(op.result, lib.value, last);
      check(problems.length === 0, `${what}: ${problems.join('; ')}`);
      cr.result = problems.length ? problems.join('; ') : op.result === 'none' ? 'resolved undefined (204, no body)' : op.result === 'page' ? `page equal to the body, hasNextPage() ${lib.value.hasNextPage()}, requestId ${lib.value.requestId ?? 'undefined'}` : 'resolved to the body\'s data';
      if (last.responseText) {
        cr.spec = opValidators(key, JSON.parse(last.responseText));
        check(cr.spec.intent.valid, `${what}: Prism's static body is not valid by the spec (intent): ${cr.spec.intent.errors?.join('; ')}`);
      }
    }

    // Negative controls: mutated wire forms. The comparison must report them; Prism must refuse
    // those that break the spec (and accept those that do not: only the comparison sees them).
    for (const m of op.mutants) {
      const base = libWires[m.base ?? 0];
      const what = `${op.name} / mutant '${m.name}'`;
      if (!check(base, `${what}: no library request to mutate`)) continue;
      const mw = m.apply(base);
      const mr = { name: m.name, wire: `${W.describeWire(mw)}${m.auth === null ? ' (no Authorization)' : ''}`, expect: m.prism, caught: null, status: null, finding: null };
      row.mutants.push(mr);
      if (m.compare !== false) {
        const d = W.wireDiff(base, mw, ['library', 'mutant']);
        mr.caught = d;
        check(d.length > 0, `${what}: the comparison did not see the mutation`);
      }
      const r = await sendWire(prism.url, mw, m.auth === null ? null : 'Bearer x');
      mr.status = r.status;
      mr.finding = r.findings.request.join('; ') || null;
      if (m.prism === null) {
        check(r.status === success && r.findings.request.length === 0, `${what}: a valid form, but Prism answered ${r.status} (${mr.finding})`);
      } else {
        check(r.status === m.prism, `${what}: expected Prism to answer ${m.prism}, got ${r.status} (${mr.finding})`);
        if (m.prism === 422) check(r.findings.request.length > 0, `${what}: a 422 without a reason from Prism`);
        let threw = false;
        try { assertOpAccepted(r, success, what); } catch (e) { threw = e instanceof assert.AssertionError; }
        check(threw, `${what}: the acceptance check let it through`);
      }
    }

    // Inputs the library must refuse before sending anything.
    for (const f of op.refusals) {
      const what = `${op.name} / refusal '${f.name}'`;
      const got = await capture(recorderOps, () => f.lib(PKG, libOptions()));
      const e = got.error;
      row.refusals.push({ name: f.name, input: f.input, expect: `${f.code} at ${f.path}`, got: e ? `${e.code ?? e.name} at ${e.path ?? '-'}: ${e.message}` : 'resolved', sent: got.entries.length });
      check(e instanceof PortoutsError, `${what}: not a PortoutsError: ${e ? e.stack : 'resolved'}`);
      check(e?.code === f.code, `${what}: code ${e?.code}, expected ${f.code}`);
      check(e?.path === f.path, `${what}: path ${e?.path}, expected ${f.path}`);
      check(got.entries.length === 0, `${what}: ${got.entries.length} request(s) sent: ${got.entries.map((x) => x.url).join(', ')}`);
    }

    // Known differences from the SDK, by design: recorded; the library's form must be accepted.
    for (const k of op.known ?? []) {
      const what = `${op.name} / known difference '${k.name}'`;
      const lib = await capture(recorderOps, () => k.lib(PKG, libOptions()));
      const ref = await capture(recorderOps, () => k.sdk(sdk()));
      const lw = lib.entries.map(W.wireOf).at(-1);
      const sw = ref.entries.map(W.wireOf).at(-1);
      const kr = { name: k.name, input: k.input, expect: k.expect, lib: lw ? W.describeWire(lw) : '(nothing sent)', sdk: sw ? W.describeWire(sw) : '(nothing sent)', prismLib: lib.entries.at(-1)?.status ?? null, prismSdk: ref.entries.at(-1)?.status ?? null, diff: lw && sw ? W.wireDiff(sw, lw) : [] };
      row.known.push(kr);
      if (!check(lw && sw, `${what}: a request is missing`)) continue;
      check(kr.diff.length > 0, `${what}: no difference any more: drop it from the known differences`);
      if (k.pairs) check(JSON.stringify(W.multiset(lw.pairs)) === JSON.stringify(W.multiset(k.pairs)), `${what}: the library sent ${lw.search}`);
      if (k.body) check(W.canonical(lw.json) === W.canonical(k.body), `${what}: the library sent ${lw.bodyText}`);
      const fl = entryFindings(lib.entries.at(-1));
      check(kr.prismLib === success && fl.request.length === 0, `${what}: Prism refused the library's form: ${kr.prismLib} ${fl.request.join('; ')}`);
    }

    // Generated responses (prism mock -d), one seed each, through the library.
    const c0 = op.cases.find((c) => !c.prism?.known);
    const D = { total: 0, accepted: 0, equal: 0, specIntentValid: 0, specLetterValid: 0, kinds: {}, unexplained: [] };
    row.dynamic = D;
    for (let i = 0; i < N_DYNAMIC_OP; i++) {
      const seed = `${op.name}-${i}`;
      const got = await capture(recorderDyn, () => c0.lib(PKG, { baseUrl: recorderDyn.url, apiKey: 'x', maxRetries: 0, headers: { Prefer: `seed=${seed}` } }));
      const e = got.entries.at(-1);
      D.total++;
      if (!check(e && e.status === success, `${op.name} ${seed}: Prism -d answered ${e?.status}`)) continue;
      const body = e.responseText ? JSON.parse(e.responseText) : undefined;
      const spec = body === undefined ? { letter: { valid: true }, intent: { valid: true } } : opValidators(key, body);
      if (spec.intent.valid) D.specIntentValid++;
      if (spec.letter.valid) D.specLetterValid++;
      if (got.error === null) {
        D.accepted++;
        const problems = resultProblems(op.result, got.value, e);
        if (problems.length === 0) D.equal++;
        check(problems.length === 0, `${op.name} ${seed}: ${problems.join('; ')}`);
        // Accepting what the spec (intent) refuses is a disagreement unless it is a known leniency.
        if (!spec.intent.valid) {
          const lenient = LENIENT_KINDS.find((k) => k.match(spec.intent.errors));
          if (lenient) D.kinds[lenient.id] = (D.kinds[lenient.id] ?? 0) + 1;
          check(lenient, `${op.name} ${seed}: the library accepts, the spec (intent) refuses: ${spec.intent.errors.join('; ')}`);
        }
      } else {
        const ei = errInfo(got.error);
        const kind = classify(ei);
        D.kinds[kind ?? `UNKNOWN ${ei.code} ${ei.path}`] = (D.kinds[kind ?? `UNKNOWN ${ei.code} ${ei.path}`] ?? 0) + 1;
        if (!kind) D.unexplained.push(`${seed}: ${JSON.stringify(ei)}`);
        check(kind, `${op.name} ${seed}: the library refused a generated body for an unknown reason: ${JSON.stringify(ei)}`);
        // A known kind explains the refusal whether or not the letter of the spec allows the body.
      }
    }

    assert.deepEqual(row.failures, [], `${row.failures.length} of ${row.checks} checks failed:\n${row.failures.join('\n')}`);
  });
}

/** Bodies the library accepts though the spec's intent refuses them, and why that is harmless. */
const LENIENT_KINDS = [
  {
    id: 'event payload of another event type (a uuid field not a uuid)',
    match: (errors) => errors.every((e) => /must match format "uuid"$|must match "then" schema$/.test(e)),
    verdict: 'library lenient by design (formats are not checked, as for PortoutDetails); harmless',
    why: "Prism -d builds an event from one branch of PortoutEvent's oneOf but may give it any event_type of the enum (every branch's event_type lists all three), e.g. event_type portout.status_changed with a foc_date_changed payload whose user_id is free text. By the discriminator the payload must then follow WebhookPortoutStatusChanged, where user_id is format: uuid. The library does not check formats in responses.",
  },
];

for (const op of O.OPERATIONS) {
  for (const d of op.deviations ?? []) {
    test(`deviation: ${op.name} ${d.name}: refused locally or sent in a form the spec allows`, { todo: 'reported, not hidden: the library sends a request the spec refuses (see RESULTS.md)' }, async () => {
      const lib = await capture(recorderOps, () => d.lib(PKG, libOptions()));
      const ref = d.sdk ? await capture(recorderOps, () => d.sdk(sdk())) : null;
      const e = lib.entries.at(-1);
      const se = ref?.entries.at(-1);
      const f = e ? entryFindings(e) : null;
      R.opDeviations.push({
        op: op.name, name: d.name, input: d.input,
        lib: e ? W.describeWire(W.wireOf(e)) : '(nothing sent)', prismLib: e?.status ?? null, finding: f?.request.join('; ') ?? null,
        library: lib.error ? `${lib.error.code} (${lib.error.status ?? '-'})` : 'resolved',
        sdk: d.sdk ? (se ? W.describeWire(W.wireOf(se)) : '(nothing sent)') : null, prismSdk: se?.status ?? null,
      });
      const { status: success } = successOf(op.specPath, op.method.toLowerCase());
      if (!e) assert.equal(lib.error?.code, 'invalid_params', `nothing was sent, but the error is ${JSON.stringify(errInfo(lib.error))}`);
      else assertOpAccepted({ status: e.status, findings: f }, success, d.name);
    });
  }
}
