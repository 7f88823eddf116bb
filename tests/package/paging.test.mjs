// Paging through the built package: page methods, async iterators (lazy, `break` stops
// requesting), list-all against a local server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { listPortouts, listAllPortouts, iterPortouts, iterPortoutPages, PortoutsError } from 'telnyx-portouts';
import { startMockServer } from '../mock/server.mjs';

let mock;
before(async () => { mock = await startMockServer({ port: 0 }); });
after(() => mock.close());

const base = (directives) => `${mock.url}/__mock/${directives}/v2`;
const stats = async (tag) => (await fetch(`${mock.url}/__stats?tag=${tag}`)).json();

test('nextPage continues with the same query; the last page has none', async () => {
  const opts = { baseUrl: base('tag=np,count=45') };
  const p1 = await listPortouts({ filter: { status_in: ['pending', 'ported', 'rejected', 'authorized', 'canceled', 'rejected-pending'] }, page: { size: 20 } }, opts);
  assert.equal(p1.hasNextPage(), true);
  const p2 = await p1.nextPage();
  assert.equal(p2.meta.page_number, 2);
  const p3 = await p2.nextPage();
  assert.equal(p3.data.length, 5);
  assert.equal(p3.hasNextPage(), false);
  await assert.rejects(p3.nextPage(), (e) => e instanceof PortoutsError && e.code === 'no_next_page');
  assert.deepEqual(Object.keys(p1).sort(), ['data', 'meta', 'requestId']);
  assert.deepEqual([...p1.data, ...p2.data, ...p3.data].map((p) => p.id), mock.dataset.slice(0, 45).map((p) => p.id));
});

test('iterPortouts yields every record in order', async () => {
  const seen = [];
  for await (const p of iterPortouts({ page: { size: 10 } }, { baseUrl: base('tag=it,count=35') })) seen.push(p.id);
  assert.deepEqual(seen, mock.dataset.slice(0, 35).map((p) => p.id));
});

test('break out of for-await stops requesting (at most one page ahead)', async () => {
  let pages = 0;
  for await (const page of iterPortoutPages({ page: { size: 10 } }, { baseUrl: base('tag=brk,count=200,latency=30') })) {
    pages += 1;
    assert.equal(page.data.length, 10);
    if (pages === 2) break;
  }
  await new Promise((r) => setTimeout(r, 150));
  const s = await stats('brk');
  assert.ok(s.requests <= 3, `requests: ${s.requests}`);
  assert.equal(s.inFlight, 0);
});

test('an invalid signal is reported by the iterator as invalid_options', async () => {
  await assert.rejects(async () => { for await (const _ of iterPortouts(undefined, { signal: 'x' })) { /* none */ } },
    (e) => e instanceof PortoutsError && e.code === 'invalid_options' && e.path === 'signal');
});

test('listAllPortouts returns every record once, with progress', async () => {
  const progress = [];
  const all = await listAllPortouts({ page: { size: 50 } }, { baseUrl: base('tag=la,count=420'), concurrency: 4, onProgress: (p) => progress.push(p) });
  assert.deepEqual(all.map((p) => p.id), mock.dataset.slice(0, 420).map((p) => p.id));
  assert.equal(progress.length, 9);
  assert.deepEqual(progress.at(-1), { pagesDone: 9, totalPages: 9, itemsDone: 420, totalResults: 420 });
  assert.ok((await stats('la')).maxInFlight <= 4);
});
