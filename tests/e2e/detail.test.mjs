// End-to-end tests of the demo page's port-out detail panel (#detail) and CSV reports card
// (#reports), in Chromium, against the mock Telnyx server.
//
//   node --test tests/e2e/detail.test.mjs
//
// Same set-up as e2e.test.mjs: the mock (port 0, in-process, reports complete after 1.5 s), the
// www static server (port 0) serving a private copy of pkg/, and the page opened as
// `/?baseUrl=<mock>/__mock/tag=<tag>[,<faults>]/v2[&…]`. Every test starts from the mock's seeded
// state (mock.reset()) and checks the page against the mock's own records, comments, documents,
// events, reports and request log. Screenshots go to test-output/screenshots/.
import { test, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

import { REJECTION_CODES } from '../mock/seed.mjs';
import { useHarness, PHONE, PAGE_SIZE } from './harness.mjs';

const REPORT_DELAY_MS = 1500;
const h = useHarness({ reportDelayMs: REPORT_DELAY_MS });
const { api, openPage, pageUrl, shot, consoleProblems } = h;
let mock;
/** The package's Node entry (same copy the page gets), to get the library's own messages. */
let lib;
before(async () => {
  await h.ready;
  ({ mock, lib } = h);
});

// Every test starts from the seeded state, so no test depends on another one's writes.
beforeEach(() => {
  mock?.reset();
  taken.clear();
});

// ---- helpers ---------------------------------------------------------------------------------

/** Requests of one tag (from the live log), optionally of one method, optionally under a path. */
function requests(tag, method, pathPrefix) {
  return mock.log.filter((e) => e.directives?.tag === tag && (!method || e.method === method)
    && (!pathPrefix || e.path.startsWith(pathPrefix)));
}

const detailLoads = (page) => page.$eval('#detail', (el) => Number(el.dataset.loads));

/** Runs `action` and waits for the panel operation it starts to finish (#detail[data-loads] grows). */
async function detailSettle(page, action, { timeout = 20_000 } = {}) {
  const n = await detailLoads(page);
  await action();
  await page.waitForFunction((m) => Number(document.getElementById('detail').dataset.loads) > m, n, { timeout });
}

/** Waits until the panel is open on `record` and loaded. */
async function waitForDetail(page, record) {
  await page.waitForFunction(({ id, key }) => {
    const d = document.getElementById('detail');
    return !d.hidden && d.dataset.portoutId === id && d.dataset.state === 'ready'
      && document.getElementById('detail-title').textContent.trim() === key;
  }, { id: record.id, key: record.support_key }, { timeout: 20_000 });
}

const rowSel = (id) => `#results-body tr[data-id="${id}"]`;

/** Clicks the table row of `record` and waits for its panel. */
async function openByClick(page, record) {
  await detailSettle(page, () => page.click(rowSel(record.id)));
  await waitForDetail(page, record);
}

/** Waits until the panel is hidden; fails with `why` otherwise. */
async function waitDetailHidden(page, why, timeout = 10_000) {
  await page.waitForFunction(() => document.getElementById('detail').hidden, null, { timeout })
    .catch(() => assert.fail(`${why}: #detail is still visible after ${timeout} ms`));
}

async function closeDetail(page) {
  await page.click('#detail-close');
  await waitDetailHidden(page, 'the close button closes the panel');
}

const detailHidden = (page) => page.$eval('#detail', (el) => el.hidden);
const urlPortout = (page) => new URL(page.url()).searchParams.get('portout');
const urlBaseUrl = (page) => new URL(page.url()).searchParams.get('baseUrl');
const text = (page, sel) => page.$eval(sel, (el) => el.textContent.trim());
const visible = (page, sel) => page.isVisible(sel);


const ids = (page, sel) => page.$$eval(sel, (els) => els.map((el) => el.dataset.id));
const mockComments = (id) => (mock.resources.comments.get(id) ?? []).slice();
const mockDocuments = (id) => (mock.resources.documents.get(id) ?? []).slice();
const mockEvents = (id) => mock.resources.events.filter((e) => e.portout_id === id);
const record = (id) => mock.dataset.find((r) => r.id === id);

/** The records of the default listing's first page (what the table shows). */
const page1 = () => mock.dataset.slice(0, PAGE_SIZE);

/** Port-outs a test uses, chosen from the mock's seeded data (distinct within a test). */
const taken = new Set();
function pick(what, pred, from = page1()) {
  const r = from.find((x) => !taken.has(x.id) && pred(x));
  assert.ok(r, `the seeded data has a port-out for: ${what}`);
  taken.add(r.id);
  return r;
}

/** The library's own message for a refused call (it must be refused before any request). */
async function libraryRefusal(call) {
  const tag = `lib${Math.random().toString(36).slice(2, 8)}`;
  const options = { baseUrl: api(tag), maxRetries: 0 };
  try {
    await call(options);
  } catch (e) {
    assert.equal(e.code, 'invalid_params', `the library refuses it as invalid_params (${e.message})`);
    assert.equal(requests(tag).length, 0, 'the library sent nothing');
    return e;
  }
  assert.fail('the library accepted the call');
}

/** What the mock's events route answers for one port-out (newest first). */
async function eventsFromApi(id) {
  const res = await fetch(`${mock.url}/v2/portouts/events?filter[portout_id]=${id}&page[size]=250`);
  return (await res.json()).data;
}

/** Shape check of a date or date-time as shown: the value's UTC day is in the text. */
function showsValue(shown, value) {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.every((v) => showsValue(shown, v));
  if (typeof value === 'boolean') return shown.length > 0;
  if (typeof value === 'number') return shown.includes(String(value));
  const s = String(value);
  if (/^\d{4}-\d{2}-\d{2}T/.test(s)) return shown.includes(s) || shown.includes(new Date(s).toISOString().slice(0, 10));
  return shown.includes(s);
}

// ---- tests -----------------------------------------------------------------------------------

test('a row opens the detail by click and by Enter; fields equal the record; the address has portout; close button and Escape close it', async (t) => {
  const tag = 'open';
  const page = await openPage(t, { baseUrl: api(tag) });
  const first = pick('any row on page 1 (click)', () => true);
  const second = pick('another row on page 1 (Enter)', (r) => r.status !== first.status);

  assert.equal(await page.getAttribute(rowSel(first.id), 'tabindex'), '0', 'rows are focusable');
  assert.equal(await detailHidden(page), true, 'the panel starts hidden');
  assert.equal(urlPortout(page), null);

  // Click.
  await openByClick(page, first);
  assert.equal(await detailHidden(page), false);
  assert.equal(await page.$eval('#detail', (el) => el.dataset.portoutId), first.id);
  assert.equal(urlPortout(page), first.id, 'the address names the port-out');
  assert.equal(urlBaseUrl(page), api(tag), 'the other address parameters are kept');
  assert.equal(await text(page, '#detail-title'), first.support_key);
  assert.equal(await text(page, '#detail-status'), first.status);
  assert.ok((await page.getAttribute('#detail-status', 'class')).split(/\s+/).includes(`status-${first.status}`),
    `#detail-status has class status-${first.status} (${await page.getAttribute('#detail-status', 'class')})`);
  const got = await page.$$eval('#detail-fields > div[data-field]', (divs) => divs.map((d) => ({
    key: d.dataset.field,
    dt: d.querySelector('dt')?.textContent.trim() ?? null,
    dd: d.querySelector('dd')?.textContent ?? null,
  })));
  assert.deepEqual(got.map((f) => f.key).sort(), Object.keys(first).sort(), 'one field per key of the record');
  for (const f of got) {
    assert.ok(f.dt, `${f.key}: has a <dt> label`);
    assert.notEqual(f.dd, null, `${f.key}: has a <dd> value`);
    assert.ok(showsValue(f.dd, first[f.key]), `${f.key}: shows ${JSON.stringify(first[f.key])} (shown: ${JSON.stringify(f.dd)})`);
  }
  const getRequest = requests(tag, 'GET', `/v2/portouts/${first.id}`);
  assert.ok(getRequest.length >= 1, 'the panel asked the API for the port-out');

  // Close button.
  await closeDetail(page);
  assert.equal(urlPortout(page), null, 'closing removes portout from the address');
  assert.equal(urlBaseUrl(page), api(tag));

  // Enter on a focused row.
  await page.focus(rowSel(second.id));
  await detailSettle(page, () => page.keyboard.press('Enter'));
  await waitForDetail(page, second);
  assert.equal(urlPortout(page), second.id);
  assert.equal(await text(page, '#detail-status'), second.status);

  // Escape.
  await page.keyboard.press('Escape');
  await waitDetailHidden(page, 'Escape closes the panel', 5000);
  assert.equal(urlPortout(page), null, 'Escape removes portout from the address');
});

test('?portout=<id> in the address opens the detail; reload keeps it; back closes it and forward reopens it', async (t) => {
  const tag = 'byurl';
  // A port-out that is not on the first page: the panel does not need the table to open it.
  const deep = pick('a port-out past page 1', () => true, mock.dataset.slice(PAGE_SIZE + 10));
  const page = await openPage(t, { baseUrl: api(tag), search: `portout=${deep.id}` });
  await waitForDetail(page, deep);
  assert.equal(await page.$(rowSel(deep.id)), null, 'it is not in the table');
  assert.equal(await text(page, '#detail-status'), deep.status);
  assert.equal(urlPortout(page), deep.id);

  await page.reload();
  await page.waitForFunction(() => Number(document.getElementById('app').dataset.loads) > 0);
  await waitForDetail(page, deep);
  assert.equal(urlPortout(page), deep.id, 'reload keeps the address');
  assert.equal(urlBaseUrl(page), api(tag));

  // Back and forward over a row click.
  const row = pick('a row on page 1', () => true);
  await page.goto(pageUrl(api(tag)));
  await page.waitForFunction(() => Number(document.getElementById('app').dataset.loads) > 0);
  assert.equal(await detailHidden(page), true, 'no portout in the address: no panel');
  await openByClick(page, row);
  assert.equal(urlPortout(page), row.id);

  await page.goBack();
  await waitDetailHidden(page, 'back closes the panel');
  assert.equal(urlPortout(page), null, 'back: the address loses portout');
  assert.equal(urlBaseUrl(page), api(tag));

  await page.goForward();
  await waitForDetail(page, row);
  assert.equal(urlPortout(page), row.id, 'forward: the address has portout again');

  await page.goBack();
  await waitDetailHidden(page, 'back (again) closes the panel');
  await page.goBack();
  await page.waitForFunction(() => Number(document.getElementById('app').dataset.loads) > 0);
  await waitForDetail(page, deep);
  assert.equal(urlPortout(page), deep.id, 'back to the first address reopens its port-out');
});

test('adding a comment: it appears at the end, the count and the timeline update; an empty comment is refused by the library without a request', async (t) => {
  const tag = 'comment';
  const page = await openPage(t, { baseUrl: api(tag) });
  const po = pick('a pending port-out with comments and events', (r) => r.status === 'pending'
    && mockComments(r.id).length >= 2 && mockEvents(r.id).length >= 2);
  await openByClick(page, po);

  // What is loaded matches the mock.
  const seeded = mockComments(po.id);
  assert.deepEqual(await ids(page, '#comment-list > li[data-id]'), seeded.map((c) => c.id), 'comments, oldest first');
  const shown = await page.$$eval('#comment-list > li[data-id]', (lis) => lis.map((li) => ({
    author: li.querySelector('.comment-author') !== null,
    time: li.querySelector('time') !== null,
    body: li.querySelector('.comment-body')?.textContent,
  })));
  shown.forEach((c, i) => {
    assert.ok(c.author && c.time, `comment ${i}: has an author and a <time>`);
    assert.equal(c.body, seeded[i].body, `comment ${i}: its text`);
  });
  assert.equal(await text(page, '#comment-count'), String(seeded.length));
  const events = mockEvents(po.id);
  assert.deepEqual(await ids(page, '#event-list > li[data-id]'), events.map((e) => e.id), 'events, newest first');
  // The screenshot shows the loaded comments and events (the panel's body scrolls).
  await page.evaluate(() => document.getElementById('comments-section').scrollIntoView({ block: 'start' }));
  await shot(page, 'detail-desktop');
  await page.evaluate(() => { document.getElementById('detail-body').scrollTop = 0; });

  // An empty, then a blank, comment: refused by the library, nothing sent.
  const refusal = await libraryRefusal((o) => lib.createPortoutComment(po.id, { body: '' }, o));
  assert.match(refusal.message, /body/);
  const textarea = page.getByLabel('Comment', { exact: true });
  const add = page.getByRole('button', { name: 'Add comment' });
  for (const value of ['', '   ']) {
    await textarea.fill(value);
    await add.click();
    await page.waitForSelector('#comment-body-error', { state: 'visible', timeout: 10_000 });
    const message = await text(page, '#comment-body-error');
    assert.ok(message.includes(refusal.message), `${JSON.stringify(value)}: the library's message "${refusal.message}" is shown (shown: "${message}")`);
    assert.match(message, /body/);
    assert.equal(await page.getAttribute('#comment-body', 'aria-invalid'), 'true');
  }
  await page.waitForTimeout(300);
  assert.equal(requests(tag, 'POST').length, 0, 'no POST was sent');
  assert.equal(mockComments(po.id).length, seeded.length);

  // A real comment.
  const body = `Checked with the "gaining" carrier — ok ✓ ${Date.now()}`;
  await textarea.fill(body);
  await detailSettle(page, () => add.click());
  const posts = requests(tag, 'POST', `/v2/portouts/${po.id}/comments`);
  assert.equal(posts.length, 1, 'one POST');
  assert.deepEqual(JSON.parse(posts[0].body), { body });
  assert.equal(posts[0].status, 201);
  const created = mockComments(po.id).at(-1);
  assert.equal(created.body, body);
  assert.deepEqual(await ids(page, '#comment-list > li[data-id]'), [...seeded.map((c) => c.id), created.id], 'the new comment is last');
  assert.equal(await text(page, '#comment-list > li[data-id]:last-child .comment-body'), body);
  assert.equal(await text(page, '#comment-count'), String(seeded.length + 1));
  assert.equal(await page.inputValue('#comment-body'), '', 'the textarea is cleared');
  const newest = mockEvents(po.id)[0];
  assert.equal(newest.event_type, 'portout.new_comment');
  const top = await page.$eval('#event-list > li[data-id]', (li) => ({ id: li.dataset.id, type: li.dataset.type }));
  assert.deepEqual(top, { id: newest.id, type: 'portout.new_comment' }, 'the timeline has the new comment event on top');
  assert.equal((await ids(page, '#event-list > li[data-id]')).length, events.length + 1);
});

test('attaching a document adds a row; a bad document id is refused by the library beside the field, without a request', async (t) => {
  const tag = 'document';
  const page = await openPage(t, { baseUrl: api(tag) });
  const po = pick('a port-out with a supporting document', (r) => mockDocuments(r.id).length >= 1);
  await openByClick(page, po);

  const seeded = mockDocuments(po.id);
  assert.deepEqual(await ids(page, '#document-list > tr[data-id]'), seeded.map((d) => d.id));
  const cells = await page.$$eval('#document-list > tr[data-id]', (trs) => trs.map((tr) => [...tr.querySelectorAll('td, th')].map((c) => c.textContent.trim())));
  cells.forEach((c, i) => {
    assert.ok(c.length >= 3, `document ${i}: type, id and date cells (${JSON.stringify(c)})`);
    assert.ok(c[0].toLowerCase().includes(seeded[i].type), `document ${i}: type ${seeded[i].type} (${c[0]})`);
    assert.ok(c[1].includes(seeded[i].document_id), `document ${i}: id ${seeded[i].document_id} (${c[1]})`);
    assert.ok(showsValue(c[2], seeded[i].created_at), `document ${i}: date ${seeded[i].created_at} (${c[2]})`);
  });

  // A bad id: refused before any request.
  const refusal = await libraryRefusal((o) => lib.createPortoutSupportingDocuments(po.id, { documents: [{ type: 'loa', document_id: 'not-a-uuid' }] }, o));
  assert.match(refusal.message, /documents\[0\]\.document_id/);
  await page.selectOption('#document-type', 'loa');
  await page.getByLabel('Document id', { exact: true }).fill('not-a-uuid');
  await page.getByRole('button', { name: 'Attach document' }).click();
  await page.waitForSelector('#document-id-error', { state: 'visible', timeout: 10_000 });
  const message = await text(page, '#document-id-error');
  assert.ok(message.includes(refusal.message), `the library's message "${refusal.message}" is shown (shown: "${message}")`);
  assert.equal(await page.getAttribute('#document-id', 'aria-invalid'), 'true');
  await page.waitForTimeout(300);
  assert.equal(requests(tag, 'POST').length, 0, 'no POST was sent');

  // A good one.
  const documentId = randomUUID();
  await page.selectOption('#document-type', 'invoice');
  await page.getByLabel('Document id', { exact: true }).fill(documentId);
  await detailSettle(page, () => page.getByRole('button', { name: 'Attach document' }).click());
  const posts = requests(tag, 'POST', `/v2/portouts/${po.id}/supporting_documents`);
  assert.equal(posts.length, 1, 'one POST');
  assert.deepEqual(JSON.parse(posts[0].body), { documents: [{ type: 'invoice', document_id: documentId }] });
  const created = mockDocuments(po.id).at(-1);
  assert.equal(created.document_id, documentId);
  assert.deepEqual(await ids(page, '#document-list > tr[data-id]'), [...seeded.map((d) => d.id), created.id], 'a row for the new document');
  const last = await page.$eval('#document-list > tr[data-id]:last-child', (tr) => [...tr.querySelectorAll('td, th')].map((c) => c.textContent.trim()));
  assert.ok(last[0].toLowerCase().includes('invoice'), `type cell (${last[0]})`);
  assert.ok(last[1].includes(documentId), `document id cell (${last[1]})`);
});

test('authorize a pending port-out: confirm (and cancel), then badge, table row and timeline update; actions follow the status', async (t) => {
  const tag = 'authorize';
  // A filtered listing: the address keeps the filter when a row is opened.
  const pendings = mock.dataset.filter((r) => r.status === 'pending').slice(0, PAGE_SIZE);
  const page = await openPage(t, { baseUrl: api(tag), search: 'filter[status]=pending' });
  const po = pick('a pending port-out', (r) => r.status === 'pending', pendings);
  await openByClick(page, po);
  assert.equal(new URL(page.url()).searchParams.get('filter[status]'), 'pending', 'the filter stays in the address');
  assert.equal(urlPortout(page), po.id);

  assert.equal(await visible(page, '#actions-section'), true, 'pending: actions');
  assert.equal(await visible(page, '#action-authorize'), true, 'pending: Authorize');
  assert.equal(await visible(page, '#action-reject'), true, 'pending: Reject');
  const eventsBefore = await ids(page, '#event-list > li[data-id]');

  // Cancel.
  await page.getByRole('button', { name: 'Authorize', exact: true }).click();
  await page.waitForSelector('#confirm', { state: 'visible', timeout: 5000 });
  assert.match(await text(page, '#confirm-text'), /authori[sz]e/i, 'the confirmation says what it confirms');
  await page.click('#confirm-no');
  await page.waitForSelector('#confirm', { state: 'hidden', timeout: 5000 });
  await page.waitForTimeout(300);
  assert.equal(requests(tag, 'PATCH').length, 0, 'cancel sends nothing');
  assert.equal(record(po.id).status, 'pending');

  // Confirm.
  await page.click('#action-authorize');
  await page.waitForSelector('#confirm', { state: 'visible', timeout: 5000 });
  await detailSettle(page, () => page.click('#confirm-yes'));
  const patches = requests(tag, 'PATCH');
  assert.equal(patches.length, 1, 'one PATCH');
  assert.equal(patches[0].path, `/v2/portouts/${po.id}/authorized`);
  assert.equal(patches[0].status, 200);
  assert.equal(record(po.id).status, 'authorized', 'the mock record is authorized');
  assert.equal(await text(page, '#detail-status'), 'authorized');
  assert.ok((await page.getAttribute('#detail-status', 'class')).split(/\s+/).includes('status-authorized'));
  assert.equal(await page.$eval(rowSel(po.id), (tr) => tr.querySelectorAll('td')[1].textContent.trim()), 'authorized', 'the table row shows it');
  const newest = mockEvents(po.id)[0];
  assert.equal(newest.event_type, 'portout.status_changed');
  const top = await page.$eval('#event-list > li[data-id]', (li) => ({ id: li.dataset.id, type: li.dataset.type }));
  assert.deepEqual(top, { id: newest.id, type: 'portout.status_changed' }, 'the timeline starts with the status change');
  assert.deepEqual(await ids(page, '#event-list > li[data-id]'), [newest.id, ...eventsBefore]);
  assert.equal(await visible(page, '#detail-notice'), true, 'a confirmation notice');
  assert.ok((await text(page, '#detail-notice')).length > 0);
  assert.equal(await visible(page, '#actions-section'), false, 'authorized: no actions');
  assert.equal(await visible(page, '#detail-error'), false);
  await closeDetail(page);

  // Other statuses (default listing).
  await page.goto(pageUrl(api(tag)));
  await page.waitForFunction(() => Number(document.getElementById('app').dataset.loads) > 0);
  const ported = pick('a ported port-out', (r) => r.status === 'ported');
  await openByClick(page, ported);
  assert.equal(await visible(page, '#actions-section'), false, 'ported: no actions');
  await closeDetail(page);
  const rp = pick('a rejected-pending port-out', (r) => r.status === 'rejected-pending');
  await openByClick(page, rp);
  assert.equal(await visible(page, '#actions-section'), true, 'rejected-pending: actions');
  assert.equal(await visible(page, '#action-authorize'), true, 'rejected-pending: Authorize');
  assert.equal(await visible(page, '#action-reject'), false, 'rejected-pending: no Reject');
});

test('reject with a code and a reason; the form refuses a missing reason for a reason_required code', async (t) => {
  const tag = 'reject';
  const page = await openPage(t, { baseUrl: api(tag) });
  const po = pick('a pending port-out', (r) => r.status === 'pending');
  await openByClick(page, po);
  const eventsBefore = await ids(page, '#event-list > li[data-id]');

  await page.getByRole('button', { name: 'Reject', exact: true }).click();
  await page.waitForSelector('#reject-form', { state: 'visible', timeout: 5000 });
  // The form shows at once and fills its codes from the API ("Loading codes…" until then).
  await page.waitForSelector(`#reject-code option[value="${REJECTION_CODES[0].code}"]`, { state: 'attached', timeout: 5000 });
  const options = await page.$$eval('#reject-code option', (os) => os.map((o) => ({ value: o.value, text: o.textContent })));
  assert.deepEqual(options.map((o) => o.value), REJECTION_CODES.map((c) => String(c.code)), 'one option per rejection code');
  options.forEach((o, i) => {
    assert.ok(o.text.includes(String(REJECTION_CODES[i].code)) && o.text.includes(REJECTION_CODES[i].description),
      `option ${o.value}: code and description (${o.text})`);
  });
  assert.ok(requests(tag, 'GET', `/v2/portouts/rejections/${po.id}`).length >= 1, 'the codes come from the API');

  const required = REJECTION_CODES.find((c) => c.reason_required);
  const optional = REJECTION_CODES.find((c) => !c.reason_required);
  await page.selectOption('#reject-code', String(optional.code));
  const optionalText = await text(page, '#reject-reason-required');
  await page.selectOption('#reject-code', String(required.code));
  const requiredText = await text(page, '#reject-reason-required');
  assert.match(requiredText, /required/i, `says the reason is required for ${required.code} ("${requiredText}")`);
  assert.notEqual(optionalText, requiredText, `${optional.code} (reason not required) reads differently ("${optionalText}")`);

  // Missing reason.
  const refusal = await libraryRefusal((o) => lib.updatePortoutStatus(po.id, 'rejected-pending', { reason: '' }, o));
  assert.match(refusal.message, /reason/);
  await page.fill('#reject-reason', '');
  await page.getByRole('button', { name: 'Reject port-out' }).click();
  await page.waitForSelector('#confirm', { state: 'visible', timeout: 5000 });
  await page.click('#confirm-yes');
  await page.waitForSelector('#reject-reason-error', { state: 'visible', timeout: 10_000 });
  const message = await text(page, '#reject-reason-error');
  assert.ok(message.includes(refusal.message), `the library's message "${refusal.message}" is shown (shown: "${message}")`);
  await page.waitForTimeout(300);
  assert.equal(requests(tag, 'PATCH').length, 0, 'no PATCH was sent');
  assert.equal(record(po.id).status, 'pending');

  // A code and a reason.
  const reason = `Account number does not match — checked ${Date.now()}`;
  await page.selectOption('#reject-code', String(optional.code));
  await page.fill('#reject-reason', reason);
  await page.getByRole('button', { name: 'Reject port-out' }).click();
  await page.waitForSelector('#confirm', { state: 'visible', timeout: 5000 });
  await detailSettle(page, () => page.click('#confirm-yes'));
  const patches = requests(tag, 'PATCH');
  assert.equal(patches.length, 1, 'one PATCH');
  assert.equal(patches[0].path, `/v2/portouts/${po.id}/rejected-pending`);
  assert.equal(patches[0].status, 200);
  const rec = record(po.id);
  assert.equal(rec.status, 'rejected-pending');
  assert.ok(rec.reason.includes(String(optional.code)), `the reason names the code ${optional.code} ("${rec.reason}")`);
  assert.ok(rec.reason.includes(reason), `the reason has the text ("${rec.reason}")`);
  assert.equal(await text(page, '#detail-status'), 'rejected-pending');
  assert.ok((await page.getAttribute('#detail-status', 'class')).split(/\s+/).includes('status-rejected-pending'));
  assert.equal(await page.$eval(rowSel(po.id), (tr) => tr.querySelectorAll('td')[1].textContent.trim()), 'rejected-pending', 'the table row shows it');
  const newest = mockEvents(po.id)[0];
  assert.deepEqual(await ids(page, '#event-list > li[data-id]'), [newest.id, ...eventsBefore], 'the status change tops the timeline');
  assert.equal(await visible(page, '#actions-section'), true);
  assert.equal(await visible(page, '#action-reject'), false, 'Reject is hidden');
  assert.equal(await visible(page, '#action-authorize'), true, 'Authorize is visible');
  assert.equal(await visible(page, '#detail-error'), false);
});

test('republishing an event marks it and the mock counts one republish', async (t) => {
  const tag = 'republish';
  const page = await openPage(t, { baseUrl: api(tag) });
  const po = pick('a port-out with several events', (r) => mockEvents(r.id).length >= 2);
  await openByClick(page, po);

  const expected = mockEvents(po.id);
  const fromApi = await eventsFromApi(po.id);
  assert.deepEqual(fromApi.map((e) => e.id), expected.map((e) => e.id));
  const shown = await page.$$eval('#event-list > li[data-id]', (lis) => lis.map((li) => ({
    id: li.dataset.id,
    type: li.dataset.type,
    time: li.querySelector('time') !== null,
    summary: li.querySelector('.event-summary')?.textContent.trim() ?? '',
    button: li.querySelector('button.republish')?.textContent.trim() ?? null,
  })));
  assert.deepEqual(shown.map((e) => [e.id, e.type]), fromApi.map((e) => [e.id, e.event_type]), 'events newest first, with their types');
  shown.forEach((e) => {
    assert.ok(e.time, `${e.id}: has a <time>`);
    assert.ok(e.summary.length > 0, `${e.id}: has a summary`);
    assert.equal(e.button, 'Republish', `${e.id}: has a Republish button`);
  });

  const target = expected[1];
  const li = `#event-list > li[data-id="${target.id}"]`;
  await detailSettle(page, () => page.click(`${li} button.republish`));
  assert.equal(await page.getAttribute(li, 'data-republished'), 'true');
  assert.match(await text(page, `${li} .event-state`), /Republished/);
  assert.equal(mock.resources.republishes.get(target.id), 1, 'the mock counted one republish');
  const posts = requests(tag, 'POST');
  assert.equal(posts.length, 1);
  assert.equal(posts[0].path, `/v2/portouts/events/${target.id}/republish`);
  assert.equal(posts[0].status, 204);
  for (const other of expected.filter((e) => e.id !== target.id)) {
    assert.equal(mock.resources.republishes.get(other.id), undefined);
    assert.equal(await page.getAttribute(`#event-list > li[data-id="${other.id}"]`, 'data-republished'), null, `${other.id} is not marked`);
  }
});

test('Export CSV report: pending with a progress bar, then completed with its document id, listed first', async (t) => {
  const tag = 'report';
  const page = await openPage(t, { baseUrl: api(tag), search: 'filter[status]=pending' });
  const seeded = mock.resources.reports.map((r) => r.id);
  await page.waitForFunction((n) => document.querySelectorAll('#report-list > tr[data-id]').length === n, seeded.length, { timeout: 10_000 });
  assert.deepEqual(await ids(page, '#report-list > tr[data-id]'), seeded, 'past reports, newest first');

  await page.click('#export-report');
  await page.waitForFunction(() => {
    const el = document.getElementById('report-current');
    return !el.hidden && el.dataset.status === 'pending';
  }, null, { timeout: 5000 });
  assert.equal(await page.$eval('#report-progress', (el) => el.tagName), 'PROGRESS');
  assert.equal(await visible(page, '#report-progress'), true);
  const posts = requests(tag, 'POST', '/v2/portouts/reports');
  assert.equal(posts.length, 1, 'one POST');
  const sent = JSON.parse(posts[0].body);
  assert.equal(sent.report_type, 'export_portouts_csv');
  const created = mock.resources.reports[0];
  assert.ok(!seeded.includes(created.id), 'the mock has a new report');
  assert.deepEqual(created.params.filters, { status__in: ['pending'] }, 'the report uses the page\'s filter');

  await page.waitForFunction(() => document.getElementById('report-current').dataset.status === 'completed', null, { timeout: 15_000 });
  const done = mock.resources.reports.find((r) => r.id === created.id);
  assert.equal(done.status, 'completed');
  assert.ok(done.document_id);
  assert.ok((await text(page, '#report-current-text')).includes(done.document_id), 'the document id is shown');
  assert.ok(requests(tag, 'GET', '/v2/portouts/reports').length >= 2, 'the page polled');
  await page.waitForFunction((id) => {
    const tr = document.querySelector('#report-list > tr[data-id]');
    return tr?.dataset.id === id && /completed/i.test(tr.querySelectorAll('td')[1]?.textContent ?? '');
  }, created.id, { timeout: 5000 }).catch(() => {});
  assert.deepEqual(await ids(page, '#report-list > tr[data-id]'), [created.id, ...seeded], 'the new report is listed first');
  assert.match(await page.$eval('#report-list > tr[data-id]', (tr) => tr.querySelectorAll('td')[1].textContent), /completed/i, 'its status is completed');
});

test('failures show in the panel: an injected 503 (comment) and 422 (document); the page keeps working', async (t) => {
  // 503 on every POST: reads work, adding a comment fails after the retries.
  const tag = 'fail503';
  const page = await openPage(t, { baseUrl: api(tag, 'status=503,method=POST'), httpErrors: true });
  const po = pick('a pending port-out', (r) => r.status === 'pending');
  await openByClick(page, po);
  const commentsBefore = await ids(page, '#comment-list > li[data-id]');
  await page.getByLabel('Comment', { exact: true }).fill('This one will fail');
  await detailSettle(page, () => page.getByRole('button', { name: 'Add comment' }).click(), { timeout: 30_000 });
  await page.waitForSelector('#detail-error', { state: 'visible', timeout: 5000 });
  const posts = requests(tag, 'POST');
  assert.equal(posts.length, 3, 'the write was tried 3 times (maxRetries=2)');
  assert.ok(posts.every((p) => p.status === 503));
  const err = await page.$eval('#detail-error', (el) => ({
    role: el.getAttribute('role'),
    code: el.dataset.code,
    requestId: el.dataset.requestId,
    title: el.querySelector('.panel-error-title')?.textContent.trim() ?? '',
    message: el.querySelector('.panel-error-message')?.textContent.trim() ?? '',
    meta: el.querySelector('.panel-error-meta')?.textContent.trim() ?? '',
  }));
  assert.equal(err.role, 'alert');
  assert.equal(err.code, 'server_error');
  assert.equal(err.requestId, posts.at(-1).requestId, 'the request id of the last attempt');
  assert.match(err.requestId, /^req-\d+$/);
  assert.ok(err.title.length > 0, 'a title');
  assert.match(err.message, /503/);
  assert.match(err.message, /attempt|retr/i, `the message says it was retried ("${err.message}")`);
  assert.ok(err.meta.includes(`request id ${err.requestId}`), `meta has the request id ("${err.meta}")`);
  assert.ok(err.meta.includes('server_error'), `meta has the code ("${err.meta}")`);
  assert.deepEqual(await ids(page, '#comment-list > li[data-id]'), commentsBefore, 'no comment added');
  assert.equal(mockComments(po.id).length, commentsBefore.length);
  assert.deepEqual(page.dialogs, [], 'no browser dialog');
  await shot(page, 'detail-error-503');

  // 422 on every POST: attaching a document fails.
  const tag2 = 'fail422';
  const page2 = await openPage(t, { baseUrl: api(tag2, 'status=422,method=POST'), httpErrors: true });
  const po2 = pick('another port-out', () => true);
  await openByClick(page2, po2);
  const documentsBefore = await ids(page2, '#document-list > tr[data-id]');
  await page2.getByLabel('Document id', { exact: true }).fill(randomUUID());
  await detailSettle(page2, () => page2.getByRole('button', { name: 'Attach document' }).click());
  await page2.waitForSelector('#detail-error', { state: 'visible', timeout: 5000 });
  const posts2 = requests(tag2, 'POST');
  assert.equal(posts2.length, 1, 'a 422 is not retried');
  const err2 = await page2.$eval('#detail-error', (el) => ({
    code: el.dataset.code,
    requestId: el.dataset.requestId,
    title: el.querySelector('.panel-error-title')?.textContent.trim() ?? '',
    message: el.querySelector('.panel-error-message')?.textContent.trim() ?? '',
    meta: el.querySelector('.panel-error-meta')?.textContent.trim() ?? '',
  }));
  assert.equal(err2.code, 'unprocessable');
  assert.equal(err2.requestId, posts2[0].requestId);
  assert.ok(err2.title.length > 0);
  assert.match(err2.message, /422/);
  assert.ok(err2.meta.includes(`request id ${posts2[0].requestId}`), `meta has the request id ("${err2.meta}")`);
  assert.ok(err2.meta.includes('unprocessable'), `meta has the code ("${err2.meta}")`);
  assert.deepEqual(await ids(page2, '#document-list > tr[data-id]'), documentsBefore, 'no document added');
  assert.deepEqual(page2.dialogs, [], 'no browser dialog');

  // The page keeps working.
  await closeDetail(page2);
  const next = pick('a third port-out', () => true);
  await openByClick(page2, next);
  assert.equal(await text(page2, '#detail-status'), next.status);
  assert.equal(await visible(page2, '#detail-error'), false, 'the old error is gone');
  assert.deepEqual(await ids(page2, '#comment-list > li[data-id]'), mockComments(next.id).map((c) => c.id));
});

test('a write that times out is shown in the panel as not retried (it may have happened), and is sent once', async (t) => {
  // Every POST hangs; the page's timeout setting (Connection settings) ends it.
  const tag = 'timeout';
  const page = await openPage(t, { baseUrl: api(tag, 'hang=1,method=POST'), httpErrors: true });
  await page.evaluate(() => { document.getElementById('settings-panel').open = true; });
  await page.fill('#set-timeout', '800');
  const listed = await page.evaluate(() => Number(document.getElementById('app').dataset.loads));
  await page.click('#settings-form button[type="submit"]');
  await page.waitForFunction((n) => Number(document.getElementById('app').dataset.loads) > n, listed);
  const po = pick('a port-out on page 1', () => true);
  await openByClick(page, po);
  const before = mockComments(po.id).length;
  await page.getByLabel('Comment', { exact: true }).fill('Sent into a server that never answers');
  await detailSettle(page, () => page.getByRole('button', { name: 'Add comment' }).click());
  await page.waitForSelector('#detail-error', { state: 'visible', timeout: 5000 });
  const err = await page.$eval('#detail-error', (el) => ({
    code: el.dataset.code,
    message: el.querySelector('.panel-error-message')?.textContent ?? '',
    meta: el.querySelector('.panel-error-meta')?.textContent ?? '',
  }));
  assert.equal(err.code, 'timeout');
  assert.match(err.message, /800 ?ms/, `the message names the timeout ("${err.message}")`);
  assert.match(err.message, /not retried/i, `the message says it was not retried ("${err.message}")`);
  assert.match(err.message, /may have been created/i, `the message says the comment may exist ("${err.message}")`);
  assert.ok(err.meta.includes('timeout'), `meta has the code ("${err.meta}")`);
  assert.equal(requests(tag, 'POST').length, 1, 'a write is never sent again after a timeout (maxRetries=2)');
  assert.equal(mockComments(po.id).length, before, 'the hung request created nothing');
  assert.equal(await page.inputValue('#comment-body'), 'Sent into a server that never answers', 'the text is kept for a retry');
  assert.deepEqual(page.dialogs, [], 'no browser dialog');
});

test('phone layout (390×844): the detail covers the screen, no horizontal scroll, close is visible', async (t) => {
  const page = await openPage(t, { baseUrl: api('phone'), viewport: PHONE });
  const po = pick('a pending port-out with comments and events', (r) => r.status === 'pending'
    && mockComments(r.id).length >= 1 && mockEvents(r.id).length >= 1);
  await openByClick(page, po);
  const box = await page.$eval('#detail', (el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
  assert.equal(box.x, 0, `the panel starts at the left edge (${JSON.stringify(box)})`);
  assert.equal(box.width, PHONE.width, `the panel is as wide as the screen (${JSON.stringify(box)})`);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= PHONE.width, `no horizontal scroll (scrollWidth ${scrollWidth})`);
  assert.equal(await visible(page, '#detail-close'), true);
  const close = await page.$eval('#detail-close', (el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  });
  assert.ok(close.left >= 0 && close.right <= PHONE.width && close.top >= 0 && close.bottom <= PHONE.height,
    `the close button is on screen (${JSON.stringify(close)})`);
  await shot(page, 'detail-phone');
  await closeDetail(page);
  assert.equal(urlPortout(page), null);
});

test('no console errors on any detail page', () => {
  assert.deepEqual(consoleProblems, []);
});
