// The port-out sub-resources through the built npm package (pkg/), imported as a user does
// (`import ... from 'telnyx-portouts'`), against the bundled mock server: for every operation a
// success checked against the mock's state, validation failures that never reach the server,
// server errors mapped to their codes; the write-retry policy (429/503 retried, 500/502/timeout/
// dropped connections not), the requests the mock received (method, path, JSON body,
// Content-Type, Authorization), and the client object's bound and per-call options.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  PortoutsError, createPortoutsClient, getPortout, listPortouts,
  updatePortoutStatus, listPortoutRejectionCodes, listPortoutComments, createPortoutComment,
  listPortoutSupportingDocuments, createPortoutSupportingDocuments,
  listPortoutEvents, listAllPortoutEvents, iterPortoutEvents, getPortoutEvent, republishPortoutEvent,
  listPortoutReports, listAllPortoutReports, iterPortoutReports, createPortoutReport, getPortoutReport,
} from 'telnyx-portouts';
import { startMockServer } from '../mock/server.mjs';

const REPORT_DELAY_MS = 200;
const KEY = 'KEYresources0123456789';
const UNKNOWN_UUID = '00000000-0000-4000-8000-000000000000';

let mock;
let base;
let pendings;
before(async () => {
  mock = await startMockServer({ port: 0, reportDelayMs: REPORT_DELAY_MS });
  base = `${mock.url}/v2`;
  pendings = mock.dataset.filter((p) => p.status === 'pending');
});
after(() => mock.close());

// ---- helpers ----------------------------------------------------------------

let tagCounter = 0;
const uid = (prefix) => `${prefix}${++tagCounter}`;
/** A base URL with fault directives and a unique tag. */
const fb = (tag, directives = '') => `${mock.url}/__mock/tag=${tag}${directives ? `,${directives}` : ''}/v2`;
const stats = async (tag) => (await fetch(`${mock.url}/__stats?tag=${encodeURIComponent(tag)}`)).json();
const logOf = (tag) => mock.log.filter((e) => e.directives?.tag === tag);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let pendingIndex = 0;
/** A port-out in `pending` that no other test touched. */
function freshPending() {
  const p = pendings[pendingIndex++];
  assert.ok(p, 'ran out of pending port-outs');
  assert.equal(p.status, 'pending', 'a fresh pending port-out');
  return p;
}
const portoutWith = (map, min) => {
  const hit = [...map.entries()].find(([, list]) => list.length >= min);
  assert.ok(hit, `a port-out with at least ${min} items`);
  return mock.dataset.find((p) => p.id === hit[0]);
};
async function drain(iterable) {
  const out = [];
  for await (const x of iterable) out.push(x);
  return out;
}

/** Awaits `promise`, which must reject with a PortoutsError having the `want` fields. */
async function rejectsWith(promise, want) {
  let err;
  try {
    await promise;
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof PortoutsError, `expected a PortoutsError, got ${err === undefined ? 'success' : String(err)}`);
  for (const [k, v] of Object.entries(want)) {
    if (v instanceof RegExp) assert.match(String(err[k]), v, `${k} of: ${err.message}`);
    else assert.deepEqual(err[k], v, `${k} of: ${err.message}`);
  }
  return err;
}

/** `call(options)` must fail with `want` (invalid_params / invalid_filter / ...) without a request. */
async function refusedLocally(call, want) {
  const tag = uid('val');
  const logLength = mock.log.length;
  const err = await rejectsWith(call({ baseUrl: fb(tag), apiKey: KEY }), { retryable: false, ...want });
  await sleep(10);
  assert.equal(mock.log.length, logLength, `no request reached the mock (${err.message})`);
  assert.equal((await stats(tag)).requests, 0);
  assert.ok(!err.message.includes(KEY), 'the key is not in the message');
  return err;
}

/**
 * `call(options)` against `status=422` and `status=404` faults: `unprocessable` / `not_found` with
 * the status and the request id of the (only, unless `single` is false) request the mock got;
 * `state()`, if given, is unchanged.
 */
async function mapsFaults(call, { state, single = true } = {}) {
  for (const [status, code] of [[422, 'unprocessable'], [404, 'not_found']]) {
    const tag = uid('map');
    const snapshot = state?.();
    const err = await rejectsWith(call({ baseUrl: fb(tag, `status=${status}`) }), { code, status, retryable: false });
    assert.match(err.requestId, /^req-\d{6}$/);
    await sleep(20);
    const entries = logOf(tag);
    if (single) assert.equal(entries.length, 1, `${code} is not retried`);
    const entry = entries.find((e) => e.requestId === err.requestId);
    assert.ok(entry, `the error's request id ${err.requestId} is one the mock sent`);
    assert.equal(entry.status, status);
    assert.equal(entry.fault, `status=${status}`);
    assert.ok(Array.isArray(err.errors) && err.errors.length >= 1, 'errors[] of the body');
    if (state) assert.deepEqual(state(), snapshot, 'state unchanged');
  }
}

const eventsOf = (portoutId, eventType) => mock.resources.events.filter((e) => e.portout_id === portoutId && (!eventType || e.event_type === eventType));

// ---- updatePortoutStatus ----------------------------------------------------

describe('updatePortoutStatus', () => {
  test('rejected-pending: the record changes (getPortout, listPortouts) and a status_changed event appears', async () => {
    const p = freshPending();
    const before = eventsOf(p.id).length;
    const updated = await updatePortoutStatus(p.id, 'rejected-pending', { reason: 'LOA missing "signature" — ü', host_messaging: true }, { baseUrl: base });
    assert.equal(updated.id, p.id);
    assert.equal(updated.status, 'rejected-pending');
    assert.equal(updated.reason, 'LOA missing "signature" — ü');
    assert.equal(updated.host_messaging, true);
    assert.deepEqual(updated.phone_numbers, p.phone_numbers);
    const got = await getPortout(p.id, { baseUrl: base });
    assert.deepEqual(got, updated);
    assert.equal(mock.dataset.find((r) => r.id === p.id).status, 'rejected-pending');
    const listed = await listPortouts({ filter: { support_key: p.support_key } }, { baseUrl: base });
    assert.deepEqual(listed.data.map((r) => [r.id, r.status]), [[p.id, 'rejected-pending']]);

    const page = await listPortoutEvents({ filter: { portout_id: p.id, event_type: 'portout.status_changed' } }, { baseUrl: base });
    assert.equal(eventsOf(p.id).length, before + 1);
    assert.equal(page.meta.total_results, 1);
    const [event] = page.data;
    assert.equal(event.portout_id, p.id);
    assert.equal(event.event_type, 'portout.status_changed');
    assert.equal(event.payload_status, 'created');
    assert.equal(event.payload.status, 'rejected-pending');
    assert.equal(event.payload.rejection_reason, 'LOA missing "signature" — ü');
  });

  test('authorized with a blank reason (allowed), also from rejected-pending; rejection_code is reset', async () => {
    const p = freshPending();
    const updated = await updatePortoutStatus(p.id, 'authorized', { reason: '' }, { baseUrl: base });
    assert.equal(updated.status, 'authorized');
    assert.equal(updated.reason, null);
    assert.equal(updated.rejection_code, 0);
    assert.equal((await getPortout(p.id, { baseUrl: base })).status, 'authorized');
    const events = (await listPortoutEvents({ filter: { portout_id: p.id, event_type: 'portout.status_changed' } }, { baseUrl: base })).data;
    assert.deepEqual(events.map((e) => [e.event_type, e.payload.status, e.payload.rejection_reason]), [['portout.status_changed', 'authorized', null]]);

    const r = mock.dataset.find((x) => x.status === 'rejected-pending');
    const reauth = await updatePortoutStatus(r.id, 'authorized', { reason: 'customer fixed the PIN' }, { baseUrl: base });
    assert.equal(reauth.status, 'authorized');
    assert.equal(reauth.rejection_code, 0);
    assert.equal(reauth.reason, 'customer fixed the PIN');
    assert.deepEqual(await getPortout(r.id, { baseUrl: base }), reauth);
  });

  test('validation: bad id, status or params never reach the server', async () => {
    const p = freshPending();
    for (const id of ['', 'abc', `${p.id}/comments`, '../x', 1, null]) {
      await refusedLocally((o) => updatePortoutStatus(id, 'authorized', { reason: '' }, o), { code: 'invalid_params', path: 'id' });
    }
    for (const status of ['ported', 'rejected', 'pending', 'Authorized', '', undefined]) {
      await refusedLocally((o) => updatePortoutStatus(p.id, status, { reason: 'x' }, o), { code: 'invalid_params', path: 'status' });
    }
    await refusedLocally((o) => updatePortoutStatus(p.id, 'authorized', {}, o), { code: 'invalid_params', path: 'reason', message: /required/ });
    await refusedLocally((o) => updatePortoutStatus(p.id, 'rejected-pending', {}, o), { code: 'invalid_params', path: 'reason' });
    await refusedLocally((o) => updatePortoutStatus(p.id, 'rejected-pending', { reason: '' }, o), { code: 'invalid_params', path: 'reason', message: /blank/ });
    await refusedLocally((o) => updatePortoutStatus(p.id, 'rejected-pending', { reason: ' \n\t' }, o), { code: 'invalid_params', path: 'reason' });
    await refusedLocally((o) => updatePortoutStatus(p.id, 'authorized', { reason: 5 }, o), { code: 'invalid_params', path: 'reason' });
    await refusedLocally((o) => updatePortoutStatus(p.id, 'authorized', { reason: '', host_messaging: 'yes' }, o), { code: 'invalid_params', path: 'host_messaging' });
    await refusedLocally((o) => updatePortoutStatus(p.id, 'authorized', { reason: '', reasons: 'x' }, o), { code: 'invalid_params' });
    await refusedLocally((o) => updatePortoutStatus(p.id, 'authorized', undefined, o), { code: 'invalid_params' });
    assert.equal(mock.dataset.find((r) => r.id === p.id).status, 'pending');
  });

  test('server errors: 422/404 faults, a real 422 (transition) and a real 404 (unknown id)', async () => {
    const p = freshPending();
    await mapsFaults((o) => updatePortoutStatus(p.id, 'authorized', { reason: '' }, o), { state: () => [mock.dataset.find((r) => r.id === p.id).status, eventsOf(p.id).length] });
    const ported = mock.dataset.find((r) => r.status === 'ported');
    const err = await rejectsWith(updatePortoutStatus(ported.id, 'authorized', { reason: '' }, { baseUrl: base }), { code: 'unprocessable', status: 422, requestId: /^req-/ });
    assert.match(err.message, /cannot change status from ported to authorized/);
    assert.equal(mock.dataset.find((r) => r.id === ported.id).status, 'ported');
    await rejectsWith(updatePortoutStatus(UNKNOWN_UUID, 'authorized', { reason: '' }, { baseUrl: base }), { code: 'not_found', status: 404, requestId: /^req-/ });
  });
});

// ---- listPortoutRejectionCodes ----------------------------------------------

describe('listPortoutRejectionCodes', () => {
  test('all eight codes, and filter.code (one or several) returns only those', async () => {
    const p = mock.dataset[0];
    const all = await listPortoutRejectionCodes(p.id, undefined, { baseUrl: base });
    assert.deepEqual(all.map((r) => r.code), [1001, 1002, 1003, 1004, 1005, 1006, 1007, 1010]);
    for (const r of all) {
      assert.equal(typeof r.description, 'string');
      assert.equal(typeof r.reason_required, 'boolean');
    }
    assert.equal(all.find((r) => r.code === 1001).reason_required, true);

    const tag = uid('rej');
    const one = await listPortoutRejectionCodes(p.id, { filter: { code: 1002 } }, { baseUrl: fb(tag) });
    assert.deepEqual(one, all.filter((r) => r.code === 1002));
    const two = await listPortoutRejectionCodes(p.id, { filter: { code: [1010, 1003] } }, { baseUrl: fb(tag) });
    assert.deepEqual(two.map((r) => r.code).sort(), [1003, 1010]);
    assert.deepEqual(two, all.filter((r) => [1003, 1010].includes(r.code)));
    assert.deepEqual(await listPortoutRejectionCodes(p.id, { filter: { code: 9999 } }, { baseUrl: base }), []);
    assert.deepEqual(await listPortoutRejectionCodes(p.id, {}, { baseUrl: base }), all);
    const entries = logOf(tag);
    assert.deepEqual(entries.map((e) => [e.method, e.path, e.params]), [
      ['GET', `/v2/portouts/rejections/${p.id}`, [['filter[code]', '1002']]],
      ['GET', `/v2/portouts/rejections/${p.id}`, [['filter[code]', '1010,1003']]],
    ]);
  });

  test('validation: bad portout id or filter never reaches the server', async () => {
    const p = mock.dataset[0];
    for (const id of ['', 'x/y', 'abc', 42]) {
      await refusedLocally((o) => listPortoutRejectionCodes(id, undefined, o), { code: 'invalid_params', path: 'portoutId' });
    }
    for (const q of [{ filter: { code: 'abc' } }, { filter: { code: 1.5 } }, { filter: { code: [1002, -1] } }, { filter: { code: '1002' } }, { filter: { codes: 1 } }, { code: 1002 }, 'x']) {
      await refusedLocally((o) => listPortoutRejectionCodes(p.id, q, o), { code: 'invalid_filter' });
    }
  });

  test('server errors: 422/404 faults; an unknown port-out is not_found', async () => {
    const p = mock.dataset[0];
    await mapsFaults((o) => listPortoutRejectionCodes(p.id, { filter: { code: 1002 } }, o));
    await rejectsWith(listPortoutRejectionCodes(UNKNOWN_UUID, undefined, { baseUrl: base }), { code: 'not_found', status: 404, requestId: /^req-/ });
  });
});

// ---- comments ---------------------------------------------------------------

describe('listPortoutComments', () => {
  test('returns the seeded comments in order, exactly; none for a port-out without comments', async () => {
    const p = portoutWith(mock.resources.comments, 2);
    const list = await listPortoutComments(p.id, { baseUrl: base });
    assert.deepEqual(list, mock.resources.comments.get(p.id));
    assert.ok(list.every((c) => c.portout_id === p.id));
    const none = mock.dataset.find((r) => !mock.resources.comments.has(r.id));
    assert.deepEqual(await listPortoutComments(none.id, { baseUrl: base }), []);
  });

  test('validation: bad ids never reach the server', async () => {
    for (const id of ['', 'a/b', 'abc', `${UNKNOWN_UUID}?x=1`, undefined, {}]) {
      await refusedLocally((o) => listPortoutComments(id, o), { code: 'invalid_params', path: 'id' });
    }
  });

  test('server errors: 422/404 faults; an unknown port-out is not_found', async () => {
    await mapsFaults((o) => listPortoutComments(mock.dataset[1].id, o));
    await rejectsWith(listPortoutComments(UNKNOWN_UUID, { baseUrl: base }), { code: 'not_found', status: 404, requestId: /^req-/ });
  });

  test('a read is retried after a 500 (unlike a write)', async () => {
    const tag = uid('r500');
    const p = portoutWith(mock.resources.comments, 1);
    assert.deepEqual(await listPortoutComments(p.id, { baseUrl: fb(tag, 'status=500,times=1'), maxRetries: 1 }), mock.resources.comments.get(p.id));
    assert.equal((await stats(tag)).requests, 2);
  });
});

describe('createPortoutComment', () => {
  test('the created comment is returned, listed after the others, and adds a new_comment event', async () => {
    const p = portoutWith(mock.resources.comments, 1);
    const before = await listPortoutComments(p.id, { baseUrl: base });
    const body = 'Multi-line "quoted" \\ note:\nline 2\twith a tab — é 📞';
    const c = await createPortoutComment(p.id, { body }, { baseUrl: base });
    assert.equal(c.body, body);
    assert.equal(c.portout_id, p.id);
    assert.equal(c.user_id, p.user_id);
    assert.equal(c.record_type, 'portout');
    assert.match(c.id, /^[0-9a-f-]{36}$/);
    assert.ok(!Number.isNaN(Date.parse(c.created_at)));
    const after = await listPortoutComments(p.id, { baseUrl: base });
    assert.deepEqual(after, [...before, c]);
    const events = (await listPortoutEvents({ filter: { portout_id: p.id, event_type: 'portout.new_comment' } }, { baseUrl: base })).data;
    const ev = events.find((e) => e.payload.id === c.id);
    assert.ok(ev, 'a portout.new_comment event for the comment');
    assert.equal(ev.payload.comment, body);
  });

  test('validation: bad ids and bodies never reach the server', async () => {
    const p = mock.dataset[2];
    const count = mock.resources.comments.get(p.id)?.length ?? 0;
    await refusedLocally((o) => createPortoutComment('abc', { body: 'x' }, o), { code: 'invalid_params', path: 'id' });
    await refusedLocally((o) => createPortoutComment('', { body: 'x' }, o), { code: 'invalid_params', path: 'id' });
    for (const v of [undefined, null, {}, { body: '' }, { body: '  \n' }, { body: 5 }, { body: null }, { text: 'x' }, { body: 'x', extra: 1 }, 'x']) {
      await refusedLocally((o) => createPortoutComment(p.id, v, o), { code: 'invalid_params' });
    }
    await refusedLocally((o) => createPortoutComment(p.id, { body: '  ' }, o), { code: 'invalid_params', path: 'body', message: /blank/ });
    assert.equal(mock.resources.comments.get(p.id)?.length ?? 0, count);
  });

  test('server errors: 422/404 faults leave the comments alone; an unknown port-out is not_found', async () => {
    const p = mock.dataset[3];
    await mapsFaults((o) => createPortoutComment(p.id, { body: 'x' }, o), { state: () => mock.resources.comments.get(p.id)?.length ?? 0 });
    await rejectsWith(createPortoutComment(UNKNOWN_UUID, { body: 'x' }, { baseUrl: base }), { code: 'not_found', status: 404, requestId: /^req-/ });
  });
});

// ---- supporting documents ---------------------------------------------------

describe('listPortoutSupportingDocuments', () => {
  test('returns the seeded documents exactly (the 201 of this GET is a success); none elsewhere', async () => {
    const p = portoutWith(mock.resources.documents, 2);
    const docs = await listPortoutSupportingDocuments(p.id, { baseUrl: base });
    assert.deepEqual(docs, mock.resources.documents.get(p.id));
    assert.ok(docs.every((d) => d.portout_id === p.id && ['loa', 'invoice'].includes(d.type)));
    const none = mock.dataset.find((r) => !mock.resources.documents.has(r.id));
    assert.deepEqual(await listPortoutSupportingDocuments(none.id, { baseUrl: base }), []);
  });

  test('validation: bad ids never reach the server', async () => {
    for (const id of ['', 'abc', 'a/b', null, 7]) {
      await refusedLocally((o) => listPortoutSupportingDocuments(id, o), { code: 'invalid_params', path: 'id' });
    }
  });

  test('server errors: 422/404 faults; an unknown port-out is not_found', async () => {
    await mapsFaults((o) => listPortoutSupportingDocuments(mock.dataset[4].id, o));
    await rejectsWith(listPortoutSupportingDocuments(UNKNOWN_UUID, { baseUrl: base }), { code: 'not_found', status: 404, requestId: /^req-/ });
  });
});

describe('createPortoutSupportingDocuments', () => {
  test('the created documents are returned and persist after the existing ones', async () => {
    const p = portoutWith(mock.resources.documents, 1);
    const before = await listPortoutSupportingDocuments(p.id, { baseUrl: base });
    const documents = [{ type: 'loa', document_id: mock.dataset[10].id }, { type: 'invoice', document_id: mock.dataset[11].id }];
    const created = await createPortoutSupportingDocuments(p.id, { documents }, { baseUrl: base });
    assert.deepEqual(created.map((d) => [d.type, d.document_id, d.portout_id, d.record_type]), [
      ['loa', documents[0].document_id, p.id, 'supporting_document'],
      ['invoice', documents[1].document_id, p.id, 'supporting_document'],
    ]);
    assert.notEqual(created[0].id, created[1].id);
    const after = await listPortoutSupportingDocuments(p.id, { baseUrl: base });
    assert.deepEqual(after, [...before, ...created]);
    assert.deepEqual(await listPortoutSupportingDocuments(p.id, { baseUrl: base }), after, 'they persist');
  });

  test('validation: bad ids and bodies never reach the server', async () => {
    const p = mock.dataset[5];
    const doc = { type: 'loa', document_id: mock.dataset[6].id };
    await refusedLocally((o) => createPortoutSupportingDocuments('abc', { documents: [doc] }, o), { code: 'invalid_params', path: 'id' });
    await refusedLocally((o) => createPortoutSupportingDocuments(p.id, { documents: [{ type: 'pdf', document_id: doc.document_id }] }, o), { code: 'invalid_params', path: 'documents[0].type' });
    await refusedLocally((o) => createPortoutSupportingDocuments(p.id, { documents: [doc, { type: 'loa', document_id: 'x' }] }, o), { code: 'invalid_params', path: 'documents[1].document_id' });
    for (const v of [undefined, {}, { documents: [] }, { documents: Array(11).fill(doc) }, { documents: [{ type: 'loa' }] }, { documents: [null] },
      { documents: [{ ...doc, extra: 1 }] }, { documents: 'loa' }, { documents: [doc], more: 1 }]) {
      await refusedLocally((o) => createPortoutSupportingDocuments(p.id, v, o), { code: 'invalid_params' });
    }
  });

  test('server errors: 422/404 faults leave the documents alone; an unknown port-out is not_found', async () => {
    const p = mock.dataset[7];
    const body = { documents: [{ type: 'invoice', document_id: mock.dataset[8].id }] };
    await mapsFaults((o) => createPortoutSupportingDocuments(p.id, body, o), { state: () => mock.resources.documents.get(p.id)?.length ?? 0 });
    await rejectsWith(createPortoutSupportingDocuments(UNKNOWN_UUID, body, { baseUrl: base }), { code: 'not_found', status: 404, requestId: /^req-/ });
  });
});

// ---- events -----------------------------------------------------------------

describe('listPortoutEvents', () => {
  test('a page matches the mock (newest first), hasNextPage/nextPage walk the pages with the same query and options', async () => {
    const tag = uid('evp');
    const all = mock.resources.events;
    const p1 = await listPortoutEvents({ page: { size: 50 } }, { baseUrl: fb(tag) });
    assert.deepEqual(p1.meta, { page_number: 1, page_size: 50, total_pages: Math.ceil(all.length / 50), total_results: all.length });
    assert.deepEqual(p1.data, all.slice(0, 50));
    assert.equal(p1.hasNextPage(), true);
    assert.match(p1.requestId, /^req-/);
    const p2 = await p1.nextPage();
    assert.equal(p2.meta.page_number, 2);
    assert.deepEqual(p2.data, all.slice(50, 100));
    const sorted = (ps) => [...ps].sort(([a], [b]) => a.localeCompare(b));
    const params = logOf(tag).map((e) => sorted(e.params));
    assert.equal(params.length, 2, 'nextPage goes through the same base URL');
    assert.deepEqual(params[0].filter(([k]) => k === 'page[size]'), [['page[size]', '50']]);
    assert.ok(['[]', '[["page[number]","1"]]'].includes(JSON.stringify(params[0].filter(([k]) => k === 'page[number]'))));
    assert.deepEqual(params[1], [['page[number]', '2'], ['page[size]', '50']]);
  });

  test('filters: portout_id, event_type and created_at (inclusive) select what the mock holds; the last page has no next', async () => {
    const ported = mock.dataset.find((r) => r.status === 'ported' && eventsOf(r.id).length >= 2);
    const want = eventsOf(ported.id);
    const p1 = await listPortoutEvents({ filter: { portout_id: ported.id }, page: { size: 1 } }, { baseUrl: base });
    assert.equal(p1.meta.total_results, want.length);
    let page = p1;
    const seen = [...page.data];
    while (page.hasNextPage()) {
      page = await page.nextPage();
      seen.push(...page.data);
    }
    assert.deepEqual(seen, want);
    assert.equal(page.meta.page_number, want.length);
    await rejectsWith(page.nextPage(), { code: 'no_next_page' });

    const foc = await listPortoutEvents({ filter: { event_type: 'portout.foc_date_changed' }, page: { size: 250 } }, { baseUrl: base });
    const focWant = mock.resources.events.filter((e) => e.event_type === 'portout.foc_date_changed');
    assert.equal(foc.meta.total_results, focWant.length);
    assert.deepEqual(foc.data, focWant.slice(0, 250));

    const all = mock.resources.events;
    const lte = all[40].created_at;
    const gte = all[90].created_at;
    const range = await listPortoutEvents({ filter: { created_at: { gte, lte: new Date(lte) } }, page: { size: 250 } }, { baseUrl: base });
    const rangeWant = all.filter((e) => e.created_at >= gte && Date.parse(e.created_at) <= Date.parse(lte));
    assert.deepEqual(range.data.map((e) => e.id), rangeWant.map((e) => e.id));
    assert.ok(range.data.length >= 51);
  });

  test('validation: bad filters and pages never reach the server', async () => {
    for (const q of [{ filter: { event_type: 'status_changed' } }, { filter: { portout_id: '1' } }, { filter: { created_at: { gt: '2024-01-01' } } },
      { filter: { created_at: { gte: '2024-02-01', lte: '2024-01-01' } } }, { filter: { created_at: { gte: '2025-02-30' } } }, { event_type: 'x' },
      { page: { size: 0 } }, { page: { size: 251 } }, { page: { number: 0 } }, { filter: 'x' }, { filter: { status: 'pending' } }]) {
      await refusedLocally((o) => listPortoutEvents(q, o), { code: 'invalid_filter' });
    }
    await refusedLocally((o) => listPortoutEvents({ filter: { event_type: 'nope' } }, o), { code: 'invalid_filter', path: 'filter.event_type' });
  });

  test('server errors: 422/404 faults', async () => {
    await mapsFaults((o) => listPortoutEvents({ page: { size: 5 } }, o));
  });
});

describe('listAllPortoutEvents', () => {
  test('returns meta.total_results events once each, in order, with progress and bounded concurrency', async () => {
    const tag = uid('eva');
    const { meta } = await listPortoutEvents(undefined, { baseUrl: base });
    const progress = [];
    const all = await listAllPortoutEvents({ page: { size: 100 } }, { baseUrl: fb(tag), concurrency: 3, onProgress: (p) => progress.push(p) });
    assert.equal(all.length, meta.total_results);
    assert.equal(new Set(all.map((e) => e.id)).size, all.length, 'no duplicates');
    assert.deepEqual(all.map((e) => e.id), mock.resources.events.map((e) => e.id));
    assert.deepEqual(all[7], mock.resources.events[7]);
    const pages = Math.ceil(meta.total_results / 100);
    assert.equal(progress.length, pages);
    assert.deepEqual(progress.at(-1), { pagesDone: pages, totalPages: pages, itemsDone: meta.total_results, totalResults: meta.total_results });
    const s = await stats(tag);
    assert.ok(s.maxInFlight <= 3, `maxInFlight ${s.maxInFlight}`);
    assert.ok(s.requests >= pages && s.requests <= pages + 2, `requests ${s.requests}`);
  });

  test('with a filter and maxItems', async () => {
    const want = mock.resources.events.filter((e) => e.event_type === 'portout.new_comment');
    const got = await listAllPortoutEvents({ filter: { event_type: 'portout.new_comment' }, page: { size: 30 } }, { baseUrl: base });
    assert.deepEqual(got.map((e) => e.id), want.map((e) => e.id));
    const capped = await listAllPortoutEvents({ page: { size: 10 } }, { baseUrl: base, maxItems: 25 });
    assert.deepEqual(capped.map((e) => e.id), mock.resources.events.slice(0, 25).map((e) => e.id));
  });

  test('validation: bad filters and list-all options never reach the server', async () => {
    await refusedLocally((o) => listAllPortoutEvents({ filter: { event_type: 'nope' } }, o), { code: 'invalid_filter', path: 'filter.event_type' });
    await refusedLocally((o) => listAllPortoutEvents({ filter: { portout_id: 'x' } }, o), { code: 'invalid_filter' });
    await refusedLocally((o) => listAllPortoutEvents(undefined, { ...o, concurrency: 0 }), { code: 'invalid_options', path: 'concurrency' });
    await refusedLocally((o) => listAllPortoutEvents(undefined, { ...o, onProgress: 'x' }), { code: 'invalid_options' });
  });

  test('server errors: 422/404 faults (the error names the page)', async () => {
    await mapsFaults((o) => listAllPortoutEvents(undefined, o), { single: false });
    const tag = uid('evp2');
    const err = await rejectsWith(listAllPortoutEvents({ page: { size: 100 } }, { baseUrl: fb(tag, 'status=422,fail_page=2'), concurrency: 1 }), { code: 'unprocessable', status: 422, page: 2 });
    assert.equal(logOf(tag).find((e) => e.requestId === err.requestId).params.find(([k]) => k === 'page[number]')[1], '2');
  });
});

describe('iterPortoutEvents', () => {
  test('yields every matching event in order; break stops requesting', async () => {
    const want = mock.resources.events.filter((e) => e.event_type === 'portout.foc_date_changed');
    const tag = uid('evi');
    const got = await drain(iterPortoutEvents({ filter: { event_type: 'portout.foc_date_changed' }, page: { size: 40 } }, { baseUrl: fb(tag) }));
    assert.deepEqual(got, want);
    assert.equal((await stats(tag)).requests, Math.ceil(want.length / 40));

    const tag2 = uid('evb');
    let n = 0;
    for await (const e of iterPortoutEvents({ page: { size: 5 } }, { baseUrl: fb(tag2) })) {
      assert.equal(e.id, mock.resources.events[n].id);
      if (++n === 7) break;
    }
    await sleep(50);
    const s = await stats(tag2);
    assert.ok(s.requests <= 3, `requests ${s.requests}`);
    assert.equal(s.inFlight, 0);
  });

  test('validation: bad filters never reach the server', async () => {
    await refusedLocally((o) => drain(iterPortoutEvents({ filter: { event_type: 'nope' } }, o)), { code: 'invalid_filter', path: 'filter.event_type' });
    await refusedLocally((o) => drain(iterPortoutEvents({ page: { size: 0 } }, o)), { code: 'invalid_filter' });
    await refusedLocally((o) => drain(iterPortoutEvents(undefined, { ...o, signal: 'x' })), { code: 'invalid_options', path: 'signal' });
  });

  test('server errors: 422/404 faults', async () => {
    await mapsFaults((o) => drain(iterPortoutEvents(undefined, o)));
  });
});

describe('getPortoutEvent', () => {
  test('returns the event exactly, also one just created', async () => {
    const e = mock.resources.events[123];
    assert.deepEqual(await getPortoutEvent(e.id, { baseUrl: base }), e);
    const p = freshPending();
    await createPortoutComment(p.id, { body: 'for the event' }, { baseUrl: base });
    const created = eventsOf(p.id, 'portout.new_comment')[0];
    const got = await getPortoutEvent(created.id, { baseUrl: base });
    assert.deepEqual(got, created);
    assert.equal(got.payload.comment, 'for the event');
  });

  test('validation: bad ids never reach the server', async () => {
    for (const id of ['', 'abc', 'a/b', `${mock.resources.events[0].id}/republish`, null]) {
      await refusedLocally((o) => getPortoutEvent(id, o), { code: 'invalid_params', path: 'id' });
    }
  });

  test('server errors: 422/404 faults; an unknown event is not_found', async () => {
    await mapsFaults((o) => getPortoutEvent(mock.resources.events[0].id, o));
    await rejectsWith(getPortoutEvent(UNKNOWN_UUID, { baseUrl: base }), { code: 'not_found', status: 404, requestId: /^req-/ });
  });
});

describe('republishPortoutEvent', () => {
  test('resolves to undefined; the mock logs the POST and counts it per event', async () => {
    const e = mock.resources.events[200];
    const tag = uid('rep');
    assert.equal(await republishPortoutEvent(e.id, { baseUrl: fb(tag) }), undefined);
    assert.equal(await republishPortoutEvent(e.id, { baseUrl: fb(tag) }), undefined);
    const entries = logOf(tag);
    assert.deepEqual(entries.map((x) => [x.method, x.path, x.status, x.republish]), [
      ['POST', `/v2/portouts/events/${e.id}/republish`, 204, { event_id: e.id, count: 1 }],
      ['POST', `/v2/portouts/events/${e.id}/republish`, 204, { event_id: e.id, count: 2 }],
    ]);
    assert.equal(mock.resources.republishes.get(e.id), 2);
  });

  test('validation: bad ids never reach the server', async () => {
    for (const id of ['', 'abc', '../x', `${mock.resources.events[0].id}?x`, 1]) {
      await refusedLocally((o) => republishPortoutEvent(id, o), { code: 'invalid_params', path: 'id' });
    }
  });

  test('server errors: 422/404 faults do not republish; an unknown event is not_found', async () => {
    const e = mock.resources.events[201];
    await mapsFaults((o) => republishPortoutEvent(e.id, o), { state: () => mock.resources.republishes.get(e.id) ?? 0 });
    await rejectsWith(republishPortoutEvent(UNKNOWN_UUID, { baseUrl: base }), { code: 'not_found', status: 404, requestId: /^req-/ });
  });
});

// ---- reports ----------------------------------------------------------------

const reportBody = (filters = { status__in: ['ported'] }) => ({ report_type: 'export_portouts_csv', params: { filters } });

/** Polls getPortoutReport until `completed` (or fails after a while). */
async function untilCompleted(id) {
  for (let i = 0; i < 100; i++) {
    const r = await getPortoutReport(id, { baseUrl: base });
    if (r.status === 'completed') return r;
    await sleep(25);
  }
  throw new Error(`report ${id} never completed`);
}

describe('createPortoutReport', () => {
  test('a created report is pending, listed first, then completed with a document id after the delay', async () => {
    const t0 = Date.now();
    const r = await createPortoutReport(reportBody({ status__in: ['ported', 'canceled'], created_at__gt: new Date(Date.UTC(2025, 0, 1)), end_user_name: 'Renée' }), { baseUrl: base });
    assert.equal(r.status, 'pending');
    assert.equal(r.report_type, 'export_portouts_csv');
    assert.equal(r.record_type, 'portout_report');
    assert.equal(r.document_id ?? null, null);
    assert.deepEqual(r.params, { filters: { status__in: ['ported', 'canceled'], created_at__gt: '2025-01-01T00:00:00.000Z', end_user_name: 'Renée' } });
    assert.equal(mock.resources.reports[0].id, r.id);
    const listed = await listPortoutReports(undefined, { baseUrl: base });
    assert.equal(listed.data[0].id, r.id);
    if (Date.now() - t0 < REPORT_DELAY_MS) assert.equal(listed.data[0].status, 'pending');
    const done = await untilCompleted(r.id);
    assert.ok(Date.now() - t0 >= REPORT_DELAY_MS);
    assert.match(done.document_id, /^[0-9a-f-]{36}$/);
    assert.equal(Date.parse(done.updated_at) - Date.parse(done.created_at), REPORT_DELAY_MS);
    assert.deepEqual(done.params, r.params);
  });

  test('validation: bad report bodies never reach the server', async () => {
    for (const v of [undefined, {}, 'x', { report_type: 'csv', params: { filters: {} } }, { report_type: 'export_portouts_csv' }, reportBody('x'),
      reportBody({ status__in: ['done'] }), reportBody({ created_at__gt: 'yesterday' }), reportBody({ phone_numbers__overlaps: ['555'] }),
      reportBody({ status: 'pending' }), reportBody({ customer_reference__in: [1] }), { ...reportBody(), extra: 1 }]) {
      await refusedLocally((o) => createPortoutReport(v, o), { code: 'invalid_params' });
    }
    await refusedLocally((o) => createPortoutReport(reportBody({ status__in: ['x'] }), o), { code: 'invalid_params', path: 'params.filters.status__in[0]' });
  });

  test('server errors: 422/404 faults create no report', async () => {
    await mapsFaults((o) => createPortoutReport(reportBody(), o), { state: () => mock.resources.reports.length });
  });
});

describe('getPortoutReport', () => {
  test('returns a seeded report exactly, and a new one goes pending → completed', async () => {
    const seeded = mock.resources.reports.find((r) => r.status === 'completed');
    assert.deepEqual(await getPortoutReport(seeded.id, { baseUrl: base }), seeded);
    const t0 = Date.now();
    const r = await createPortoutReport(reportBody(), { baseUrl: base });
    const first = await getPortoutReport(r.id, { baseUrl: base });
    if (Date.now() - t0 < REPORT_DELAY_MS) {
      assert.equal(first.status, 'pending');
      assert.equal(first.document_id ?? null, null);
    }
    const done = await untilCompleted(r.id);
    assert.equal(done.status, 'completed');
    assert.match(done.document_id, /^[0-9a-f-]{36}$/);
    assert.deepEqual(await getPortoutReport(r.id, { baseUrl: base }), done, 'stays completed');
  });

  test('validation: bad ids never reach the server', async () => {
    for (const id of ['', 'abc', 'a/b', {}, undefined]) {
      await refusedLocally((o) => getPortoutReport(id, o), { code: 'invalid_params', path: 'id' });
    }
  });

  test('server errors: 422/404 faults; an unknown report is not_found', async () => {
    await mapsFaults((o) => getPortoutReport(mock.resources.reports[0].id, o));
    await rejectsWith(getPortoutReport(UNKNOWN_UUID, { baseUrl: base }), { code: 'not_found', status: 404, requestId: /^req-/ });
  });
});

describe('listPortoutReports', () => {
  test('a page matches the mock; filters by status and report_type; paging', async () => {
    await untilCompleted((await createPortoutReport(reportBody(), { baseUrl: base })).id);
    const all = mock.resources.reports;
    const page = await listPortoutReports(undefined, { baseUrl: base });
    assert.deepEqual(page.data, all.slice(0, 20));
    assert.equal(page.meta.total_results, all.length);
    const completed = await listPortoutReports({ filter: { status: 'completed', report_type: 'export_portouts_csv' } }, { baseUrl: base });
    assert.deepEqual(completed.data.map((r) => r.id), all.filter((r) => r.status === 'completed').map((r) => r.id));
    assert.ok(completed.data.every((r) => typeof r.document_id === 'string'));
    const p1 = await listPortoutReports({ page: { size: 2 } }, { baseUrl: base });
    assert.equal(p1.hasNextPage(), true);
    const p2 = await p1.nextPage();
    assert.deepEqual([...p1.data, ...p2.data].map((r) => r.id), all.slice(0, 4).map((r) => r.id));

    const t0 = Date.now();
    const r = await createPortoutReport(reportBody(), { baseUrl: base });
    const pending = await listPortoutReports({ filter: { status: 'pending' } }, { baseUrl: base });
    if (Date.now() - t0 < REPORT_DELAY_MS) assert.deepEqual(pending.data.map((x) => x.id), [r.id]);
    await untilCompleted(r.id);
    assert.deepEqual((await listPortoutReports({ filter: { status: 'pending' } }, { baseUrl: base })).data, []);
  });

  test('validation: bad filters never reach the server', async () => {
    for (const q of [{ filter: { status: 'done' } }, { filter: { report_type: 'pdf' } }, { filter: { status: ['pending'] } }, { status: 'pending' }, { page: { size: 0 } }]) {
      await refusedLocally((o) => listPortoutReports(q, o), { code: 'invalid_filter' });
    }
  });

  test('server errors: 422/404 faults', async () => {
    await mapsFaults((o) => listPortoutReports(undefined, o));
  });
});

describe('listAllPortoutReports', () => {
  test('returns meta.total_results reports once each, in order', async () => {
    const { meta } = await listPortoutReports(undefined, { baseUrl: base });
    const progress = [];
    const all = await listAllPortoutReports({ page: { size: 2 } }, { baseUrl: base, onProgress: (p) => progress.push(p) });
    assert.equal(all.length, meta.total_results);
    assert.equal(new Set(all.map((r) => r.id)).size, all.length);
    assert.deepEqual(all, mock.resources.reports);
    assert.deepEqual(progress.at(-1), { pagesDone: Math.ceil(all.length / 2), totalPages: Math.ceil(all.length / 2), itemsDone: all.length, totalResults: all.length });
    assert.deepEqual((await listAllPortoutReports({ filter: { status: 'completed' } }, { baseUrl: base })).map((r) => r.id), mock.resources.reports.filter((r) => r.status === 'completed').map((r) => r.id));
  });

  test('validation: bad filters never reach the server', async () => {
    await refusedLocally((o) => listAllPortoutReports({ filter: { status: 'x' } }, o), { code: 'invalid_filter', path: 'filter.status' });
    await refusedLocally((o) => listAllPortoutReports(undefined, { ...o, maxItems: 0 }), { code: 'invalid_options' });
  });

  test('server errors: 422/404 faults', async () => {
    await mapsFaults((o) => listAllPortoutReports(undefined, o), { single: false });
  });
});

describe('iterPortoutReports', () => {
  test('yields every report in order, one request a page', async () => {
    const tag = uid('rpi');
    const got = await drain(iterPortoutReports({ page: { size: 1 } }, { baseUrl: fb(tag) }));
    assert.deepEqual(got, mock.resources.reports);
    assert.equal((await stats(tag)).requests, got.length);
  });

  test('validation: bad filters never reach the server', async () => {
    await refusedLocally((o) => drain(iterPortoutReports({ filter: { report_type: 'pdf' } }, o)), { code: 'invalid_filter', path: 'filter.report_type' });
  });

  test('server errors: 422/404 faults', async () => {
    await mapsFaults((o) => drain(iterPortoutReports(undefined, o)));
  });
});

// ---- the write-retry policy -----------------------------------------------------

/**
 * The writes: `make()` returns { call(options), count() } for a fresh target, where count()
 * is how many times the write took effect.
 */
const WRITES = {
  createPortoutComment: {
    warning: /It was not retried: the comment may have been created; check before retrying/,
    make() {
      const p = freshPending();
      const n = () => mock.resources.comments.get(p.id)?.length ?? 0;
      const base0 = n();
      return { call: (o) => createPortoutComment(p.id, { body: 'retry policy' }, o), count: () => n() - base0 };
    },
  },
  updatePortoutStatus: {
    warning: /It was not retried: the status may have been changed; check before retrying/,
    make() {
      const p = freshPending();
      return {
        call: (o) => updatePortoutStatus(p.id, 'rejected-pending', { reason: 'retry policy' }, o),
        count: () => eventsOf(p.id, 'portout.status_changed').length,
      };
    },
  },
  createPortoutSupportingDocuments: {
    warning: /It was not retried: the documents may have been attached; check before retrying/,
    make() {
      const p = freshPending();
      const documents = [{ type: 'loa', document_id: mock.dataset[20].id }];
      const n = () => mock.resources.documents.get(p.id)?.length ?? 0;
      const base0 = n();
      return { call: (o) => createPortoutSupportingDocuments(p.id, { documents }, o), count: () => n() - base0 };
    },
  },
  createPortoutReport: {
    warning: /It was not retried: the report may have been created; check before retrying/,
    make() {
      const marker = `retry ${uid('rp')}`;
      return {
        call: (o) => createPortoutReport(reportBody({ end_user_name: marker }), o),
        count: () => mock.resources.reports.filter((r) => r.params?.filters?.end_user_name === marker).length,
      };
    },
  },
  republishPortoutEvent: {
    warning: /It was not retried: the event may have been republished; check before retrying/,
    make() {
      const e = mock.resources.events[300 + tagCounter];
      return { call: (o) => republishPortoutEvent(e.id, o), count: () => mock.resources.republishes.get(e.id) ?? 0 };
    },
  },
};

describe('write-retry policy', () => {
  for (const [name, { warning, make }] of Object.entries(WRITES)) {
    test(`${name}: a 429 or 503 is retried (2 requests, one write)`, async () => {
      for (const d of ['status=429,retry_after=0,times=1', 'status=503,retry_after=0,times=1']) {
        const w = make();
        const tag = uid('w');
        await w.call({ baseUrl: fb(tag, d), maxRetries: 2 });
        assert.equal((await stats(tag)).requests, 2, d);
        assert.equal(w.count(), 1, `${d}: the write happened once`);
      }
    });

    test(`${name}: a 429 with maxRetries 0 is rate_limited after 1 request; retries are capped by maxRetries`, async () => {
      let w = make();
      let tag = uid('w');
      await rejectsWith(w.call({ baseUrl: fb(tag, 'status=429,retry_after=0'), maxRetries: 0 }), { code: 'rate_limited', status: 429 });
      assert.equal((await stats(tag)).requests, 1);
      assert.equal(w.count(), 0);
      w = make();
      tag = uid('w');
      await rejectsWith(w.call({ baseUrl: fb(tag, 'status=503,retry_after=0'), maxRetries: 2 }), { code: 'server_error', status: 503 });
      assert.equal((await stats(tag)).requests, 3);
      assert.equal(w.count(), 0);
    });

    test(`${name}: a 500 or 502 is not retried (1 request, retryable false, the warning)`, async () => {
      for (const [d, status] of [['status=500,times=1', 500], ['body=html,times=1', 502]]) {
        const w = make();
        const tag = uid('w');
        const err = await rejectsWith(w.call({ baseUrl: fb(tag, d), maxRetries: 3 }), { code: 'server_error', status, retryable: false, message: warning });
        await sleep(100);
        assert.equal((await stats(tag)).requests, 1, `${d}: not retried`);
        assert.equal(err.requestId, logOf(tag)[0].requestId);
        assert.equal(w.count(), 0, 'the mock did not apply the faulted write');
      }
    });

    test(`${name}: a timeout is not retried (1 request, retryable false, the warning)`, async () => {
      const w = make();
      const tag = uid('w');
      const t0 = Date.now();
      await rejectsWith(w.call({ baseUrl: fb(tag, 'hang=1,times=1'), timeoutMs: 300, maxRetries: 3 }), { code: 'timeout', retryable: false, message: warning });
      assert.ok(Date.now() - t0 >= 290, 'waited timeoutMs');
      await sleep(400);
      const s = await stats(tag);
      assert.equal(s.requests, 1, 'not retried');
      assert.equal(s.inFlight, 0, 'the hanging request was closed');
      assert.equal(w.count(), 0);
    });

    test(`${name}: a dropped connection is not retried (network, retryable false, the warning)`, async () => {
      const w = make();
      const tag = uid('w');
      await rejectsWith(w.call({ baseUrl: fb(tag, 'body=drop,times=1'), maxRetries: 3 }), { code: 'network', retryable: false, message: warning });
      await sleep(100);
      assert.equal((await stats(tag)).requests, 1);
      assert.equal(w.count(), 1, 'the write happened, only the answer was lost (hence the warning)');
    });
  }
});

// ---- the requests the mock received -------------------------------------------------

describe('requests on the wire', () => {
  test('writes send the exact JSON body with Content-Type application/json and the Authorization header', async () => {
    const p = freshPending();
    const tag = uid('wire');
    const opts = { baseUrl: fb(tag, `auth=${KEY}`), apiKey: KEY };
    const doc = mock.dataset[30].id;
    const ev = mock.resources.events[400].id;
    await createPortoutComment(p.id, { body: 'Wire "test" é\n' }, opts);
    await createPortoutSupportingDocuments(p.id, { documents: [{ type: 'invoice', document_id: doc }] }, opts);
    await updatePortoutStatus(p.id, 'rejected-pending', { reason: 'No LOA', host_messaging: false }, opts);
    await updatePortoutStatus(p.id, 'authorized', { reason: '' }, opts);
    await createPortoutReport(reportBody({ created_at__lt: '2026-01-01T00:00:00+02:00', customer_reference__in: ['a,b', 'c'], phone_numbers__overlaps: ['+13035551212'] }), opts);
    await republishPortoutEvent(ev, opts);
    const entries = logOf(tag);
    assert.deepEqual(entries.map((e) => [e.method, e.path, e.status, e.query]), [
      ['POST', `/v2/portouts/${p.id}/comments`, 201, ''],
      ['POST', `/v2/portouts/${p.id}/supporting_documents`, 201, ''],
      ['PATCH', `/v2/portouts/${p.id}/rejected-pending`, 200, ''],
      ['PATCH', `/v2/portouts/${p.id}/authorized`, 200, ''],
      ['POST', '/v2/portouts/reports', 201, ''],
      ['POST', `/v2/portouts/events/${ev}/republish`, 204, ''],
    ]);
    assert.equal(entries[0].body, JSON.stringify({ body: 'Wire "test" é\n' }));
    assert.equal(entries[1].body, JSON.stringify({ documents: [{ type: 'invoice', document_id: doc }] }));
    assert.equal(entries[2].body, JSON.stringify({ reason: 'No LOA', host_messaging: false }));
    assert.equal(entries[3].body, JSON.stringify({ reason: '' }));
    assert.deepEqual(JSON.parse(entries[4].body), reportBody({ created_at__lt: '2026-01-01T00:00:00+02:00', customer_reference__in: ['a,b', 'c'], phone_numbers__overlaps: ['+13035551212'] }));
    assert.equal(entries[5].body, null, 'republish sends no body');
    for (const e of entries) {
      assert.equal(e.headers.authorization, `Bearer ${KEY}`);
      if (e.body !== null) assert.match(e.headers['content-type'], /^application\/json(\s*;\s*charset=utf-8)?$/i);
    }
  });

  test('a Date in a report filter is sent as an RFC 3339 string', async () => {
    const tag = uid('wire');
    await createPortoutReport(reportBody({ created_at__gt: new Date(Date.UTC(2025, 5, 1, 12, 30)) }), { baseUrl: fb(tag) });
    assert.deepEqual(JSON.parse(logOf(tag)[0].body), reportBody({ created_at__gt: '2025-06-01T12:30:00.000Z' }));
  });

  test('without apiKey no Authorization header is sent; with one, reads send it too (and a wrong key is authentication)', async () => {
    const p = portoutWith(mock.resources.comments, 1);
    const tag = uid('wire');
    await createPortoutComment(p.id, { body: 'keyless' }, { baseUrl: fb(tag) });
    assert.equal(logOf(tag)[0].headers.authorization, undefined);
    assert.equal(logOf(tag)[0].headers['content-type'], 'application/json');

    const tag2 = uid('wire');
    const opts = { baseUrl: fb(tag2, `auth=${KEY}`), apiKey: KEY };
    const e = mock.resources.events[0];
    await listPortoutComments(p.id, opts);
    await listPortoutSupportingDocuments(p.id, opts);
    await listPortoutRejectionCodes(p.id, { filter: { code: [1001] } }, opts);
    await listPortoutEvents({ filter: { portout_id: p.id } }, opts);
    await listAllPortoutEvents({ filter: { portout_id: p.id } }, opts);
    await drain(iterPortoutEvents({ filter: { portout_id: p.id } }, opts));
    await getPortoutEvent(e.id, opts);
    await listPortoutReports(undefined, opts);
    await listAllPortoutReports(undefined, opts);
    await drain(iterPortoutReports(undefined, opts));
    await getPortoutReport(mock.resources.reports[0].id, opts);
    const entries = logOf(tag2);
    assert.ok(entries.length >= 11);
    for (const x of entries) {
      assert.equal(x.method, 'GET');
      assert.equal(x.headers.authorization, `Bearer ${KEY}`);
      assert.equal(x.status < 300, true, `${x.path}: ${x.status}`);
    }
    const tag3 = uid('wire');
    const err = await rejectsWith(createPortoutComment(p.id, { body: 'x' }, { baseUrl: fb(tag3, `auth=${KEY}`), apiKey: 'WRONGkey123' }), { code: 'authentication', status: 401 });
    assert.ok(!err.message.includes('WRONGkey123'));
  });
});

// ---- the client object ----------------------------------------------------------------

const CLIENT_METHODS = [
  'listPortouts', 'listAllPortouts', 'iterPortoutPages', 'iterPortouts', 'getPortout',
  'updatePortoutStatus', 'listPortoutRejectionCodes', 'listPortoutComments', 'createPortoutComment',
  'listPortoutSupportingDocuments', 'createPortoutSupportingDocuments',
  'listPortoutEvents', 'listAllPortoutEvents', 'iterPortoutEvents', 'getPortoutEvent', 'republishPortoutEvent',
  'listPortoutReports', 'listAllPortoutReports', 'iterPortoutReports', 'createPortoutReport', 'getPortoutReport',
  'watchPortoutEvents',
];

describe('createPortoutsClient', () => {
  test('has every method, as functions', () => {
    const client = createPortoutsClient({ baseUrl: base });
    assert.deepEqual(Object.keys(client).sort(), [...CLIENT_METHODS].sort());
    for (const name of CLIENT_METHODS) assert.equal(typeof client[name], 'function', name);
  });

  test('every method uses the bound baseUrl and apiKey', async () => {
    const tag = uid('cl');
    const client = createPortoutsClient({ baseUrl: fb(tag, `auth=${KEY}`), apiKey: KEY });
    const p = freshPending();
    const e = mock.resources.events[500];
    const commentsBefore = mock.resources.comments.get(p.id)?.slice() ?? [];
    const docsBefore = mock.resources.documents.get(p.id)?.slice() ?? [];
    const eventsBefore = eventsOf(p.id).length;
    assert.equal((await client.listPortouts({ page: { size: 1 } })).data.length, 1);
    assert.equal((await client.listAllPortouts({ page: { size: 5 } }, { maxItems: 5 })).length, 5);
    assert.equal((await client.iterPortoutPages({ page: { size: 2 } }).next()).value.data.length, 2);
    assert.equal((await client.iterPortouts({ page: { size: 2 } }).next()).value.id, mock.dataset[0].id);
    assert.equal((await client.getPortout(p.id)).id, p.id);
    const c = await client.createPortoutComment(p.id, { body: 'via client' });
    assert.deepEqual(await client.listPortoutComments(p.id), [...commentsBefore, c]);
    const docs = await client.createPortoutSupportingDocuments(p.id, { documents: [{ type: 'loa', document_id: mock.dataset[40].id }] });
    assert.deepEqual(await client.listPortoutSupportingDocuments(p.id), [...docsBefore, ...docs]);
    assert.deepEqual((await client.listPortoutRejectionCodes(p.id, { filter: { code: 1004 } })).map((r) => r.code), [1004]);
    assert.equal((await client.updatePortoutStatus(p.id, 'authorized', { reason: '' })).status, 'authorized');
    assert.equal(eventsOf(p.id).length, eventsBefore + 2, 'a new_comment and a status_changed event');
    assert.equal((await client.listPortoutEvents({ filter: { portout_id: p.id } })).meta.total_results, eventsBefore + 2);
    assert.deepEqual(await client.listAllPortoutEvents({ filter: { portout_id: p.id } }), eventsOf(p.id));
    assert.deepEqual(await drain(client.iterPortoutEvents({ filter: { portout_id: p.id } })), eventsOf(p.id));
    assert.deepEqual(await client.getPortoutEvent(e.id), e);
    assert.equal(await client.republishPortoutEvent(e.id), undefined);
    const r = await client.createPortoutReport(reportBody());
    assert.equal((await client.getPortoutReport(r.id)).id, r.id);
    assert.equal((await client.listPortoutReports()).data[0].id, r.id);
    assert.equal((await client.listAllPortoutReports())[0].id, r.id);
    assert.equal((await drain(client.iterPortoutReports()))[0].id, r.id);
    const entries = logOf(tag);
    assert.ok(entries.length >= 21);
    for (const x of entries) {
      assert.equal(x.headers.authorization, `Bearer ${KEY}`);
      assert.ok(x.status >= 200 && x.status < 300, `${x.method} ${x.path}: ${x.status}`);
    }
  });

  test('per-call options are merged over the bound ones', async () => {
    const hangTag = uid('cl');
    const client = createPortoutsClient({ baseUrl: fb(hangTag, `auth=${KEY},hang=1`), apiKey: KEY, maxRetries: 0 });
    const p = portoutWith(mock.resources.comments, 1);
    // timeoutMs per call; the bound baseUrl (hanging) and apiKey are kept.
    await rejectsWith(client.getPortout(p.id, { timeoutMs: 300 }), { code: 'timeout' });
    await rejectsWith(client.createPortoutComment(p.id, { body: 'x' }, { timeoutMs: 300 }), { code: 'timeout', retryable: false });
    await rejectsWith(client.updatePortoutStatus(p.id, 'authorized', { reason: '' }, { timeoutMs: 300 }), { code: 'timeout' });
    await rejectsWith(client.listPortoutRejectionCodes(p.id, undefined, { timeoutMs: 300 }), { code: 'timeout' });
    await sleep(50);
    const hung = logOf(hangTag);
    assert.equal(hung.length, 4);
    assert.ok(hung.every((x) => x.headers.authorization === `Bearer ${KEY}` && x.fault === 'hang'));

    // baseUrl per call; the bound apiKey is kept (the auth directive requires it).
    const okTag = uid('cl');
    assert.deepEqual(await client.listPortoutComments(p.id, { baseUrl: fb(okTag, `auth=${KEY}`), timeoutMs: 5000 }), mock.resources.comments.get(p.id));
    assert.equal(logOf(okTag)[0].headers.authorization, `Bearer ${KEY}`);
    // apiKey per call wins over the bound one.
    const keyTag = uid('cl');
    await rejectsWith(client.listPortoutComments(p.id, { baseUrl: fb(keyTag, `auth=${KEY}`), apiKey: 'OTHERkey42' }), { code: 'authentication', status: 401 });
    assert.equal(logOf(keyTag)[0].headers.authorization, 'Bearer OTHERkey42');
    // maxRetries per call over the bound 0: a read retried after a 500.
    const retryTag = uid('cl');
    await client.getPortout(p.id, { baseUrl: fb(retryTag, 'status=500,times=1'), maxRetries: 1 });
    assert.equal((await stats(retryTag)).requests, 2);
    // list-all options per call (concurrency, onProgress) with bound options.
    const laTag = uid('cl');
    const progress = [];
    const laClient = createPortoutsClient({ baseUrl: fb(laTag, `auth=${KEY}`), apiKey: KEY });
    const all = await laClient.listAllPortoutEvents({ page: { size: 200 } }, { concurrency: 2, onProgress: (x) => progress.push(x) });
    assert.equal(all.length, mock.resources.events.length);
    assert.equal(progress.at(-1).pagesDone, Math.ceil(all.length / 200));
    assert.ok((await stats(laTag)).maxInFlight <= 2);
  });

  test('per-call undefined or null options keep the bound ones', async () => {
    const tag = uid('cl');
    const client = createPortoutsClient({ baseUrl: fb(tag, `auth=${KEY}`), apiKey: KEY });
    const p = mock.dataset[50];
    assert.equal((await client.getPortout(p.id, undefined)).id, p.id);
    // `options?: ClientOptions | null` in the types: null must not drop the bound options
    // (that would send the call to the default https://api.telnyx.com/v2 without the key).
    // fetch is guarded so that such a call never leaves the machine.
    const realFetch = globalThis.fetch;
    const elsewhere = [];
    globalThis.fetch = (input, init) => {
      const url = typeof input === 'string' ? input : input.url;
      if (!url.startsWith(mock.url)) {
        elsewhere.push(url);
        return Promise.reject(new TypeError(`blocked by the test: ${url}`));
      }
      return realFetch(input, init);
    };
    try {
      let got;
      let error;
      try {
        got = await client.getPortout(p.id, null);
      } catch (e) {
        error = e;
      }
      assert.deepEqual(elsewhere, [], 'client.getPortout(id, null) must not leave the bound baseUrl');
      assert.equal(error, undefined);
      assert.equal(got.id, p.id);
      assert.equal(logOf(tag).at(-1).headers.authorization, `Bearer ${KEY}`);
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  test('a method of a client made with a bad option rejects with invalid_options, without a request', async () => {
    const p = mock.dataset[51];
    const e = mock.resources.events[0];
    for (const [bad, path] of [[{ timeoutMs: 0 }, 'timeoutMs'], [{ maxRetries: 11 }, 'maxRetries'], [{ baseUrl: 'ftp://x/v2' }, 'baseUrl'], [{ apiKey: 'has space' }, 'apiKey'], [{ baseURL: 'x' }, undefined]]) {
      const tag = uid('bad');
      const client = createPortoutsClient({ baseUrl: fb(tag), ...bad });
      const calls = {
        updatePortoutStatus: () => client.updatePortoutStatus(p.id, 'authorized', { reason: '' }),
        listPortoutRejectionCodes: () => client.listPortoutRejectionCodes(p.id),
        listPortoutComments: () => client.listPortoutComments(p.id),
        createPortoutComment: () => client.createPortoutComment(p.id, { body: 'x' }),
        listPortoutSupportingDocuments: () => client.listPortoutSupportingDocuments(p.id),
        createPortoutSupportingDocuments: () => client.createPortoutSupportingDocuments(p.id, { documents: [{ type: 'loa', document_id: p.id }] }),
        listPortoutEvents: () => client.listPortoutEvents(),
        listAllPortoutEvents: () => client.listAllPortoutEvents(),
        iterPortoutEvents: () => drain(client.iterPortoutEvents()),
        getPortoutEvent: () => client.getPortoutEvent(e.id),
        republishPortoutEvent: () => client.republishPortoutEvent(e.id),
        listPortoutReports: () => client.listPortoutReports(),
        listAllPortoutReports: () => client.listAllPortoutReports(),
        iterPortoutReports: () => drain(client.iterPortoutReports()),
        createPortoutReport: () => client.createPortoutReport(reportBody()),
        getPortoutReport: () => client.getPortoutReport(mock.resources.reports[0].id),
        getPortout: () => client.getPortout(p.id),
        listPortouts: () => client.listPortouts(),
      };
      const logLength = mock.log.length;
      for (const [name, call] of Object.entries(calls)) {
        const err = await rejectsWith(call(), { code: 'invalid_options' }).catch((x) => { throw new Error(`${name} with ${JSON.stringify(bad)}: ${x.message}`); });
        if (path) assert.equal(err.path, path, name);
      }
      assert.equal(mock.log.length, logLength, 'no request was sent');
      assert.equal((await stats(tag)).requests, 0);
    }
  });
});
