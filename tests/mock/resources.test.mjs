// Tests for the port-out sub-resources of the mock (resources.mjs): status
// updates, comments, supporting documents, rejection codes, events, reports.
// Run: node --test tests/mock/
//
// Every success body is checked against the response schema the spec
// documents for that operation and status (spec-check.mjs, strict: no
// undeclared properties except PortoutDetails' documented ported_out_at).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { startMockServer } from './server.mjs';
import { generateDataset } from './data.mjs';
import { validate, responseSchema, requestSchema, schema } from './spec-check.mjs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const NO_SUCH = '00000000-0000-4000-8000-000000000000';
const JSON_HEADERS = { 'content-type': 'application/json' };

let srv;
before(async () => {
  srv = await startMockServer({ seed: 42, count: 1000, reportDelayMs: 150 });
});
after(() => srv.close());

async function req(method, path, { body, headers, base = srv.url } = {}) {
  const init = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    if (typeof body !== 'string' && !Object.keys(init.headers).some((h) => h.toLowerCase() === 'content-type')) {
      init.headers['content-type'] = 'application/json';
    }
  }
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
const get = (path, opts) => req('GET', path, opts);
const post = (path, body, opts) => req('POST', path, { ...opts, body });
const patch = (path, body, opts) => req('PATCH', path, { ...opts, body });

/** Asserts the status and that the body is what the spec documents for it. */
function conforms(r, status, method, template) {
  assert.equal(r.status, status, r.text);
  const s = responseSchema(method, template, status);
  if (s === undefined) {
    assert.equal(r.text, '');
    return;
  }
  assert.equal(r.headers.get('content-type'), 'application/json');
  assert.deepEqual(validate(s, r.json, { strict: true, allowExtra: ['ported_out_at'] }), [], `${method} ${template}`);
}

/** Asserts a Telnyx-style errors body; `where` is { pointer } or { parameter } of the first error. */
function isError(r, status, where) {
  assert.equal(r.status, status, r.text);
  assert.ok(Array.isArray(r.json?.errors) && r.json.errors.length > 0, r.text);
  for (const e of r.json.errors) {
    assert.equal(typeof e.code, 'string');
    assert.equal(typeof e.title, 'string');
    assert.equal(typeof e.detail, 'string');
  }
  if (where) assert.deepEqual(r.json.errors[0].source, where, r.text);
  return r.json.errors;
}

// Records are handed out once, so tests that change state never share one.
const used = new Set();
function take(pred) {
  const r = srv.dataset.find((x) => !used.has(x.id) && pred(x));
  assert.ok(r, 'no unused record matches');
  used.add(r.id);
  return r;
}
const eventsOf = (id) => srv.resources.events.filter((e) => e.portout_id === id);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------
// The checker itself

test('spec checker rejects wrong types, enums, missing required, undeclared props, bad discriminator', () => {
  const good = { id: 'a', body: 'b', user_id: 'u', created_at: 'c' };
  assert.deepEqual(validate(schema('PortoutComment'), good, { strict: true }), []);
  assert.equal(validate(schema('PortoutComment'), { ...good, id: undefined }).length, 1);
  assert.equal(validate(schema('PortoutComment'), { ...good, body: 42 }).length, 1);
  assert.equal(validate(schema('PortoutComment'), { ...good, extra: 1 }, { strict: true }).length, 1);
  assert.equal(validate(schema('PortoutComment'), { ...good, portout_id: null }).length, 0);
  assert.equal(validate(schema('PortoutReport'), { status: 'done' }).length, 1);
  assert.equal(validate(schema('PortoutReport'), { id: 'not-a-uuid' }).length, 1);
  assert.equal(validate(schema('PaginationMeta'), { page_number: 1.5 }).length, 1);
  assert.equal(validate(schema('Metadata'), { page_number: 1.5 }).length, 1);
  assert.equal(validate(schema('PortoutEvent'), { event_type: 'portout.other' }).length, 1);
  assert.equal(validate(schema('PortoutEvent'), { event_type: 'portout.new_comment', payload: { id: 'x' } }).length, 1);
  assert.equal(validate(responseSchema('GET', '/portouts/{id}/supporting_documents', 201), { data: [{}] }).length, 7);
});

// ---------------------------------------------------------------------------
// Seeded data

test('seeded extras: UUIDs, references, variety; records unchanged by seeding', () => {
  assert.equal(JSON.stringify(srv.dataset), JSON.stringify(generateDataset({ seed: 42, count: 1000 })));
  const ids = new Set(srv.dataset.map((r) => r.id));
  for (const r of srv.dataset) {
    assert.match(r.id, UUID);
    assert.match(r.user_id, UUID);
  }
  const comments = [...srv.resources.comments.values()].flat();
  const docs = [...srv.resources.documents.values()].flat();
  const { events, reports } = srv.resources;
  assert.ok(comments.length > 100 && docs.length > 100 && events.length > 1000, `${comments.length} ${docs.length} ${events.length}`);
  for (const [pid, list] of srv.resources.comments) {
    assert.ok(ids.has(pid) && list.length >= 1 && list.length <= 3);
  }
  const counts = new Set(srv.dataset.map((r) => srv.resources.comments.get(r.id)?.length ?? 0));
  assert.deepEqual([...counts].sort(), [0, 1, 2, 3]);
  for (const c of comments) {
    assert.match(c.id, UUID);
    assert.deepEqual(validate(schema('PortoutComment'), c, { strict: true }), []);
  }
  for (const d of docs) assert.deepEqual(validate(schema('PortOutSupportingDocument'), d, { strict: true }), []);
  for (const e of events) {
    assert.ok(ids.has(e.portout_id));
    assert.deepEqual(validate(schema('PortoutEvent'), e, { strict: true }), [], JSON.stringify(e));
  }
  for (const t of ['portout.status_changed', 'portout.new_comment', 'portout.foc_date_changed']) {
    assert.ok(events.some((e) => e.event_type === t), t);
  }
  assert.equal(events.filter((e) => e.event_type === 'portout.new_comment').length, comments.length);
  assert.ok(events.some((e) => 'attempted_pin' in e.payload) && events.some((e) => e.payload.rejection_reason));
  assert.equal(new Set(events.map((e) => e.id)).size, events.length);
  for (let i = 1; i < events.length; i++) assert.ok(events[i - 1].created_at >= events[i].created_at);
  assert.ok(reports.length >= 3);
  for (const r of reports) assert.deepEqual(validate(schema('PortoutReport'), r, { strict: true }), []);
});

test('seeded extras are deterministic per seed', async () => {
  const a = await startMockServer({ seed: 7, count: 200 });
  const b = await startMockServer({ seed: 7, count: 200 });
  const c = await startMockServer({ seed: 8, count: 200 });
  try {
    for (const p of ['/v2/portouts/events?page[size]=250', '/v2/portouts/reports', `/v2/portouts/${a.dataset[3].id}/comments`]) {
      const ra = await get(p, { base: a.url });
      assert.equal(ra.status, 200);
      assert.equal(ra.text, (await get(p, { base: b.url })).text, p);
    }
    assert.notEqual((await get('/v2/portouts/events', { base: a.url })).text, (await get('/v2/portouts/events', { base: c.url })).text);
  } finally {
    await Promise.all([a.close(), b.close(), c.close()]);
  }
});

// ---------------------------------------------------------------------------
// PATCH /v2/portouts/{id}/{status}

test('PATCH authorized: 200 PortoutDetails, record updated everywhere, event appended', async () => {
  const rec = take((r) => r.status === 'pending');
  const before = eventsOf(rec.id).length;
  const t0 = Date.now();
  const body = { reason: 'Customer confirmed', host_messaging: !rec.host_messaging };
  assert.deepEqual(validate(requestSchema('PATCH', '/portouts/{id}/{status}'), body), []);
  const r = await patch(`/v2/portouts/${rec.id}/authorized`, body);
  conforms(r, 200, 'PATCH', '/portouts/{id}/{status}');
  assert.equal(r.json.data.id, rec.id);
  assert.equal(r.json.data.status, 'authorized');
  assert.equal(r.json.data.reason, 'Customer confirmed');
  assert.equal(r.json.data.host_messaging, body.host_messaging);
  assert.ok(Date.parse(r.json.data.updated_at) >= t0 - 5 && Date.parse(r.json.data.updated_at) <= Date.now());
  assert.deepEqual(Object.keys(r.json.data), Object.keys(srv.dataset[0])); // key order kept
  // Visible through GET /{id} and the list.
  assert.deepEqual((await get(`/v2/portouts/${rec.id}`)).json.data, r.json.data);
  const listed = await get(`/v2/portouts?filter[support_key]=${rec.support_key}`);
  assert.deepEqual(listed.json.data, [r.json.data]);
  // One new portout.status_changed event.
  const evs = eventsOf(rec.id);
  assert.equal(evs.length, before + 1);
  const ev = (await get(`/v2/portouts/events?filter[portout_id]=${rec.id}&filter[event_type]=portout.status_changed`)).json.data[0];
  assert.equal(ev.payload.status, 'authorized');
  assert.equal(ev.payload.id, rec.id);
  assert.equal(ev.payload.rejection_reason, null);
  assert.deepEqual(ev.payload.phone_numbers, rec.phone_numbers);
  assert.equal(ev.created_at, r.json.data.updated_at);
  assert.deepEqual(validate(schema('PortoutEvent'), ev, { strict: true }), []);
});

test('PATCH rejected-pending needs a non-blank reason; then rejected-pending -> authorized', async () => {
  const rec = take((r) => r.status === 'pending');
  const url = `/v2/portouts/${rec.id}/rejected-pending`;
  for (const body of [{ reason: '' }, { reason: '   ' }, {}, { reason: 5 }]) {
    isError(await patch(url, body), 422, { pointer: '/reason' });
  }
  assert.equal(rec.status, 'pending'); // nothing changed
  const r = await patch(url, { reason: 'I do not recognize this transaction' });
  conforms(r, 200, 'PATCH', '/portouts/{id}/{status}');
  assert.equal(r.json.data.status, 'rejected-pending');
  assert.equal(r.json.data.host_messaging, rec.host_messaging); // not given: unchanged
  const ev = (await get(`/v2/portouts/events?filter[portout_id]=${rec.id}`)).json.data[0];
  assert.equal(ev.payload.status, 'rejected-pending');
  assert.equal(ev.payload.rejection_reason, 'I do not recognize this transaction');
  // rejected-pending -> authorized is allowed (blank reason is fine when authorizing).
  const a = await patch(`/v2/portouts/${rec.id}/authorized`, { reason: '' });
  conforms(a, 200, 'PATCH', '/portouts/{id}/{status}');
  assert.equal(a.json.data.status, 'authorized');
  assert.equal(a.json.data.reason, null);
  assert.equal(a.json.data.rejection_code, 0);
  // authorized -> anything: not allowed.
  const again = isError(await patch(`/v2/portouts/${rec.id}/authorized`, { reason: 'x' }), 422, { parameter: 'status' });
  assert.match(again[0].detail, /cannot change status from authorized/);
});

test('PATCH: 422 for disallowed transitions, unknown statuses, bad fields; 404; 400 for non-JSON', async () => {
  for (const s of ['ported', 'rejected', 'canceled']) {
    const rec = srv.dataset.find((r) => r.status === s);
    const e = isError(await patch(`/v2/portouts/${rec.id}/authorized`, { reason: 'x' }), 422, { parameter: 'status' });
    assert.equal(e[0].detail, `cannot change status from ${s} to authorized`);
  }
  const rec = take((r) => r.status === 'pending');
  for (const s of ['ported', 'canceled', 'Authorized', 'pending']) {
    const e = isError(await patch(`/v2/portouts/${rec.id}/${s}`, { reason: 'x' }), 422, { parameter: 'status' });
    assert.ok(e[0].detail.includes(`'${s}'`), e[0].detail);
  }
  isError(await patch(`/v2/portouts/${rec.id}/authorized`, { reason: 'x', host_messaging: 'yes' }), 422, { pointer: '/host_messaging' });
  isError(await patch(`/v2/portouts/${rec.id}/authorized`, { reason: 'x', hostMessaging: true }), 422, { pointer: '/hostMessaging' });
  isError(await patch(`/v2/portouts/${rec.id}/authorized`, { host_messaging: true }), 422, { pointer: '/reason' });
  isError(await patch(`/v2/portouts/${rec.id}/authorized`, [1]), 422, { pointer: '' });
  isError(await patch(`/v2/portouts/${NO_SUCH}/authorized`, { reason: 'x' }), 404);
  isError(await patch('/v2/portouts/not-a-uuid/authorized', { reason: 'x' }), 404);
  isError(await patch(`/v2/portouts/${rec.id}/authorized`, '{"reason":"x"}', { headers: { 'content-type': 'text/plain' } }), 400, { header: 'Content-Type' });
  isError(await patch(`/v2/portouts/${rec.id}/authorized`, '{"reason":', { headers: JSON_HEADERS }), 400, { pointer: '' });
  isError(await req('PATCH', `/v2/portouts/${rec.id}/authorized`, { headers: JSON_HEADERS }), 400, { pointer: '' });
  // With charset it is still JSON.
  const ok = await patch(`/v2/portouts/${rec.id}/authorized`, '{"reason":"ok"}', { headers: { 'content-type': 'application/json; charset=utf-8' } });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(rec.status, 'authorized');
});

// ---------------------------------------------------------------------------
// Comments

test('GET comments: seeded list with Metadata, 404s', async () => {
  const rec = srv.dataset.find((r) => srv.resources.comments.get(r.id)?.length === 3);
  const r = await get(`/v2/portouts/${rec.id}/comments`);
  conforms(r, 200, 'GET', '/portouts/{id}/comments');
  assert.equal(r.json.data.length, 3);
  assert.deepEqual(r.json.meta, { page_number: 1, page_size: 20, total_pages: 1, total_results: 3 });
  assert.ok(r.json.data.every((c) => c.portout_id === rec.id && c.record_type === 'portout'));
  assert.ok(r.json.data[0].created_at <= r.json.data[1].created_at); // oldest first
  const none = srv.dataset.find((x) => !srv.resources.comments.has(x.id));
  const empty = await get(`/v2/portouts/${none.id}/comments`);
  conforms(empty, 200, 'GET', '/portouts/{id}/comments');
  assert.deepEqual(empty.json, { data: [], meta: { page_number: 1, page_size: 20, total_pages: 0, total_results: 0 } });
  isError(await get(`/v2/portouts/${NO_SUCH}/comments`), 404);
  isError(await get('/v2/portouts/xyz/comments'), 404);
});

test('POST comment: 201, persists, appends portout.new_comment; 422/400/404', async () => {
  const rec = take(() => true);
  const beforeList = (await get(`/v2/portouts/${rec.id}/comments`)).json.data;
  const body = { body: 'Ça marche — "quoted"\nnew line' };
  assert.deepEqual(validate(requestSchema('POST', '/portouts/{id}/comments'), body), []);
  const r = await post(`/v2/portouts/${rec.id}/comments`, body);
  conforms(r, 201, 'POST', '/portouts/{id}/comments');
  const c = r.json.data;
  assert.match(c.id, UUID);
  assert.equal(c.body, body.body);
  assert.equal(c.portout_id, rec.id);
  assert.equal(c.user_id, rec.user_id);
  assert.equal(c.record_type, 'portout');
  assert.ok(Math.abs(Date.parse(c.created_at) - Date.now()) < 5000);
  const after = await get(`/v2/portouts/${rec.id}/comments`);
  assert.deepEqual(after.json.data, [...beforeList, c]);
  assert.equal(after.json.meta.total_results, beforeList.length + 1);
  const ev = (await get(`/v2/portouts/events?filter[portout_id]=${rec.id}&filter[event_type]=portout.new_comment`)).json.data[0];
  assert.deepEqual(ev.payload, { id: c.id, portout_id: rec.id, user_id: rec.user_id, comment: body.body });
  assert.equal(ev.created_at, c.created_at);
  // The event is also reachable by id.
  conforms(await get(`/v2/portouts/events/${ev.id}`), 200, 'GET', '/portouts/events/{id}');

  const url = `/v2/portouts/${rec.id}/comments`;
  for (const bad of [{ body: '' }, { body: ' \t\n' }, {}, { body: null }, { body: 3 }]) isError(await post(url, bad), 422, { pointer: '/body' });
  isError(await post(url, { body: 'x', comment: 'y' }), 422, { pointer: '/comment' });
  isError(await post(url, '"just a string"', { headers: JSON_HEADERS }), 422, { pointer: '' });
  isError(await post(url, 'body=hello', { headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 400, { header: 'Content-Type' });
  isError(await post(url, '{"body":"x"}', { headers: {} }), 400, { header: 'Content-Type' }); // fetch sends text/plain
  isError(await post(url, '{body: "x"}', { headers: JSON_HEADERS }), 400);
  isError(await post(`/v2/portouts/${NO_SUCH}/comments`, { body: 'x' }), 404);
  assert.equal((await get(url)).json.data.length, beforeList.length + 1); // no failed write stored
});

// ---------------------------------------------------------------------------
// Supporting documents

test('supporting documents: GET answers 201 (per spec), POST creates and persists; 422s', async () => {
  const seeded = srv.dataset.find((r) => srv.resources.documents.get(r.id)?.length === 2);
  const s = await get(`/v2/portouts/${seeded.id}/supporting_documents`);
  conforms(s, 201, 'GET', '/portouts/{id}/supporting_documents');
  assert.deepEqual(s.json.data.map((d) => d.type), ['loa', 'invoice']);

  const rec = take((r) => !srv.resources.documents.has(r.id));
  const url = `/v2/portouts/${rec.id}/supporting_documents`;
  assert.deepEqual((await get(url)).json, { data: [] });
  const body = {
    documents: [
      { type: 'loa', document_id: '0ccc7b54-4df3-4bca-a65a-3da1ecc777f0' },
      { type: 'invoice', document_id: 'f1c5e079-9d82-4f50-95bc-ae2f6b8d84d7' },
    ],
  };
  assert.deepEqual(validate(requestSchema('POST', '/portouts/{id}/supporting_documents'), body), []);
  const r = await post(url, body);
  conforms(r, 201, 'POST', '/portouts/{id}/supporting_documents');
  assert.deepEqual(r.json.data.map((d) => [d.type, d.document_id, d.portout_id, d.record_type]), [
    ['loa', body.documents[0].document_id, rec.id, 'supporting_document'],
    ['invoice', body.documents[1].document_id, rec.id, 'supporting_document'],
  ]);
  assert.ok(r.json.data.every((d) => UUID.test(d.id)));
  assert.deepEqual((await get(url)).json.data, r.json.data);

  const doc = (o) => ({ type: 'loa', document_id: '0ccc7b54-4df3-4bca-a65a-3da1ecc777f0', ...o });
  const cases = [
    [{}, '/documents'],
    [{ documents: [] }, '/documents'],
    [{ documents: Array.from({ length: 11 }, () => doc()) }, '/documents'],
    [{ documents: doc() }, '/documents'],
    [{ documents: ['loa'] }, '/documents/0'],
    [{ documents: [doc({ type: 'passport' })] }, '/documents/0/type'],
    [{ documents: [{ document_id: doc().document_id }] }, '/documents/0/type'],
    [{ documents: [doc(), doc({ document_id: 'abc' })] }, '/documents/1/document_id'],
    [{ documents: [{ type: 'loa' }] }, '/documents/0/document_id'],
    [{ documents: [doc({ name: 'x.pdf' })] }, '/documents/0/name'],
    [{ documents: [doc()], extra: 1 }, '/extra'],
  ];
  for (const [bad, pointer] of cases) isError(await post(url, bad), 422, { pointer });
  assert.equal((await post(url, { documents: Array.from({ length: 10 }, () => doc()) })).status, 201);
  assert.equal((await get(url)).json.data.length, 12);
  isError(await post(`/v2/portouts/${NO_SUCH}/supporting_documents`, body), 404);
  isError(await get(`/v2/portouts/${NO_SUCH}/supporting_documents`), 404);
});

// ---------------------------------------------------------------------------
// Rejection codes

test('rejections: every code, and filter[code] in the SDK encoding and the deepObject variants', async () => {
  const rec = srv.dataset[0];
  const base = `/v2/portouts/rejections/${rec.id}`;
  const all = await get(base);
  conforms(all, 200, 'GET', '/portouts/rejections/{portout_id}');
  assert.equal(all.json.data.length, 8);
  const codes = all.json.data.map((x) => x.code);
  for (const r of srv.dataset) if (r.rejection_code) assert.ok(codes.includes(r.rejection_code), String(r.rejection_code));
  assert.ok(all.json.data.some((x) => x.reason_required) && all.json.data.some((x) => !x.reason_required));

  const two = all.json.data.filter((x) => x.code === 1002 || x.code === 1003);
  for (const q of [
    'filter%5Bcode%5D=1002%2C1003', // telnyx-node 7.24.0: { filter: { code: [1002, 1003] } }
    'filter[code]=1002,1003',
    'filter[code]=1003,1002',
    'filter[code]=1002&filter[code]=1003',
    'filter[code][]=1002&filter[code][]=1003',
    'filter[code][0]=1002&filter[code][1]=1003',
    'filter[code][in]=1002,1003',
    'filter%5Bcode%5D%5Bin%5D%5B%5D=1002&filter%5Bcode%5D%5Bin%5D%5B%5D=1003',
    'filter[code][in][0]=1002&filter[code][in][1]=1003',
    'filter[code]=1002&filter[code][in][]=1003',
  ]) {
    const r = await get(`${base}?${q}`);
    assert.equal(r.status, 200, q);
    assert.deepEqual(r.json.data, two, q);
  }
  const one = await get(`${base}?filter%5Bcode%5D=1002`); // SDK: { filter: { code: 1002 } }
  assert.deepEqual(one.json.data.map((x) => x.code), [1002]);
  assert.deepEqual((await get(`${base}?filter[code]=4242`)).json, { data: [] });
  assert.equal((await get(`${base}?other=1`)).status, 200);

  for (const [q, param] of [
    ['filter[code]=abc', 'filter[code]'],
    ['filter[code]=', 'filter[code]'],
    ['filter[code]=1002,', 'filter[code]'],
    ['filter[code]=10.5', 'filter[code]'],
    ['filter[code]=-1', 'filter[code]'],
    ['filter[code][nin]=1002', 'filter[code][nin]'],
    ['filter[code][in][x]=1002', 'filter[code][in][x]'],
    ['filter[reason]=x', 'filter[reason]'],
    ['filter=1002', 'filter'],
    ['page[size]=5', 'page[size]'],
  ]) {
    isError(await get(`${base}?${q}`), 422, { parameter: param });
  }
  isError(await get(`/v2/portouts/rejections/${NO_SUCH}`), 404);
  isError(await get('/v2/portouts/rejections/nope?filter[code]=1002'), 404);
});

// ---------------------------------------------------------------------------
// Events

test('events list: PaginationMeta, newest first, paging', async () => {
  const s = await startMockServer({ seed: 3, count: 100 });
  try {
    const events = s.resources.events;
    const r = await get('/v2/portouts/events', { base: s.url });
    conforms(r, 200, 'GET', '/portouts/events');
    assert.deepEqual(r.json.meta, { page_number: 1, page_size: 20, total_pages: Math.ceil(events.length / 20), total_results: events.length });
    assert.deepEqual(r.json.data, events.slice(0, 20));
    const p = await get('/v2/portouts/events?page%5Bsize%5D=7&page%5Bnumber%5D=3', { base: s.url });
    assert.deepEqual(p.json.data, events.slice(14, 21));
    const past = await get('/v2/portouts/events?page[size]=250&page[number]=99', { base: s.url });
    assert.deepEqual(past.json.data, []);
    assert.equal(past.json.meta.total_results, events.length);
    let prev = '9999';
    for (let n = 1; n <= Math.ceil(events.length / 250); n++) {
      const pg = await get(`/v2/portouts/events?page[size]=250&page[number]=${n}`, { base: s.url });
      conforms(pg, 200, 'GET', '/portouts/events');
      for (const e of pg.json.data) {
        assert.ok(e.created_at <= prev);
        prev = e.created_at;
      }
    }
  } finally {
    await s.close();
  }
});

test('events filters: event_type, portout_id, created_at gte/lte (inclusive; SDK encoding)', async () => {
  const events = srv.resources.events;
  const all = async (q) => {
    const out = [];
    for (let n = 1; ; n++) {
      const r = await get(`/v2/portouts/events?${q}&page[size]=250&page[number]=${n}`);
      assert.equal(r.status, 200, r.text);
      out.push(...r.json.data);
      if (n >= r.json.meta.total_pages) return out;
    }
  };
  const ids = (list) => list.map((e) => e.id);
  for (const t of ['portout.status_changed', 'portout.new_comment', 'portout.foc_date_changed']) {
    const got = await all(`filter[event_type]=${t}`);
    assert.ok(got.length > 0);
    assert.deepEqual(ids(got), ids(events.filter((e) => e.event_type === t)), t);
  }
  const rec = srv.dataset.find((r) => r.status === 'ported' && srv.resources.comments.has(r.id));
  const mine = await all(`filter[portout_id]=${rec.id}`);
  assert.ok(mine.length >= 3);
  assert.deepEqual(ids(mine), ids(events.filter((e) => e.portout_id === rec.id)));
  assert.deepEqual(ids(await all(`filter[portout_id]=${rec.id.toUpperCase()}`)), ids(mine));
  assert.deepEqual(await all(`filter[portout_id]=${NO_SUCH}`), []);

  const pivot = events[40].created_at;
  const gteExpected = ids(events.filter((e) => e.created_at >= pivot));
  // The SDK percent-encodes brackets, ':' and '+'.
  const enc = (v) => encodeURIComponent(v);
  assert.deepEqual(ids(await all(`filter%5Bcreated_at%5D%5Bgte%5D=${enc(pivot)}`)), gteExpected);
  assert.deepEqual(ids(await all(`filter[created_at][gte]=${pivot}`)), gteExpected);
  const exact = await all(`filter[created_at][gte]=${pivot}&filter[created_at][lte]=${pivot}`);
  assert.ok(exact.length >= 1 && exact.every((e) => e.created_at === pivot));
  const month = ids(events.filter((e) => e.created_at >= '2025-03-01' && e.created_at < '2025-04-01'));
  assert.ok(month.length > 10);
  assert.deepEqual(ids(await all('filter[created_at][gte]=2025-03-01&filter[created_at][lte]=2025-03-31')), month);
  assert.deepEqual(
    ids(await all(`filter[created_at][gte]=${enc('2025-03-01T02:00:00+02:00')}&filter[created_at][lte]=2025-03-31T23:59:59.999Z`)),
    month,
  );
  const combo = await all(`filter[event_type]=portout.status_changed&filter[portout_id]=${rec.id}&filter[created_at][lte]=${enc(rec.ported_out_at)}`);
  assert.deepEqual(ids(combo), ids(events.filter((e) => e.portout_id === rec.id && e.event_type === 'portout.status_changed' && e.created_at <= rec.ported_out_at)));
  assert.equal(combo.length, 2);

  for (const [q, param] of [
    ['filter[event_type]=portout.created', 'filter[event_type]'],
    ['filter[event_type]=status_changed', 'filter[event_type]'],
    ['filter[event_type]=portout.new_comment&filter[event_type]=portout.new_comment', 'filter[event_type]'],
    ['filter[portout_id]=123', 'filter[portout_id]'],
    ['filter[created_at][gte]=yesterday', 'filter[created_at][gte]'],
    ['filter[created_at][lte]=2025-02-30', 'filter[created_at][lte]'],
    ['filter[created_at][lte]=2025-01-01T10:00:00', 'filter[created_at][lte]'],
    ['filter[created_at][gt]=2025-01-01', 'filter[created_at][gt]'],
    ['filter[created_at]=2025-01-01', 'filter[created_at]'],
    ['filter[status]=pending', 'filter[status]'],
    ['page[size]=251', 'page[size]'],
    ['page[number]=0', 'page[number]'],
    ['page[offset]=1', 'page[offset]'],
  ]) {
    isError(await get(`/v2/portouts/events?${q}`), 422, { parameter: param });
  }
});

test('event by id, 404; republish 204 and counted', async () => {
  const e = srv.resources.events[5];
  const r = await get(`/v2/portouts/events/${e.id}`);
  conforms(r, 200, 'GET', '/portouts/events/{id}');
  assert.deepEqual(r.json.data, e);
  isError(await get(`/v2/portouts/events/${NO_SUCH}`), 404);
  isError(await get('/v2/portouts/events/nope'), 404);

  await fetch(`${srv.url}/__log`, { method: 'DELETE' });
  const a = await post(`/v2/portouts/events/${e.id}/republish`);
  conforms(a, 204, 'POST', '/portouts/events/{id}/republish');
  assert.equal(a.headers.get('content-length'), null);
  const b = await req('POST', `/v2/portouts/events/${e.id}/republish`, { body: '{}', headers: JSON_HEADERS });
  assert.equal(b.status, 204);
  assert.equal(srv.resources.republishes.get(e.id), 2);
  const log = (await get('/__log?method=POST')).json;
  assert.deepEqual(log.map((x) => x.republish), [{ event_id: e.id, count: 1 }, { event_id: e.id, count: 2 }]);
  assert.equal(log[1].body, '{}');
  // The event itself is unchanged.
  assert.deepEqual((await get(`/v2/portouts/events/${e.id}`)).json.data, e);
  isError(await post(`/v2/portouts/events/${NO_SUCH}/republish`), 404);
  assert.equal(srv.resources.republishes.has(NO_SUCH), false);
});

// ---------------------------------------------------------------------------
// Reports

test('reports: seeded list, filters, 422s', async () => {
  const r = await get('/v2/portouts/reports');
  conforms(r, 200, 'GET', '/portouts/reports');
  assert.ok(r.json.data.length >= 3);
  const completed = await get('/v2/portouts/reports?filter[status]=completed&filter[report_type]=export_portouts_csv&page[size]=1');
  conforms(completed, 200, 'GET', '/portouts/reports');
  assert.equal(completed.json.data.length, 1);
  assert.ok(completed.json.data.every((x) => x.status === 'completed' && UUID.test(x.document_id)));
  assert.equal(completed.json.meta.page_size, 1);
  for (const [q, param] of [
    ['filter[status]=done', 'filter[status]'],
    ['filter[report_type]=csv', 'filter[report_type]'],
    ['filter[kind]=x', 'filter[kind]'],
    ['page[size]=0', 'page[size]'],
  ]) {
    isError(await get(`/v2/portouts/reports?${q}`), 422, { parameter: param });
  }
  isError(await get(`/v2/portouts/reports/${NO_SUCH}`), 404);
});

test('POST report: 201 pending, completed with document_id after reportDelayMs', async () => {
  const body = {
    report_type: 'export_portouts_csv',
    params: {
      filters: {
        status__in: ['ported', 'rejected-pending'],
        created_at__gt: '2025-01-01T00:00:00Z',
        created_at__lt: '2025-12-31T23:59:59.999+02:00',
        customer_reference__in: ['ref-1'],
        end_user_name: 'McPortersen',
        phone_numbers__overlaps: ['+13035551212'],
      },
    },
  };
  assert.deepEqual(validate(requestSchema('POST', '/portouts/reports'), body), []);
  const t0 = Date.now();
  const r = await post('/v2/portouts/reports', body);
  conforms(r, 201, 'POST', '/portouts/reports');
  const rep = r.json.data;
  assert.equal(rep.status, 'pending');
  assert.equal('document_id' in rep, false);
  assert.equal(rep.record_type, 'portout_report');
  assert.deepEqual(rep.params, body.params);
  const one = await get(`/v2/portouts/reports/${rep.id}`);
  const pendingList = await get('/v2/portouts/reports?filter[status]=pending');
  conforms(one, 200, 'GET', '/portouts/reports/{id}');
  if (Date.now() - t0 < 130) {
    // Only meaningful while the 150 ms have not passed (a loaded machine may be slower).
    assert.equal(one.json.data.status, 'pending');
    assert.equal(pendingList.json.data[0].id, rep.id);
  }
  await sleep(200); // reportDelayMs: 150
  const done = await get(`/v2/portouts/reports/${rep.id}`);
  conforms(done, 200, 'GET', '/portouts/reports/{id}');
  assert.equal(done.json.data.status, 'completed');
  assert.match(done.json.data.document_id, UUID);
  assert.equal(Date.parse(done.json.data.updated_at) - Date.parse(rep.created_at), 150);
  assert.equal(done.json.data.created_at, rep.created_at);
  const list = await get('/v2/portouts/reports');
  assert.deepEqual(list.json.data[0], done.json.data); // newest first
  assert.equal((await get('/v2/portouts/reports?filter[status]=pending')).json.data.length, 0);
  // Minimal body: empty filters object.
  conforms(await post('/v2/portouts/reports', { report_type: 'export_portouts_csv', params: { filters: {} } }), 201, 'POST', '/portouts/reports');
});

test('POST report: 422 for every schema violation, naming the field', async () => {
  const ok = { report_type: 'export_portouts_csv', params: { filters: {} } };
  const withFilters = (filters) => ({ ...ok, params: { filters } });
  const cases = [
    [{ params: ok.params }, '/report_type'],
    [{ ...ok, report_type: 'export_portins_csv' }, '/report_type'],
    [{ report_type: ok.report_type }, '/params'],
    [{ ...ok, params: [] }, '/params'],
    [{ ...ok, params: {} }, '/params/filters'],
    [{ ...ok, params: { filters: [] } }, '/params/filters'],
    [{ ...ok, params: { filters: {}, sort: 'x' } }, '/params/sort'],
    [{ ...ok, format: 'csv' }, '/format'],
    [withFilters({ status: ['ported'] }), '/params/filters/status'],
    [withFilters({ status__in: 'ported' }), '/params/filters/status__in'],
    [withFilters({ status__in: ['done'] }), '/params/filters/status__in/0'],
    [withFilters({ status__in: ['ported', 3] }), '/params/filters/status__in/1'],
    [withFilters({ created_at__gt: '2025-01-01' }), '/params/filters/created_at__gt'],
    [withFilters({ created_at__lt: 1735689600 }), '/params/filters/created_at__lt'],
    [withFilters({ created_at__gt: '2025-01-01T00:00:00' }), '/params/filters/created_at__gt'],
    [withFilters({ customer_reference__in: 'ref' }), '/params/filters/customer_reference__in'],
    [withFilters({ phone_numbers__overlaps: [13035551212] }), '/params/filters/phone_numbers__overlaps/0'],
    [withFilters({ end_user_name: ['x'] }), '/params/filters/end_user_name'],
  ];
  const before = srv.resources.reports.length;
  for (const [bad, pointer] of cases) isError(await post('/v2/portouts/reports', bad), 422, { pointer });
  isError(await post('/v2/portouts/reports', '[]', { headers: JSON_HEADERS }), 422, { pointer: '' });
  isError(await post('/v2/portouts/reports', JSON.stringify(ok), { headers: { 'content-type': 'text/json' } }), 400);
  assert.equal(srv.resources.reports.length, before);
});

test('reportDelayMs default is 300 ms', async () => {
  const s = await startMockServer({ count: 5 });
  try {
    const t0 = Date.now();
    const r = await post('/v2/portouts/reports', { report_type: 'export_portouts_csv', params: { filters: {} } }, { base: s.url });
    await sleep(100);
    const mid = await get(`/v2/portouts/reports/${r.json.data.id}`, { base: s.url });
    if (Date.now() - t0 < 280) assert.equal(mid.json.data.status, 'pending');
    await sleep(Math.max(0, t0 + 350 - Date.now()));
    const done = (await get(`/v2/portouts/reports/${r.json.data.id}`, { base: s.url })).json.data;
    assert.equal(done.status, 'completed');
    assert.equal(Date.parse(done.updated_at) - Date.parse(done.created_at), 300);
  } finally {
    await s.close();
  }
});

// ---------------------------------------------------------------------------
// Methods, CORS, faults, log, reset

test('unknown methods -> 405 with Allow and an errors body; old 404/405 unchanged', async () => {
  const id = srv.dataset[0].id;
  const ev = srv.resources.events[0].id;
  const rep = srv.resources.reports[0].id;
  for (const [method, path, allow] of [
    ['DELETE', `/v2/portouts/${id}/comments`, 'GET, POST, OPTIONS'],
    ['PATCH', `/v2/portouts/${id}/comments`, 'GET, POST, OPTIONS'],
    ['PUT', `/v2/portouts/${id}/supporting_documents`, 'GET, POST, OPTIONS'],
    ['GET', `/v2/portouts/${id}/authorized`, 'PATCH, OPTIONS'],
    ['POST', `/v2/portouts/${id}/rejected-pending`, 'PATCH, OPTIONS'],
    ['POST', `/v2/portouts/rejections/${id}`, 'GET, OPTIONS'],
    ['POST', '/v2/portouts/events', 'GET, OPTIONS'],
    ['PATCH', `/v2/portouts/events/${ev}`, 'GET, OPTIONS'],
    ['GET', `/v2/portouts/events/${ev}/republish`, 'POST, OPTIONS'],
    ['DELETE', '/v2/portouts/reports', 'GET, POST, OPTIONS'],
    ['PATCH', `/v2/portouts/reports/${rep}`, 'GET, OPTIONS'],
    ['POST', '/v2/portouts', 'GET, OPTIONS'],
    ['PATCH', `/v2/portouts/${id}`, 'GET, OPTIONS'],
  ]) {
    const r = await req(method, path, { body: method === 'GET' ? undefined : {} });
    isError(r, 405);
    assert.equal(r.headers.get('allow'), allow, `${method} ${path}`);
  }
  // Two-segment paths that are not a status stay unknown for other methods.
  for (const p of ['/v2/portouts/a/b', `/v2/portouts/${id}/comment`, `/v2/portouts/events/${ev}/x`, `/v2/portouts/${id}/comments/x`]) {
    isError(await get(p), 404);
  }
});

test('CORS preflights allow the route\'s methods and Content-Type', async () => {
  const id = srv.dataset[0].id;
  for (const [path, methods] of [
    [`/v2/portouts/${id}/comments`, 'GET, POST, OPTIONS'],
    [`/v2/portouts/${id}/supporting_documents`, 'GET, POST, OPTIONS'],
    [`/__mock/tag=pf,status=500/v2/portouts/${id}/authorized`, 'PATCH, OPTIONS'],
    ['/v2/portouts/reports', 'GET, POST, OPTIONS'],
    [`/v2/portouts/events/${NO_SUCH}/republish`, 'POST, OPTIONS'],
    ['/v2/portouts/events', 'GET, OPTIONS'],
    ['/v2/portouts', 'GET, OPTIONS'],
    ['/__reset', 'POST, OPTIONS'],
  ]) {
    const r = await fetch(srv.url + path, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    assert.equal(r.status, 204, path);
    assert.equal(r.headers.get('access-control-allow-methods'), methods, path);
    assert.equal(r.headers.get('access-control-allow-headers'), 'authorization,content-type');
    assert.equal(r.headers.get('access-control-allow-origin'), '*');
  }
  const plain = await fetch(`${srv.url}/v2/portouts/reports`, { method: 'OPTIONS' });
  assert.match(plain.headers.get('access-control-allow-headers'), /Content-Type/);
  const post201 = await post('/v2/portouts/reports', { report_type: 'export_portouts_csv', params: { filters: {} } }, { headers: { origin: 'http://x.test' } });
  assert.equal(post201.headers.get('access-control-allow-origin'), '*');
  assert.match(post201.headers.get('x-request-id'), /^req-\d{6}$/);
});

test('fault directives on the new routes; faulted 5xx writes are not applied, cut 201s are', async () => {
  const rec = take(() => true);
  const url = `/v2/portouts/${rec.id}/comments`;
  const count = () => srv.resources.comments.get(rec.id)?.length ?? 0;
  const n0 = count();
  const p = `/__mock/tag=fc1,status=500,times=1${url}`;
  isError(await post(p, { body: 'first try' }), 500);
  assert.equal(count(), n0);
  conforms(await post(p, { body: 'second try' }), 201, 'POST', '/portouts/{id}/comments');
  assert.equal(count(), n0 + 1);
  // 429 with Retry-After on a PATCH: nothing changes.
  const pend = take((r) => r.status === 'pending');
  const ra = await patch(`/__mock/tag=fc2,status=429,retry_after=2/v2/portouts/${pend.id}/authorized`, { reason: 'x' });
  isError(ra, 429);
  assert.equal(ra.headers.get('retry-after'), '2');
  assert.equal(pend.status, 'pending');
  // A truncated 201: the comment was stored, the answer is cut.
  const t = await post(`/__mock/tag=fc3,body=truncated${url}`, { body: 'cut' });
  assert.equal(t.status, 201);
  assert.equal(t.json, undefined);
  assert.equal(count(), n0 + 2);
  // body=drop on a report list, wrong_type on events, html on rejections, empty on republish.
  await assert.rejects(async () => (await fetch(`${srv.url}/__mock/tag=fc4,body=drop/v2/portouts/reports`)).text());
  const wt = await get('/__mock/tag=fc5,body=wrong_type/v2/portouts/events?page[size]=2');
  assert.equal(wt.json.data[0].event_type, 42);
  assert.equal(typeof wt.json.data[1].event_type, 'string');
  const wtc = await get(`/__mock/tag=fc5b,body=wrong_type${url}`);
  assert.equal(wtc.json.data[0].body, 42);
  const h = await get(`/__mock/tag=fc6,body=html/v2/portouts/rejections/${rec.id}`);
  assert.equal(h.status, 502);
  assert.match(h.headers.get('content-type'), /^text\/html/);
  const ev = srv.resources.events[0].id;
  const e = await post(`/__mock/tag=fc7,body=truncated/v2/portouts/events/${ev}/republish`);
  assert.equal(e.status, 204);
  // fail_page on the events list; latency; auth=.
  const fp = (n) => `/__mock/tag=fc8,status=503,fail_page=2/v2/portouts/events?page[number]=${n}`;
  assert.equal((await get(fp(1))).status, 200);
  assert.equal((await get(fp(2))).status, 503);
  const t0 = Date.now();
  assert.equal((await get(`/__mock/tag=fc9,latency=120/v2/portouts/${rec.id}/supporting_documents`)).status, 201);
  assert.ok(Date.now() - t0 >= 110);
  isError(await patch(`/__mock/tag=fc10,auth=k/v2/portouts/${pend.id}/authorized`, { reason: 'x' }), 401);
  assert.equal(pend.status, 'pending');
  const authed = await patch(`/__mock/tag=fc10,auth=k/v2/portouts/${pend.id}/authorized`, { reason: 'x' }, { headers: { authorization: 'Bearer k' } });
  assert.equal(authed.status, 200);
  // hang on a POST, then times= lets the retry through.
  const hp = `${srv.url}/__mock/tag=fc11,hang=1,times=1/v2/portouts/reports`;
  const before = srv.resources.reports.length;
  const init = { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ report_type: 'export_portouts_csv', params: { filters: {} } }) };
  await assert.rejects(fetch(hp, { ...init, signal: AbortSignal.timeout(150) }));
  assert.equal(srv.resources.reports.length, before);
  assert.equal((await fetch(hp, init)).status, 201);
  assert.equal(srv.resources.reports.length, before + 1);
  // Stats count the tagged requests.
  assert.equal((await get('/__stats?tag=fc1')).json.requests, 2);
});

test('api key applies to the new routes', async () => {
  const s = await startMockServer({ apiKey: 'K', count: 20 });
  try {
    const id = s.dataset[0].id;
    isError(await get(`/v2/portouts/${id}/comments`, { base: s.url }), 401);
    isError(await post('/v2/portouts/reports', {}, { base: s.url }), 401);
    const ok = await get(`/v2/portouts/${id}/comments`, { base: s.url, headers: { authorization: 'Bearer K' } });
    assert.equal(ok.status, 200);
  } finally {
    await s.close();
  }
});

test('log entries for writes carry method, path, query and body', async () => {
  await fetch(`${srv.url}/__log`, { method: 'DELETE' });
  const rec = take(() => true);
  await post(`/__mock/tag=lw/v2/portouts/${rec.id}/comments?x=1`, { body: 'logged' });
  await get(`/__mock/tag=lw/v2/portouts/${rec.id}/comments`);
  const [w, g] = (await get('/__log?tag=lw')).json;
  assert.equal(w.method, 'POST');
  assert.equal(w.path, `/v2/portouts/${rec.id}/comments`);
  assert.equal(w.query, 'x=1');
  assert.equal(w.body, '{"body":"logged"}');
  assert.equal(w.headers['content-type'], 'application/json');
  assert.equal(w.status, 201);
  assert.equal(g.method, 'GET');
  assert.equal('body' in g, false);
  assert.equal(g.status, 200);
  // Bodies over 1 MiB are refused.
  const big = await post(`/v2/portouts/${rec.id}/comments`, { body: 'x'.repeat(1024 * 1024) });
  assert.equal(big.status, 413);
  assert.ok(big.json.errors[0].detail);
});

test('POST /__reset restores the seeded state; a new server starts seeded', async () => {
  const s = await startMockServer({ seed: 11, count: 300, reportDelayMs: 0 });
  try {
    const snapshot = async () =>
      JSON.stringify([
        (await get('/v2/portouts?page[size]=250', { base: s.url })).json,
        (await get('/v2/portouts/events?page[size]=250', { base: s.url })).json,
        (await get('/v2/portouts/reports', { base: s.url })).json,
        (await get(`/v2/portouts/${s.dataset[0].id}/comments`, { base: s.url })).json,
        (await get(`/v2/portouts/${s.dataset[0].id}/supporting_documents`, { base: s.url })).json,
      ]);
    const seeded = await snapshot();
    const dataset = s.dataset;
    const rec = s.dataset.find((r) => r.status === 'pending');
    const ref = rec;
    assert.equal((await patch(`/v2/portouts/${rec.id}/authorized`, { reason: 'x', host_messaging: true }, { base: s.url })).status, 200);
    assert.equal((await post(`/v2/portouts/${s.dataset[0].id}/comments`, { body: 'c' }, { base: s.url })).status, 201);
    const docs = { documents: [{ type: 'loa', document_id: NO_SUCH }] };
    assert.equal((await post(`/v2/portouts/${s.dataset[0].id}/supporting_documents`, docs, { base: s.url })).status, 201);
    assert.equal((await post('/v2/portouts/reports', { report_type: 'export_portouts_csv', params: { filters: {} } }, { base: s.url })).status, 201);
    assert.equal((await post(`/v2/portouts/events/${s.resources.events[0].id}/republish`, undefined, { base: s.url })).status, 204);
    assert.notEqual(await snapshot(), seeded);

    const r = await fetch(`${s.url}/__reset`, { method: 'POST' });
    assert.equal(r.status, 204);
    assert.equal(r.headers.get('access-control-allow-origin'), '*');
    assert.equal(await snapshot(), seeded);
    assert.equal(s.dataset, dataset);
    assert.equal(ref.status, 'pending'); // restored in place
    assert.equal(s.resources.republishes.size, 0);
    assert.equal(JSON.stringify(s.dataset), JSON.stringify(generateDataset({ seed: 11, count: 300 })));
    // Programmatic reset does the same; and a fresh server is seeded.
    await post(`/v2/portouts/${s.dataset[0].id}/comments`, { body: 'c' }, { base: s.url });
    s.reset();
    assert.equal(await snapshot(), seeded);
    const fresh = await startMockServer({ seed: 11, count: 300 });
    try {
      assert.equal(
        (await get('/v2/portouts/events?page[size]=250', { base: fresh.url })).text,
        (await get('/v2/portouts/events?page[size]=250', { base: s.url })).text,
      );
    } finally {
      await fresh.close();
    }
  } finally {
    await s.close();
  }
});

test('proxy mode forwards the new routes (method, body, content-type) and keeps no local state', async () => {
  const up = await startMockServer({ apiKey: 'up', seed: 9, count: 40 });
  const px = await startMockServer({ upstream: `${up.url}/v2`, proxyApiKey: 'up', seed: 9, count: 40 });
  try {
    const id = up.dataset[0].id;
    const n = up.resources.comments.get(id)?.length ?? 0;
    const r = await post(`/v2/portouts/${id}/comments`, { body: 'via proxy' }, { base: px.url });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.data.body, 'via proxy');
    assert.equal(up.resources.comments.get(id).length, n + 1);
    assert.equal(px.resources.comments.get(id)?.length ?? 0, n);
    const last = up.log.at(-1);
    assert.equal(last.method, 'POST');
    assert.equal(last.body, '{"body":"via proxy"}');
    assert.equal(last.headers['content-type'], 'application/json');
    assert.equal(last.headers.authorization, 'Bearer up');
    const q = 'filter%5Bcode%5D=1002%2C1003';
    const rj = await get(`/v2/portouts/rejections/${id}?${q}`, { base: px.url });
    assert.equal(rj.json.data.length, 2);
    assert.equal(up.log.at(-1).query, q);
    const rp = await post(`/v2/portouts/events/${up.resources.events[0].id}/republish`, undefined, { base: px.url });
    assert.equal(rp.status, 204);
    assert.equal(up.resources.republishes.get(up.resources.events[0].id), 1);
    // 405s and unknown paths are still answered locally.
    const before = up.log.length;
    assert.equal((await req('DELETE', '/v2/portouts/reports', { base: px.url })).status, 405);
    assert.equal(up.log.length, before);
  } finally {
    await Promise.all([px.close(), up.close()]);
  }
});

test('CLI --report-delay-ms', async () => {
  const script = fileURLToPath(new URL('./server.mjs', import.meta.url));
  const child = spawn(process.execPath, [script, '--port', '0', '--count', '5', '--report-delay-ms', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const line = await new Promise((resolve, reject) => {
      let out = '';
      const t = setTimeout(() => reject(new Error('no output')), 5000);
      child.stdout.on('data', (c) => {
        out += c;
        if (out.includes('\n')) {
          clearTimeout(t);
          resolve(out.split('\n')[0]);
        }
      });
    });
    const base = line.slice('mock listening '.length);
    const r = await post('/v2/portouts/reports', { report_type: 'export_portouts_csv', params: { filters: {} } }, { base });
    assert.equal(r.json.data.status, 'pending');
    assert.equal((await get(`/v2/portouts/reports/${r.json.data.id}`, { base })).json.data.status, 'completed');
  } finally {
    child.kill('SIGTERM');
  }
  assert.equal(await exited, 0);
  const bad = spawn(process.execPath, [script, '--report-delay-ms', 'soon'], { stdio: 'ignore' });
  assert.equal(await new Promise((resolve) => bad.on('exit', resolve)), 2);
});

// ---------------------------------------------------------------------------
// The official SDK against the mock (skipped when telnyx is not installed)

let Telnyx;
try {
  Telnyx = (await import('telnyx')).default;
} catch {
  Telnyx = null;
}

test('telnyx-node drives every new route', { skip: Telnyx ? false : 'telnyx is not installed' }, async () => {
  const client = new Telnyx({ apiKey: 'sdk-key', baseURL: `${srv.url}/v2`, maxRetries: 0 });
  await fetch(`${srv.url}/__log`, { method: 'DELETE' });
  const rec = take((r) => r.status === 'pending');

  const rj = await client.portouts.listRejectionCodes(rec.id, { filter: { code: [1002, 1003] } });
  assert.deepEqual(rj.data.map((x) => x.code), [1002, 1003]);
  assert.equal(srv.log.at(-1).query, 'filter%5Bcode%5D=1002%2C1003');
  const rj1 = await client.portouts.listRejectionCodes(rec.id, { filter: { code: 1004 } });
  assert.deepEqual(rj1.data.map((x) => x.code), [1004]);

  const up = await client.portouts.updateStatus('rejected-pending', { id: rec.id, reason: 'Not me' });
  assert.equal(up.data.status, 'rejected-pending');
  const c = await client.portouts.comments.create(rec.id, { body: 'from the SDK' });
  assert.equal(c.data.body, 'from the SDK');
  assert.equal((await client.portouts.comments.list(rec.id)).data.at(-1).id, c.data.id);
  const docs = await client.portouts.supportingDocuments.create(rec.id, { documents: [{ type: 'invoice', document_id: NO_SUCH }] });
  assert.equal(docs.data[0].type, 'invoice');
  assert.equal((await client.portouts.supportingDocuments.list(rec.id)).data.length, srv.resources.documents.get(rec.id).length);

  const gte = '2020-01-01T00:00:00+00:00';
  const seen = [];
  for await (const e of client.portouts.events.list({ filter: { portout_id: rec.id, created_at: { gte } }, 'page[size]': 1 })) seen.push(e);
  assert.deepEqual(seen.map((e) => e.id), eventsOf(rec.id).map((e) => e.id));
  assert.ok(seen.length >= 2);
  assert.ok(srv.log.some((x) => x.query.includes('filter%5Bcreated_at%5D%5Bgte%5D=2020-01-01T00%3A00%3A00%2B00%3A00')));
  const one = await client.portouts.events.retrieve(seen[0].id);
  assert.equal(one.data.id, seen[0].id);
  await client.portouts.events.republish(seen[0].id);
  assert.equal(srv.resources.republishes.get(seen[0].id), 1);

  const rep = await client.portouts.reports.create({ report_type: 'export_portouts_csv', params: { filters: { status__in: ['pending'] } } });
  assert.equal(rep.data.status, 'pending');
  await sleep(200);
  assert.equal((await client.portouts.reports.retrieve(rep.data.id)).data.status, 'completed');
  const page = await client.portouts.reports.list({ filter: { status: 'completed' } });
  assert.ok(page.data.some((x) => x.id === rep.data.id));

  await assert.rejects(client.portouts.comments.create(rec.id, { body: '' }), (e) => e.status === 422);
  await assert.rejects(client.portouts.events.retrieve(NO_SUCH), (e) => e.status === 404);
});
