// The built npm package (pkg/), imported in Node 20 exactly as a user does:
// `import ... from 'telnyx-portouts'` (node_modules/telnyx-portouts links to pkg/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import init, {
  listPortouts, getPortout, buildPortoutsQuery, parsePortoutsQuery, parsePortoutsResponse, PortoutsError,
} from 'telnyx-portouts';
import { startMockServer } from '../mock/server.mjs';

const spec = JSON.parse(readFileSync(new URL('../../spec/telnyx-portouts.openapi.json', import.meta.url)));
const details = spec.components.schemas.PortoutDetails.properties;
let mock;
let baseUrl;

before(async () => {
  mock = await startMockServer({ port: 0 });
  baseUrl = `${mock.url}/v2`;
});
after(() => mock.close());

test('init is harmless in Node and the sync functions work at once', async () => {
  assert.equal(await init(), undefined);
  assert.equal(buildPortoutsQuery({ filter: { status: 'pending' } }), 'filter%5Bstatus%5D=pending');
});

test('listPortouts lists a page from a local server', async () => {
  const page = await listPortouts({ filter: { status_in: ['ported'] }, page: { size: 5 } }, { baseUrl });
  assert.equal(page.data.length, 5);
  assert.ok(page.data.every((p) => p.status === 'ported'));
  const expected = mock.dataset.filter((p) => p.status === 'ported');
  assert.equal(page.meta.total_results, expected.length);
  assert.deepEqual(page.data.map((p) => p.id), expected.slice(0, 5).map((p) => p.id));
  assert.match(page.requestId, /^req-/);
});

test('getPortout fetches one record', async () => {
  const want = mock.dataset[3];
  assert.deepEqual(await getPortout(want.id, { baseUrl }), want);
});

test('errors are PortoutsError instances with code and path', async () => {
  await assert.rejects(listPortouts({ filter: { statusIn: ['pending'] } }, { baseUrl }), (e) => {
    assert.ok(e instanceof PortoutsError);
    assert.ok(e instanceof Error);
    assert.equal(e.name, 'PortoutsError');
    assert.equal(e.code, 'invalid_filter');
    assert.equal(e.path, 'filter.statusIn');
    assert.match(e.message, /did you mean 'status_in'/);
    assert.equal(e.retryable, false);
    assert.match(String(e), /^PortoutsError: /);
    return true;
  });
  assert.throws(() => buildPortoutsQuery({ page: { size: 0 } }), (e) => e instanceof PortoutsError && e.path === 'page.size');
});

test('the query round-trips through parsePortoutsQuery in all array formats', () => {
  const q = { filter: { status_in: ['pending', 'ported'], country_code_in: ['US', 'CA'], carrier_name: 'A&B, Inc.' }, page: { number: 3, size: 50 } };
  for (const arrayFormat of ['comma', 'brackets', 'repeat']) {
    const s = buildPortoutsQuery(q, { arrayFormat });
    assert.deepEqual(parsePortoutsQuery(s), q);
    assert.deepEqual(parsePortoutsQuery(`?${s}`), q);
  }
});

test('every example value of the spec parses, and all 27 fields come back as sent', () => {
  const record = Object.fromEntries(Object.entries(details).map(([k, v]) => [k, v.example ?? null]));
  assert.equal(Object.keys(record).length, 27);
  const body = JSON.stringify({ data: [record], meta: { page_number: 3, page_size: 1, total_pages: 13, total_results: 13 } });
  for (const input of [body, new TextEncoder().encode(body)]) {
    const parsed = parsePortoutsResponse(input);
    assert.deepEqual(parsed.data, [record]);
    assert.deepEqual(parsed.meta, { page_number: 3, page_size: 1, total_pages: 13, total_results: 13 });
  }
});

test('the TypeScript Portout type lists exactly the spec fields', () => {
  const dts = readFileSync(new URL('../../pkg/responses.d.ts', import.meta.url), 'utf8');
  const block = dts.slice(dts.indexOf('export interface Portout {'), dts.indexOf('[extra: string]'));
  const fields = [...block.matchAll(/^\s+(\w+)\?:/gm)].map((m) => m[1]).sort();
  assert.deepEqual(fields, Object.keys(details).sort());
});

test('a wrong-typed record is rejected with its path', () => {
  assert.throws(
    () => parsePortoutsResponse('{"data":[{"id":"a"},{"phone_numbers":[1]}],"meta":{"page_number":1,"page_size":2,"total_pages":1,"total_results":2}}'),
    (e) => e instanceof PortoutsError && e.code === 'invalid_response' && e.path === 'data[1].phone_numbers[0]',
  );
});
