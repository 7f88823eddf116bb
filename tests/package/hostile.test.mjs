// Hostile input against the built package (issue 6): every JS value shape as query, options
// and id, every kind of broken response body, injection attempts and key leaks. Each class
// counts its cases; after every case the instance must still answer a valid call. The counts
// are written to test-output/robustness.json (docs/robustness.md reports them).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import {
  listPortouts, getPortout, buildPortoutsQuery, parsePortoutsQuery, parsePortoutsResponse, listAllPortouts, PortoutsError,
  updatePortoutStatus, listPortoutRejectionCodes, listPortoutComments, createPortoutComment,
  listPortoutSupportingDocuments, createPortoutSupportingDocuments, listPortoutEvents, getPortoutEvent,
  republishPortoutEvent, listPortoutReports, createPortoutReport, getPortoutReport, createPortoutsClient,
} from 'telnyx-portouts';
import { startMockServer } from '../mock/server.mjs';

let mock;
let base;
const counts = {};
before(async () => { mock = await startMockServer({ port: 0, count: 60 }); base = `${mock.url}/v2`; });
after(async () => {
  await mock.close();
  mkdirSync(new URL('../../test-output/', import.meta.url), { recursive: true });
  writeFileSync(new URL('../../test-output/robustness.json', import.meta.url), JSON.stringify(counts, null, 2));
});

const SECRET = 'KEYsecret0123456789abcdef';

/** Asserts `fn` fails with a PortoutsError whose code is in `codes`; counts it. */
async function expectCode(klass, codes, fn) {
  counts[klass] ??= { cases: 0, codes: {} };
  counts[klass].cases += 1;
  let err;
  try {
    await fn();
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof PortoutsError, `${klass}: expected a PortoutsError, got ${err === undefined ? 'success' : String(err)}`);
  assert.ok(codes.includes(err.code), `${klass}: code ${err.code} (${err.message}) not in ${codes}`);
  counts[klass].codes[err.code] = (counts[klass].codes[err.code] ?? 0) + 1;
  for (const text of [err.message, String(err), JSON.stringify(err), err.stack ?? '', JSON.stringify(err.errors ?? null)]) {
    assert.ok(!text.includes(SECRET), `${klass}: the key leaked`);
  }
  return err;
}

async function stillWorks() {
  const page = await listPortouts({ page: { size: 2 } }, { baseUrl: base });
  assert.equal(page.data.length, 2);
  assert.equal(buildPortoutsQuery({ filter: { status: 'ported' } }), 'filter%5Bstatus%5D=ported');
}

function hostileValues() {
  const deep = (n, key) => { let o = {}; const top = o; for (let i = 0; i < n; i++) { o[key] = {}; o = o[key]; } return top; };
  const throwingProxy = (trap) => new Proxy({ status: 'pending' }, { [trap]() { throw new Error(`${trap} trap`); } });
  const revoked = (() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; })();
  return {
    number: 42, nan: NaN, infinity: -Infinity, string: 'filter', emptyString: '', bool: true,
    symbol: Symbol('s'), bigint: 10n, fn: () => {}, array: [1, 2], nestedArray: [[[[[]]]]],
    deep1000: deep(1000, 'filter'), deepAnything: deep(1000, 'x'),
    throwingGetter: { get filter() { throw new Error('getter'); } },
    throwingNestedGetter: { filter: { get status() { throw new Error('getter'); } } },
    proxyOwnKeys: throwingProxy('ownKeys'), proxyGet: { filter: throwingProxy('get') },
    proxyGetPrototypeOf: throwingProxy('getPrototypeOf'), proxyGetOwnPropertyDescriptor: throwingProxy('getOwnPropertyDescriptor'),
    revokedProxy: revoked, revokedInside: { filter: revoked },
    protoKey: JSON.parse('{"__proto__":{"status":"pending"}}'), protoInFilter: JSON.parse('{"filter":{"__proto__":{}}}'),
    constructorKey: { constructor: 'x' }, nullProto: Object.assign(Object.create(null), { filter: { pons: 'x' } }),
    hugeString: { filter: { carrier_name: 'x'.repeat(5_000_000) } }, hugeKey: { ['k'.repeat(1_000_000)]: 1 },
    loneSurrogate: { filter: { pon: 'a\uD800' } }, loneSurrogateKey: { ['\uDC00']: 1 },
    invalidDate: { filter: { foc_date: new Date(NaN) } }, map: new Map([['filter', {}]]), set: new Set([1]), regexp: /x/,
    typedArray: new Uint8Array(4), date: new Date(0), error: new Error('x'), promise: Promise.resolve(1),
    manyKeys: Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i])),
    longArray: { filter: { status_in: Array(1_000_000).fill('pending') } },
    sparseArray: { filter: { status_in: [, 'pending'] } }, // eslint-disable-line no-sparse-arrays
    arrayWithGetter: { filter: { status_in: Object.defineProperty(['pending'], 0, { get() { throw new Error('x'); } }) } },
    pageString: { page: { size: '10' } }, pageFloat: { page: { number: 1.5 } }, pageHuge: { page: { number: 2 ** 53 } },
    pageNegative: { page: { size: -1 } }, bothPageForms: { page: { size: 1 }, 'page[size]': 2 },
  };
}

test('any JS value as the query fails cleanly (invalid_filter) and the instance keeps working', async () => {
  for (const [name, v] of Object.entries(hostileValues())) {
    if (name === 'date' || name === 'emptyString') continue; // not queries at all: covered below
    await expectCode('query: hostile JS values', ['invalid_filter'], () => buildPortoutsQuery(v));
    await expectCode('query: hostile JS values', ['invalid_filter'], () => listPortouts(v, { baseUrl: base }));
  }
  await stillWorks();
});

test('any JS value as options fails cleanly (invalid_options) and the instance keeps working', async () => {
  const values = hostileValues();
  for (const [name, v] of Object.entries(values)) {
    if (['nan', 'infinity'].includes(name)) continue;
    try {
      await expectCode('options: hostile JS values', ['invalid_options'], () => listPortouts(undefined, v));
    } catch (e) {
      throw new Error(`options value ${name}: ${e.message}`);
    }
  }
  for (const [key, v] of [
    ['baseUrl', 'javascript:alert(1)'], ['baseUrl', 'data:text/html,x'], ['baseUrl', 'file:///etc/passwd'], ['baseUrl', '//evil.example/v2'],
    ['baseUrl', 'http://a\r\nb/v2'], ['baseUrl', 'https://user:pw@host/v2'], ['baseUrl', 'https://h/v2?x=1'], ['baseUrl', 'ftp://h/v2'],
    ['baseUrl', 'https:\\\\evil'], ['baseUrl', 'ｈｔｔｐｓ://api.telnyx.com/v2'], ['baseUrl', ''], ['baseUrl', 'x'.repeat(5000)],
    ['timeoutMs', 0], ['timeoutMs', 2 ** 31], ['timeoutMs', '1000'], ['maxRetries', 11], ['maxRetries', -1], ['signal', {}],
    ['headers', { 'X-A': 'a\r\nInjected: 1' }], ['headers', { 'Bad Name': 'x' }], ['headers', { Authorization: 'Bearer x' }], ['headers', 'x'],
    ['apiKey', ''], ['apiKey', 'has space'], ['apiKey', 'ünicode'], ['arrayFormat', 'indices'], ['baseURL', 'x'], ['apikey', 'x'],
  ]) {
    await expectCode('options: bad values', ['invalid_options'], () => listPortouts(undefined, { [key]: v }));
  }
  await expectCode('options: bad values', ['insecure_transport'], () => listPortouts(undefined, { baseUrl: 'http://api.telnyx.com/v2', apiKey: SECRET }));
  await stillWorks();
});

test('getPortout ids cannot traverse paths or inject', async () => {
  for (const id of ['', '../x', '..', '.', 'a/b', '%2F', 'a%2e%2e', 'a?b', 'a#b', 'a\nb', 'a\0b', 'x'.repeat(65), 'a\\b', '\uD800', 'ü ＃ 1']) {
    await expectCode('getPortout: hostile ids', ['invalid_params'], () => getPortout(id, { baseUrl: base }));
  }
  for (const id of [1, null, undefined, {}, [], Symbol('x'), 1n]) {
    await expectCode('getPortout: hostile ids', ['invalid_params'], () => getPortout(id, { baseUrl: base }));
  }
  // A UUID in upper case is a UUID.
  await expectCode('getPortout: hostile ids', ['not_found'], () => getPortout('00000000-0000-4000-8000-00000000000A', { baseUrl: base }));
  await stillWorks();
});

test('the other operations refuse hostile ids, statuses and bodies before any request, without leaking the key', async () => {
  const UUID = mock.dataset[0].id;
  const opts = { baseUrl: base, apiKey: SECRET };
  const before = mock.log.length;
  const ids = ['', '../x', 'a/b', '%2F', `${UUID}/..`, `${UUID}?x=1`, 'x'.repeat(10000), '\uD800', 1, null, {}, Symbol('x'), 1n,
    { get id() { throw new Error('getter'); } }, new Proxy({}, { ownKeys() { throw new Error(SECRET); } })];
  const byId = {
    getPortout: (id) => getPortout(id, opts),
    updatePortoutStatus: (id) => updatePortoutStatus(id, 'authorized', {}, opts),
    listPortoutRejectionCodes: (id) => listPortoutRejectionCodes(id, undefined, opts),
    listPortoutComments: (id) => listPortoutComments(id, opts),
    createPortoutComment: (id) => createPortoutComment(id, { body: 'x' }, opts),
    listPortoutSupportingDocuments: (id) => listPortoutSupportingDocuments(id, opts),
    createPortoutSupportingDocuments: (id) => createPortoutSupportingDocuments(id, { documents: [{ type: 'loa', document_id: UUID }] }, opts),
    getPortoutEvent: (id) => getPortoutEvent(id, opts),
    republishPortoutEvent: (id) => republishPortoutEvent(id, opts),
    getPortoutReport: (id) => getPortoutReport(id, opts),
  };
  for (const [name, call] of Object.entries(byId)) {
    for (const id of ids) await expectCode(`${name}: hostile ids`, ['invalid_params'], () => call(id));
  }
  const values = Object.values(hostileValues());
  for (const v of [...values, 'rejected', 'Authorized', 'ported', '', SECRET]) {
    await expectCode('updatePortoutStatus: hostile statuses', ['invalid_params'], () => updatePortoutStatus(UUID, v, { reason: 'x' }, opts));
  }
  for (const v of [...values, { reason: '' }, { reason: ' \n ' }, { reason: 'a\0b' }, { reason: 'x'.repeat(5001) }, { reason: 1 }, { reasons: 'x' }, { reason: SECRET, host_messaging: 'yes' }]) {
    await expectCode('updatePortoutStatus: hostile params', ['invalid_params'], () => updatePortoutStatus(UUID, 'rejected-pending', v, opts));
  }
  for (const v of [...values, undefined, {}, { body: '' }, { body: '   ' }, { body: null }, { body: 5 }, { text: 'x' }, { body: '\uD800' }, { body: 'x'.repeat(5001) }, { body: 'x'.repeat(9000) }]) {
    await expectCode('createPortoutComment: hostile bodies', ['invalid_params'], () => createPortoutComment(UUID, v, opts));
  }
  const docs = (d) => ({ documents: d });
  for (const v of [...values, undefined, {}, docs([]), docs(Array(11).fill({ type: 'loa', document_id: UUID })), docs([{ type: 'pdf', document_id: UUID }]),
    docs([{ type: 'loa', document_id: 'x' }]), docs([{ type: 'loa' }]), docs([null]), docs([{ type: 'loa', document_id: UUID, extra: 1 }]), docs('loa'),
    docs(new Proxy([], { get() { throw new Error(SECRET); } }))]) {
    await expectCode('createPortoutSupportingDocuments: hostile bodies', ['invalid_params'], () => createPortoutSupportingDocuments(UUID, v, opts));
  }
  const report = (filters) => ({ report_type: 'export_portouts_csv', params: { filters } });
  for (const v of [...values, undefined, {}, { report_type: 'csv', params: { filters: {} } }, { report_type: 'export_portouts_csv' }, report('x'),
    report({ status__in: ['done'] }), report({ status__in: [] }), report({ created_at__gt: 'yesterday' }), report({ phone_numbers__overlaps: ['555'] }),
    report({ status: 'pending' }), report({ end_user_name: '' }), report({ customer_reference__in: [1] })]) {
    await expectCode('createPortoutReport: hostile bodies', ['invalid_params'], () => createPortoutReport(v, opts));
  }
  for (const q of [...values.filter((v) => v != null && typeof v !== 'object'), { filter: { code: 'abc' } }, { filter: { code: [1.5] } }, { filter: { code: -1 } }, { filter: { codes: 1 } }, { code: 1 }]) {
    await expectCode('listPortoutRejectionCodes: hostile queries', ['invalid_filter'], () => listPortoutRejectionCodes(UUID, q, opts));
  }
  for (const q of [{ filter: { event_type: 'status_changed' } }, { filter: { portout_id: '1' } }, { filter: { created_at: { gt: '2024-01-01' } } },
    { filter: { created_at: { gte: '2024-02-01', lte: '2024-01-01' } } }, { event_type: 'x' }, { page: { size: 0 } }, { filter: 'x' }]) {
    await expectCode('listPortoutEvents: hostile queries', ['invalid_filter'], () => listPortoutEvents(q, opts));
  }
  for (const q of [{ filter: { status: 'done' } }, { filter: { report_type: 'pdf' } }, { filter: { status: ['pending'] } }, { status: 'pending' }]) {
    await expectCode('listPortoutReports: hostile queries', ['invalid_filter'], () => listPortoutReports(q, opts));
  }
  // The client object passes hostile bound options on to the core.
  const client = createPortoutsClient({ baseUrl: base, get apiKey() { throw new Error(SECRET); } });
  await expectCode('createPortoutsClient: hostile options', ['invalid_options'], () => client.listPortoutComments(UUID));
  assert.equal(mock.log.length, before, 'no request was sent');
  await stillWorks();
});

test('values are never able to inject or smuggle parameters', async () => {
  const values = ['a&page[size]=1', 'a=b', 'x#frag', '100%', '%26', '%2F', '[]', 'a]b[c', '＆ｐａｇｅ＝１', 'a+b', 'a,b', ' lead', 'trail ', 'é中😀'];
  for (const v of values) {
    counts['query: injection attempts'] ??= { cases: 0, codes: {} };
    counts['query: injection attempts'].cases += 1;
    const tag = `inj${Math.random().toString(36).slice(2)}`;
    await listPortouts({ filter: { carrier_name: v, pon: v } }, { baseUrl: `${mock.url}/__mock/tag=${tag}/v2` });
    const entry = mock.log.find((e) => (e.directives ?? {}).tag === tag || JSON.stringify(e.directives ?? '').includes(tag));
    assert.ok(entry, 'request logged');
    assert.deepEqual(entry.params.filter(([k]) => k.startsWith('filter')), [['filter[carrier_name]', v], ['filter[pon]', v]]);
    assert.ok(entry.params.every(([k]) => k.startsWith('filter[')), `no smuggled parameter for ${v}`);
    assert.deepEqual(parsePortoutsQuery(buildPortoutsQuery({ filter: { carrier_name: v } })), { filter: { carrier_name: v } });
  }
  for (const v of ['a\nb', 'a\0b', 'a\r\nX-Injected: 1', '\t']) {
    await expectCode('query: injection attempts', ['invalid_filter'], () => listPortouts({ filter: { carrier_name: v } }, { baseUrl: base }));
  }
});

test('every broken response body fails cleanly (invalid_response)', async () => {
  const valid = JSON.stringify({ data: [{ id: 'a', phone_numbers: ['+13035551212'], rejection_code: 1002 }], meta: { page_number: 1, page_size: 1, total_pages: 1, total_results: 1 } });
  const bodies = [
    '', ' ', 'null', '[]', '"x"', '{}', '{"data":[]}', '{"meta":{}}', '<html>502</html>', 'not json', '{"data":[],"meta":{"page_number":1e400,"page_size":1,"total_pages":1,"total_results":1}}',
    '{"data":[],"meta":{"page_number":-1,"page_size":1,"total_pages":1,"total_results":1}}', '{"data":[{"rejection_code":1e400}],"meta":{"page_number":1,"page_size":1,"total_pages":1,"total_results":1}}',
    '{"data":[{"id":1}],"data":[],"meta":{"page_number":1,"page_size":1,"total_pages":1,"total_results":1}}',
    `${'['.repeat(100_000)}`, `{"data":[${'['.repeat(50_000)}`, `{"data":[{"x":${'{"a":'.repeat(200)}1${'}'.repeat(200)}}],"meta":{}}`,
    '{"data":[{"id":"\\ud800"}]', `\uFEFF\uFEFF${valid}`, `${valid}garbage`, `${valid.slice(0, -1)},}`,
  ];
  for (let cut = 0; cut < valid.length; cut++) bodies.push(valid.slice(0, cut)); // truncated at every byte
  for (const body of bodies) {
    await expectCode('response: broken bodies', ['invalid_response'], () => parsePortoutsResponse(body));
  }
  let seed = 1;
  const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  for (let i = 0; i < 2000; i++) {
    const bytes = new TextEncoder().encode(valid);
    for (let k = 0; k < 1 + (i % 4); k++) bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256);
    counts['response: random byte mutations'] ??= { cases: 0, codes: {}, accepted: 0 };
    counts['response: random byte mutations'].cases += 1;
    try {
      parsePortoutsResponse(bytes); // a mutation can still be valid JSON of the right shape
      counts['response: random byte mutations'].accepted += 1;
    } catch (e) {
      assert.ok(e instanceof PortoutsError && e.code === 'invalid_response', String(e));
      counts['response: random byte mutations'].codes[e.code] = (counts['response: random byte mutations'].codes[e.code] ?? 0) + 1;
    }
  }
  const invalidUtf8 = new Uint8Array([...new TextEncoder().encode('{"data":[{"id":"'), 0xff, 0xfe, ...new TextEncoder().encode('"}],"meta":{"page_number":1,"page_size":1,"total_pages":1,"total_results":1}}')]);
  await expectCode('response: broken bodies', ['invalid_response'], () => parsePortoutsResponse(invalidUtf8));
  for (const v of [undefined, null, 1, {}, [], new ArrayBuffer(2)]) {
    await expectCode('response: broken bodies', ['invalid_response'], () => parsePortoutsResponse(v));
  }
  // 50 MB: a huge valid-looking body is validated without trouble.
  const big = `{"data":[${Array(62_000).fill('{"id":"x","city":"' + 'y'.repeat(800) + '"}').join(',')}],"meta":{"page_number":1,"page_size":1,"total_pages":1,"total_results":1}}`;
  assert.ok(big.length > 50e6);
  counts['response: 50 MB body'] = { cases: 1, codes: {} };
  assert.equal(parsePortoutsResponse(big).data.length, 62_000);
  await expectCode('response: 50 MB body', ['invalid_response'], () => parsePortoutsResponse(big.slice(0, -3)));
  await stillWorks();
});

test('faults of a hostile server never leak the key and never loop', async () => {
  const opts = (d, extra = {}) => ({ baseUrl: `${mock.url}/__mock/tag=f${Math.random().toString(36).slice(2)},${d}/v2`, apiKey: SECRET, maxRetries: 1, timeoutMs: 2000, ...extra });
  const cases = [
    ['body=echo_auth', ['authentication']], ['status=500', ['server_error']], ['status=503,retry_after=0', ['server_error']],
    ['status=429,retry_after=0', ['rate_limited']], ['body=html', ['server_error']], ['body=truncated', ['invalid_response']],
    ['body=notjson', ['invalid_response']], ['body=empty', ['invalid_response']], ['body=wrong_type', ['invalid_response']],
    ['body=drop', ['network']], ['status=401', ['authentication']], ['status=404', ['not_found']], ['status=422', ['unprocessable']],
    ['status=418', ['http_error']], ['hang=1', ['timeout']],
  ];
  for (const [d, codes] of cases) {
    await expectCode('server faults (key set)', codes, () => listPortouts(undefined, opts(d, d === 'hang=1' ? { timeoutMs: 200 } : {})));
    await expectCode('server faults (key set)', codes, () => listAllPortouts(undefined, opts(d, d === 'hang=1' ? { timeoutMs: 200 } : {})));
  }
  // A server that ignores page[number] makes list-all stop instead of paging forever.
  await expectCode('server faults (key set)', ['invalid_response'], () => listAllPortouts({ page: { size: 10 } }, { baseUrl: `${mock.url}/__mock/grow=1000/v2`, concurrency: 1 }));
  await stillWorks();
});
