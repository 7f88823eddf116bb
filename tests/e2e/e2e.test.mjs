// End-to-end tests of the demo page (www/) in Chromium, against the mock Telnyx server.
//
//   node --test tests/e2e/
//
// Starts the mock (port 0) and the www static server (port 0) in-process, and opens the page as
// `/?baseUrl=<mock>/v2[&filter…]` (the page's documented `baseUrl` address parameter). Fault
// tests point the base URL at `<mock>/__mock/<directives>/v2`. Needs the package built in pkg/
// (bash scripts/build-pkg.sh) and Chromium at /usr/bin/chromium (or $CHROMIUM).
// Screenshots go to test-output/screenshots/.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { recordCountry } from '../mock/filters.mjs';
import { startStaticServer } from '../../www/serve.mjs';
import { csvCell, toCsv } from '../../www/csv.js';
import { useHarness, ROOT, SHOTS, DESKTOP, PHONE, PAGE_SIZE } from './harness.mjs';

const h = useHarness();
const { api, openPage, pageUrl, shot, consoleProblems } = h;
let mock;
let browser;
let hasListAll = false;
before(async () => {
  await h.ready;
  ({ mock, browser } = h);
  // Does this build export listAllPortouts? (Node entry of the same copy the page gets.)
  hasListAll = typeof h.lib.listAllPortouts === 'function';
});

// ---- helpers ---------------------------------------------------------------------------------

/** The listing requests (`GET /v2/portouts`) the page sent under `tag` (the page also lists CSV reports). */
async function mockLog(tag) {
  const res = await fetch(`${mock.url}/__log?tag=${encodeURIComponent(tag)}&method=GET`);
  return (await res.json()).filter((e) => e.path === '/v2/portouts');
}


const loads = (page) => page.evaluate(() => Number(document.getElementById('app').dataset.loads));

/** Runs `action` and waits for the page to finish the load (or validation) it starts. */
async function settle(page, action) {
  const before = await loads(page);
  await action();
  await page.waitForFunction((n) => Number(document.getElementById('app').dataset.loads) > n, before);
}

async function table(page) {
  return page.$$eval('#results-body tr', (rows) => rows.map((tr) => {
    const td = [...tr.querySelectorAll('td')];
    return {
      phones: [...td[0].querySelectorAll('li')].map((li) => li.textContent),
      status: td[1].textContent,
      carrier: td[2].textContent,
      foc: td[3].textContent,
      created: td[4].textContent,
      supportKey: td[5].textContent,
    };
  }));
}

const keys = async (page) => (await table(page)).map((r) => r.supportKey);
const total = (page) => page.$eval('#results-summary', (el) => Number(el.dataset.total));


async function bannerVisible(page) {
  return page.$eval('#error-banner', (el) => !el.hidden);
}

async function openSettings(page) {
  await page.evaluate(() => { document.getElementById('settings-panel').open = true; });
}

async function applySettings(page, { baseUrl, apiKey, maxRetries } = {}) {
  await openSettings(page);
  if (baseUrl !== undefined) await page.fill('#set-base-url', baseUrl);
  if (apiKey !== undefined) await page.fill('#set-api-key', apiKey);
  if (maxRetries !== undefined) await page.fill('#set-max-retries', String(maxRetries));
  await settle(page, () => page.click('#settings-form button[type="submit"]'));
}

/** Fills the filter form (after clearing it) and applies it. */
async function applyFilter(page, f) {
  await page.evaluate(() => { document.getElementById('filters-panel').open = true; });
  await settle(page, () => page.click('#clear-filters'));
  for (const s of f.status ?? []) await page.check(`#status-options input[value="${s}"]`);
  for (const c of f.country ?? []) await page.check(`#country-options input[value="${c}"]`);
  const text = {
    countryOther: '#f-country-other', insertedGte: '#f-inserted-gte', insertedLte: '#f-inserted-lte',
    portedGte: '#f-ported-gte', portedLte: '#f-ported-lte', foc: '#f-foc-date', phone: '#f-phone',
    pon: '#f-pon', spid: '#f-spid', carrier: '#f-carrier', supportKey: '#f-support-key',
  };
  for (const [k, sel] of Object.entries(text)) if (f[k] !== undefined) await page.fill(sel, f[k]);
  await settle(page, () => page.click('#apply-filters'));
}

const utcDay = (iso) => new Date(iso).toISOString().slice(0, 10);
const dayStart = (d) => Date.parse(`${d}T00:00:00.000Z`);
const dayEnd = (d) => Date.parse(`${d}T23:59:59.999Z`);

/** RFC 4180 parser (enough for the page's CSV). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i += 1; continue; }
      field += c; i += 1; continue;
    }
    if (c === '"' && field === '') { quoted = true; i += 1; continue; }
    if (c === ',') { row.push(field); field = ''; i += 1; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 2; continue; }
    field += c; i += 1;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

// ---- tests -----------------------------------------------------------------------------------

test('default listing shows the first page of the mock data', async (t) => {
  const tag = 'default';
  const page = await openPage(t, { baseUrl: api(tag) });
  assert.deepEqual(await keys(page), mock.dataset.slice(0, PAGE_SIZE).map((r) => r.support_key));
  assert.equal(await total(page), mock.dataset.length);
  const rows = await table(page);
  const first = mock.dataset[0];
  assert.deepEqual(rows[0].phones, first.phone_numbers);
  assert.equal(rows[0].status, first.status);
  assert.equal(rows[0].carrier, first.carrier_name);
  assert.equal(rows[0].foc, utcDay(first.foc_date));
  assert.equal(rows[0].created, new Date(first.created_at).toISOString().slice(0, 16).replace('T', ' '));
  assert.equal(await page.textContent('#page-info'), `Page 1 of ${Math.ceil(mock.dataset.length / PAGE_SIZE)}`);
  assert.equal(await page.$eval('#results-body tr .chip', (el) => el.className), `chip status-${first.status}`);
  // Charts describe the loaded rows.
  const statusLabel = await page.$eval('#chart-status svg', (el) => el.getAttribute('aria-label'));
  const expected = mock.dataset.slice(0, PAGE_SIZE).filter((r) => r.status === 'ported').length;
  assert.match(statusLabel, new RegExp(`ported ${expected}\\b`));
  assert.ok(await page.$('#chart-month svg rect'), 'month chart drawn');
  const log = await mockLog(tag);
  assert.equal(log.length, 1);
  assert.deepEqual(log[0].params.map(([k, v]) => `${k}=${v}`).sort(), ['page[number]=1', 'page[size]=20'], 'no filter sent');
  assert.equal(log[0].status, 200);
  await shot(page, 'desktop-01-default');
  await page.screenshot({ path: path.join(SHOTS, 'desktop-01-default-full.png'), fullPage: true });
});

test('every filter kind narrows the results to what the mock returns', async (t) => {
  const tag = 'filters';
  const page = await openPage(t, { baseUrl: api(tag) });
  const d = mock.dataset;
  const ponRecord = d.find((r) => /#/.test(r.pon)) ?? d.find((r) => / /.test(r.pon));
  const focDay = utcDay(d[7].foc_date);
  const phone = d[10].phone_numbers.at(-1);
  const cases = [
    { name: 'status (one)', form: { status: ['ported'] }, param: ['filter[status]', 'ported'], match: (r) => r.status === 'ported' },
    { name: 'status (several)', form: { status: ['pending', 'authorized'] }, param: ['filter[status_in]', 'pending,authorized'], match: (r) => ['pending', 'authorized'].includes(r.status) },
    { name: 'country (one)', form: { country: ['GB'] }, param: ['filter[country_code]', 'GB'], match: (r) => recordCountry(r) === 'GB' },
    { name: 'country (several, one typed in lower case)', form: { country: ['DE', 'FR'], countryOther: 'mx' }, param: ['filter[country_code_in]', 'DE,FR,MX'], match: (r) => ['DE', 'FR', 'MX'].includes(recordCountry(r)) },
    {
      name: 'inserted_at range', form: { insertedGte: '2025-03-01', insertedLte: '2025-03-31' }, param: ['filter[inserted_at][gte]', '2025-03-01T00:00:00.000Z'],
      match: (r) => Date.parse(r.inserted_at) >= dayStart('2025-03-01') && Date.parse(r.inserted_at) <= dayEnd('2025-03-31'),
    },
    {
      name: 'ported_out_at range (date-times)', form: { portedGte: '2026-01-01T00:00:00Z', portedLte: '2026-03-31T23:59:59Z' }, param: ['filter[ported_out_at][lte]', '2026-03-31T23:59:59Z'],
      match: (r) => r.ported_out_at != null && Date.parse(r.ported_out_at) >= dayStart('2026-01-01') && Date.parse(r.ported_out_at) <= Date.parse('2026-03-31T23:59:59Z'),
    },
    { name: 'foc_date', form: { foc: focDay }, param: ['filter[foc_date]', `${focDay}T00:00:00.000Z`], match: (r) => r.foc_date != null && utcDay(r.foc_date) === focDay },
    { name: 'phone number', form: { phone }, param: ['filter[phone_number]', phone], match: (r) => r.phone_numbers.includes(phone) },
    { name: `PON with special characters (${ponRecord.pon})`, form: { pon: ponRecord.pon }, param: ['filter[pon]', ponRecord.pon], match: (r) => r.pon === ponRecord.pon },
    { name: 'SPID', form: { spid: d[3].spid }, param: ['filter[spid]', d[3].spid], match: (r) => r.spid === d[3].spid },
    { name: 'carrier with & (AT&T)', form: { carrier: 'AT&T' }, param: ['filter[carrier_name]', 'AT&T'], match: (r) => r.carrier_name === 'AT&T' },
    { name: 'non-ASCII carrier', form: { carrier: 'Telefónica España' }, param: ['filter[carrier_name]', 'Telefónica España'], match: (r) => r.carrier_name === 'Telefónica España' },
    { name: 'support key', form: { supportKey: d[42].support_key }, param: ['filter[support_key]', d[42].support_key], match: (r) => r.support_key === d[42].support_key },
    {
      name: 'combined: status + country + created from', form: { status: ['ported'], country: ['US'], insertedGte: '2025-06-01' }, param: ['filter[country_code]', 'US'],
      match: (r) => r.status === 'ported' && recordCountry(r) === 'US' && Date.parse(r.inserted_at) >= dayStart('2025-06-01'),
    },
  ];
  for (const c of cases) {
    await applyFilter(page, c.form);
    const expected = d.filter(c.match);
    assert.ok(expected.length > 0 && expected.length < d.length, `${c.name}: the case should narrow the data (${expected.length})`);
    assert.equal(await bannerVisible(page), false, `${c.name}: no error banner`);
    assert.equal(await total(page), expected.length, `${c.name}: total`);
    assert.deepEqual(await keys(page), expected.slice(0, PAGE_SIZE).map((r) => r.support_key), `${c.name}: rows`);
    const last = (await mockLog(tag)).at(-1);
    assert.ok(last.params.some(([k, v]) => k === c.param[0] && v === c.param[1]),
      `${c.name}: request carries ${c.param.join('=')} (got ${JSON.stringify(last.params)})`);
    assert.equal(last.status, 200, `${c.name}: mock answered 200`);
    // The filter is in the address bar, as the package writes it.
    const search = await page.evaluate(() => location.search);
    assert.ok(decodeURIComponent(search).includes(`${c.param[0]}=`), `${c.name}: address has ${c.param[0]} (${search})`);
  }
  await shot(page, 'desktop-02-filtered');
});

test('invalid filters show the package\'s error next to the field and send no request', async (t) => {
  const tag = 'invalid';
  const page = await openPage(t, { baseUrl: api(tag) });
  const requestsBefore = (await mockLog(tag)).length;
  const urlBefore = page.url();

  await page.fill('#f-phone', '555');
  await settle(page, () => page.click('#apply-filters'));
  assert.equal(await page.getAttribute('#f-phone', 'aria-invalid'), 'true');
  assert.equal(await page.isVisible('#phone-error'), true);
  assert.match(await page.textContent('#phone-error'), /E\.164/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-phone', 'focus moves to the invalid field');
  assert.equal(await bannerVisible(page), false, 'a field error, not a banner');
  await shot(page, 'desktop-03-field-error');

  // Phone layout with the same error.
  await page.setViewportSize(PHONE);
  await page.evaluate(() => document.getElementById('f-phone').scrollIntoView({ block: 'center' }));
  await shot(page, 'phone-03-field-error');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no horizontal overflow');
  await page.setViewportSize(DESKTOP);

  // An impossible date, and a range the wrong way round.
  await page.fill('#f-phone', '');
  await page.fill('#f-foc-date', '2025-02-30');
  await settle(page, () => page.click('#apply-filters'));
  assert.equal(await page.getAttribute('#f-foc-date', 'aria-invalid'), 'true');
  assert.equal(await page.getAttribute('#f-phone', 'aria-invalid'), null, 'the old error is cleared');
  assert.equal(await page.isVisible('#foc-date-error'), true);

  await page.fill('#f-foc-date', '');
  await page.fill('#f-inserted-gte', '2025-03-01');
  await page.fill('#f-inserted-lte', '2025-01-01');
  await settle(page, () => page.click('#apply-filters'));
  assert.equal(await page.isVisible('#inserted-at-error'), true);
  assert.equal(await page.getAttribute('#f-inserted-gte', 'aria-invalid'), 'true');

  await page.fill('#f-inserted-lte', '');
  await page.fill('#f-inserted-gte', '');
  await page.fill('#f-country-other', 'USA');
  await settle(page, () => page.click('#apply-filters'));
  assert.equal(await page.isVisible('#country-error'), true, 'a 3-letter country code is rejected');
  assert.equal(await page.getAttribute('#f-country-other', 'aria-invalid'), 'true');

  assert.equal((await mockLog(tag)).length, requestsBefore, 'no request reached the mock');
  assert.equal(page.url(), urlBefore, 'the address did not change');

  // Fixing the field clears the error and lists.
  await page.fill('#f-country-other', 'IE');
  await settle(page, () => page.click('#apply-filters'));
  assert.equal(await page.isVisible('#country-error'), false);
  assert.equal(await total(page), mock.dataset.filter((r) => recordCountry(r) === 'IE').length);
});

test('next / previous page and page size', async (t) => {
  const tag = 'paging';
  const page = await openPage(t, { baseUrl: api(tag) });
  const d = mock.dataset;
  assert.equal(await page.isDisabled('#prev-page'), true);
  await settle(page, () => page.click('#next-page'));
  assert.deepEqual(await keys(page), d.slice(20, 40).map((r) => r.support_key));
  assert.equal(await page.textContent('#page-info'), 'Page 2 of 50');
  assert.match(await page.textContent('#results-summary'), /Showing 21–40 of 1,000/);
  assert.ok(decodeURIComponent(await page.evaluate(() => location.search)).includes('page[number]=2'));
  let last = (await mockLog(tag)).at(-1);
  assert.ok(last.params.some(([k, v]) => k === 'page[number]' && v === '2'));

  await settle(page, () => page.click('#next-page'));
  assert.deepEqual(await keys(page), d.slice(40, 60).map((r) => r.support_key));
  await settle(page, () => page.click('#prev-page'));
  assert.deepEqual(await keys(page), d.slice(20, 40).map((r) => r.support_key));

  await settle(page, () => page.selectOption('#page-size', '50'));
  assert.equal((await keys(page)).length, 50);
  assert.deepEqual(await keys(page), d.slice(0, 50).map((r) => r.support_key), 'a new page size starts at page 1');
  assert.equal(await page.textContent('#page-info'), 'Page 1 of 20');
  last = (await mockLog(tag)).at(-1);
  assert.ok(last.params.some(([k, v]) => k === 'page[size]' && v === '50'));

  // Last page: Next is disabled.
  await settle(page, () => page.selectOption('#page-size', '250'));
  for (let i = 0; i < 3; i += 1) await settle(page, () => page.click('#next-page'));
  assert.equal(await page.textContent('#page-info'), 'Page 4 of 4');
  assert.equal(await page.isDisabled('#next-page'), true);
  assert.equal((await keys(page)).length, 250);
});

test('load all reaches 100 % and shows every record', async (t) => {
  const page = await openPage(t, { baseUrl: api('loadall') });
  if (!hasListAll) {
    t.skip('listAllPortouts is not in this build of the package (the page hides "Load all")');
    assert.equal(await page.isHidden('#load-all'), true);
    return;
  }
  assert.equal(await page.isVisible('#load-all'), true, 'the package has listAllPortouts: "Load all" is shown');
  // With a filter, so the listing passes it on.
  await applyFilter(page, { status: ['ported', 'canceled'] });
  const expected = mock.dataset.filter((r) => ['ported', 'canceled'].includes(r.status));
  const percents = [];
  await page.exposeFunction('__progress', (p) => percents.push(p));
  await page.evaluate(() => {
    new MutationObserver(() => window.__progress(document.getElementById('load-all-pct').textContent))
      .observe(document.getElementById('load-all-pct'), { childList: true, characterData: true, subtree: true });
  });
  await settle(page, () => page.click('#load-all'));
  assert.equal(await bannerVisible(page), false);
  assert.equal(await page.getAttribute('#load-all-progress', 'data-state'), 'done');
  assert.equal(await page.getAttribute('#load-all-progress', 'data-percent'), '100');
  assert.equal(await page.$eval('#load-all-bar', (el) => el.value), 100);
  assert.equal(await page.textContent('#load-all-pct'), '100 %');
  assert.equal(await total(page), expected.length);
  const rows = await keys(page);
  assert.equal(rows.length, expected.length, 'row count equals total_results');
  assert.deepEqual(rows, expected.map((r) => r.support_key));
  assert.ok(percents.length >= 1, `progress was reported (${percents.join(', ')})`);
  const log = (await mockLog('loadall')).slice(-Math.ceil(expected.length / 250));
  assert.ok(log.every((e) => e.params.some(([k, v]) => k === 'filter[status_in]' && v === 'ported,canceled')));
  assert.match(await page.textContent('#results-summary'), /All 748 port-outs loaded/);
  await shot(page, 'desktop-05-load-all-done');
  const statusLabel = await page.$eval('#chart-status svg', (el) => el.getAttribute('aria-label'));
  assert.match(statusLabel, /ported 587/);
  assert.match(statusLabel, /canceled 161/);

  // Everything loaded, without a filter: 1000 rows.
  await applyFilter(page, {});
  await settle(page, () => page.click('#load-all'));
  assert.equal((await keys(page)).length, mock.dataset.length);
  assert.equal(await total(page), mock.dataset.length);
  // Back to pages.
  await settle(page, () => page.click('#prev-page'));
  assert.equal((await keys(page)).length, PAGE_SIZE);

  await page.setViewportSize(PHONE);
  await settle(page, () => page.click('#load-all'));
  await shot(page, 'phone-05-load-all-done');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no horizontal overflow with 1000 rows');
});

test('loading state; load all can be canceled', async (t) => {
  const tag = 'cancel';
  const page = await openPage(t, { baseUrl: api(tag, 'latency=400') });
  // While a page loads: busy, buttons off, a spinner.
  await settle(page, async () => {
    await page.click('#next-page');
    assert.equal(await page.getAttribute('#results', 'aria-busy'), 'true');
    assert.equal(await page.isVisible('#loading'), true);
    assert.equal(await page.isDisabled('#next-page'), true);
    assert.equal(await page.textContent('#results-summary'), 'Loading…');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(250); // the dimming fades in after 100 ms (no flicker on fast loads)
    await shot(page, 'desktop-04-loading');
  });
  assert.equal(await page.getAttribute('#results', 'aria-busy'), 'false');
  assert.equal(await page.isVisible('#loading'), false);
  if (!hasListAll) {
    t.skip('listAllPortouts is not in this build of the package (the page hides "Load all")');
    assert.equal(await page.isHidden('#load-all'), true);
    return;
  }
  assert.equal(await page.isVisible('#load-all'), true, 'the package has listAllPortouts: "Load all" is shown');
  const before = await keys(page);
  const n = await loads(page);
  await page.click('#load-all');
  await page.waitForSelector('#load-all-progress:not([hidden])');
  await shot(page, 'desktop-06-load-all-progress');
  await page.click('#load-all-cancel');
  await page.waitForFunction((k) => Number(document.getElementById('app').dataset.loads) > k, n);
  assert.equal(await page.isHidden('#load-all-progress'), true);
  assert.match(await page.textContent('#notice'), /canceled/i);
  assert.equal(await bannerVisible(page), false, 'canceling is not an error');
  assert.deepEqual(await keys(page), before, 'the page on screen stays');
  assert.equal(await page.isEnabled('#load-all'), true, 'load all can start again');
  // The canceled requests did not all complete.
  await new Promise((r) => setTimeout(r, 500));
  const log = await mockLog(tag);
  assert.ok(log.slice(1).some((e) => e.completed === false || e.status === null),
    `some load-all request was aborted (${log.length} requests)`);
});

test('a 500 shows the banner; Retry then shows the data', async (t) => {
  const page = await openPage(t, { baseUrl: api('before500'), httpErrors: true });

  // With the default 2 retries the package retries a single 500 by itself.
  const auto = 'auto500';
  await applySettings(page, { baseUrl: api(auto, 'status=500,times=1') });
  assert.equal(await bannerVisible(page), false);
  assert.equal((await keys(page)).length, PAGE_SIZE);
  assert.deepEqual((await mockLog(auto)).map((e) => e.status), [500, 200]);

  // With retries off the error reaches the page.
  const tag = 'manual500';
  await applySettings(page, { baseUrl: api(tag, 'status=500,times=1'), maxRetries: 0 });
  assert.equal(await bannerVisible(page), true);
  assert.equal(await page.textContent('#error-title'), 'Internal server error');
  assert.match(await page.textContent('#error-detail'), /An unexpected error occurred/);
  const log = await mockLog(tag);
  assert.equal(log.length, 1);
  assert.match(await page.textContent('#error-meta'), new RegExp(`HTTP 500.*request id ${log[0].requestId}`));
  await shot(page, 'desktop-07-error-500');
  await page.setViewportSize(PHONE);
  await page.evaluate(() => window.scrollTo(0, document.getElementById('error-banner').offsetTop - 10));
  await shot(page, 'phone-07-error-500');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no horizontal overflow');
  await page.setViewportSize(DESKTOP);

  await settle(page, () => page.click('#error-retry'));
  assert.equal(await bannerVisible(page), false);
  assert.deepEqual(await keys(page), mock.dataset.slice(0, PAGE_SIZE).map((r) => r.support_key));
  assert.deepEqual((await mockLog(tag)).map((e) => e.status), [500, 200]);
});

test('a 401 shows the banner; an API key (memory only) fixes it', async (t) => {
  const tag = 'auth';
  const page = await openPage(t, { baseUrl: api(tag, 'auth=KEY'), httpErrors: true });
  assert.equal(await bannerVisible(page), true);
  assert.equal(await page.textContent('#error-title'), 'Authentication failed');
  assert.match(await page.textContent('#error-detail'), /API key provided is invalid or missing/);
  const log = await mockLog(tag);
  assert.equal(log.at(-1).status, 401);
  assert.match(await page.textContent('#error-meta'), new RegExp(`HTTP 401.*request id ${log.at(-1).requestId}`));
  assert.equal(await page.getAttribute('#error-banner', 'data-code'), 'authentication');
  await shot(page, 'desktop-08-error-401');

  await applySettings(page, { apiKey: 'KEY' });
  assert.equal(await bannerVisible(page), false);
  assert.equal((await keys(page)).length, PAGE_SIZE);
  assert.equal((await mockLog(tag)).at(-1).headers.authorization, 'Bearer KEY');
  // Never stored (the base URL itself names the key here, through the mock's auth= directive).
  const stored = await page.evaluate(() => Object.values({ ...sessionStorage, ...localStorage })
    .map((v) => { try { return JSON.parse(v); } catch { return v; } }));
  assert.ok(stored.every((v) => typeof v !== 'object' || v === null || !('apiKey' in v)), 'no apiKey in web storage');
  assert.ok(!JSON.stringify(stored).includes('Bearer'), 'no header in web storage');
  assert.match(await page.textContent('#connection-summary'), /API key in memory/);
  assert.ok(await page.isVisible('#key-warning'), 'the proxy warning is visible');
});

test('invalid connection settings are shown on the settings field, before any request', async (t) => {
  const tag = 'settings';
  const page = await openPage(t, { baseUrl: api(tag) });
  const requests = (await mockLog(tag)).length;

  await applySettings(page, { baseUrl: 'ftp://example.com/v2' });
  assert.equal(await page.getAttribute('#set-base-url', 'aria-invalid'), 'true');
  assert.match(await page.textContent('#set-base-url-error'), /http/);
  assert.equal(await bannerVisible(page), false);

  // The package refuses to send a key over plain http to anything but loopback.
  await applySettings(page, { baseUrl: 'http://example.com/v2', apiKey: 'secret-key-123' });
  assert.equal(await page.getAttribute('#set-base-url', 'aria-invalid'), 'true');
  assert.doesNotMatch(await page.textContent('#set-base-url-error'), /secret-key-123/, 'the key is never shown');

  await applySettings(page, { baseUrl: api(tag), apiKey: '', maxRetries: 11 });
  assert.equal(await page.getAttribute('#set-max-retries', 'aria-invalid'), 'true');
  assert.match(await page.textContent('#set-max-retries-error'), /0 and 10/);
  assert.equal((await mockLog(tag)).length, requests, 'no request was sent');
  await shot(page, 'desktop-09-settings-error');
});

test('CSV export matches the table', async (t) => {
  const page = await openPage(t, { baseUrl: api('csv') });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  assert.match(download.suggestedFilename(), /^portouts-page-1-.*\.csv$/);
  const text = readFileSync(await download.path(), 'utf8');
  assert.ok(text.startsWith('\uFEFF'), 'UTF-8 BOM for spreadsheets');
  const rows = parseCsv(text.slice(1));
  const [header, ...body] = rows;
  assert.deepEqual(header.slice(0, 7), ['id', 'phone_numbers', 'status', 'carrier_name', 'foc_date', 'created_at', 'support_key']);
  const col = Object.fromEntries(header.map((h, i) => [h, i]));
  const shown = await table(page);
  assert.equal(body.length, shown.length);
  body.forEach((r, i) => {
    assert.equal(r[col.phone_numbers], shown[i].phones.join(' '));
    assert.equal(r[col.status], shown[i].status);
    assert.equal(r[col.carrier_name], shown[i].carrier);
    assert.equal(utcDay(r[col.foc_date]), shown[i].foc);
    assert.equal(r[col.support_key], shown[i].supportKey);
    const src = mock.dataset[i];
    assert.equal(r[col.id], src.id);
    assert.equal(r[col.end_user_name], src.end_user_name, 'quotes, tabs and non-ASCII survive');
    assert.equal(r[col.pon], src.pon);
  });
  assert.ok(body.some((r) => /"/.test(r[col.end_user_name])), 'the sample has a name with quotes');
  assert.ok(text.includes('"Acme ""Widgets"" LLC"'), 'quotes are doubled inside a quoted field');
});

test('csv.js escapes per RFC 4180 and defuses formulas', () => {
  assert.equal(csvCell('plain'), 'plain');
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('two\nlines'), '"two\nlines"');
  assert.equal(csvCell(null), '');
  assert.equal(csvCell(undefined), '');
  assert.equal(csvCell(0), '0');
  assert.equal(csvCell('+13035551212 +13035551213'), '+13035551212 +13035551213');
  assert.equal(csvCell('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
  assert.equal(csvCell('@SUM(1)'), "'@SUM(1)");
  assert.equal(csvCell('-1+2'), '-1+2');
  assert.equal(csvCell('+cmd|x'), "'+cmd|x");
  assert.equal(toCsv([{ id: 'x', phone_numbers: ['+1', '+2'] }]).split('\r\n')[1], 'x,+1 +2,,,,,,,,,,');
});

test('the filter lives in the address: reload, back and forward keep it', async (t) => {
  const tag = 'history';
  const page = await openPage(t, { baseUrl: api(tag) });
  await applyFilter(page, { status: ['ported'], country: ['US', 'CA'], insertedGte: '2025-01-01' });
  const filtered = mock.dataset.filter((r) => r.status === 'ported' && ['US', 'CA'].includes(recordCountry(r))
    && Date.parse(r.inserted_at) >= dayStart('2025-01-01'));
  await settle(page, () => page.click('#next-page'));
  const page2 = filtered.slice(20, 40).map((r) => r.support_key);
  assert.deepEqual(await keys(page), page2);
  const search = await page.evaluate(() => location.search);
  assert.ok(search.includes('baseUrl='), 'the page keeps its baseUrl parameter');

  const formState = () => page.evaluate(() => ({
    status: [...document.querySelectorAll('#status-options input:checked')].map((i) => i.value),
    country: [...document.querySelectorAll('#country-options input:checked')].map((i) => i.value),
    gte: document.getElementById('f-inserted-gte').value,
  }));

  await page.reload();
  await page.waitForFunction(() => Number(document.getElementById('app').dataset.loads) > 0);
  assert.equal(await page.evaluate(() => location.search), search);
  assert.deepEqual(await formState(), { status: ['ported'], country: ['US', 'CA'], gte: '2025-01-01' });
  assert.deepEqual(await keys(page), page2, 'same rows after reload');
  assert.equal(await total(page), filtered.length);

  await settle(page, () => page.goBack()); // page 1 of the filter
  assert.deepEqual(await keys(page), filtered.slice(0, 20).map((r) => r.support_key));
  await settle(page, () => page.goBack()); // the unfiltered list (the Clear before applying)
  assert.deepEqual(await formState(), { status: [], country: [], gte: '' });
  assert.equal(await total(page), mock.dataset.length);
  await settle(page, () => page.goForward());
  assert.deepEqual(await formState(), { status: ['ported'], country: ['US', 'CA'], gte: '2025-01-01' });
  assert.deepEqual(await keys(page), filtered.slice(0, 20).map((r) => r.support_key));

  // A hand-written address in another array format is understood too.
  await page.goto(pageUrl(api(tag), 'filter[status_in][]=pending&filter[status_in][]=rejected&page[size]=10'));
  await page.waitForFunction(() => Number(document.getElementById('app').dataset.loads) > 0);
  assert.deepEqual((await formState()).status, ['pending', 'rejected']);
  assert.equal(await page.inputValue('#page-size'), '10');
  assert.equal(await total(page), mock.dataset.filter((r) => ['pending', 'rejected'].includes(r.status)).length);

  // An address with an invalid filter: a banner, and a way out.
  await page.goto(pageUrl(api(tag), 'filter[statusIn]=pending'));
  await page.waitForFunction(() => Number(document.getElementById('app').dataset.loads) > 0);
  assert.equal(await bannerVisible(page), true);
  assert.match(await page.textContent('#error-detail'), /statusIn/);
  await settle(page, () => page.click('#error-retry'));
  assert.equal(await bannerVisible(page), false);
  assert.equal(await total(page), mock.dataset.length);
});

test('phone layout (390×844) has no horizontal overflow', async (t) => {
  const page = await openPage(t, { baseUrl: api('phone'), viewport: PHONE });
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(await overflow() <= 0, 'default listing');
  await shot(page, 'phone-01-default');
  await page.click('#filters-panel > summary');
  assert.ok(await page.$eval('#filters-panel', (el) => el.open));
  assert.ok(await overflow() <= 0, 'filters open');
  await shot(page, 'phone-02-filters');
  await openSettings(page);
  await page.evaluate(() => document.getElementById('settings-panel').scrollIntoView());
  assert.ok(await overflow() <= 0, 'settings open');
  await shot(page, 'phone-04-settings');
  await page.evaluate(() => document.getElementById('charts-heading').scrollIntoView());
  await shot(page, 'phone-06-charts');
  assert.ok(await overflow() <= 0, 'charts');
  // The table reads as cards: every cell is labelled.
  const labels = await page.$$eval('#results-body tr:first-child td', (tds) => tds.map((td) => getComputedStyle(td, '::before').content));
  assert.deepEqual(labels, ['"Phone numbers"', '"Status"', '"Carrier"', '"FOC date"', '"Created (UTC)"', '"Support key"']);
});

test('keyboard: the filter form works without a mouse', async (t) => {
  const tag = 'keyboard';
  const page = await openPage(t, { baseUrl: api(tag) });
  await page.focus('#status-options input[value="rejected"]');
  await page.keyboard.press('Space');
  await page.focus('#f-support-key');
  await settle(page, () => page.keyboard.press('Enter'));
  assert.equal(await total(page), mock.dataset.filter((r) => r.status === 'rejected').length);
  // Buttons are buttons, inputs have labels.
  const unlabeled = await page.evaluate(() => [...document.querySelectorAll('input, select')]
    .filter((el) => el.type !== 'hidden' && !el.labels?.length && !el.getAttribute('aria-label'))
    .map((el) => el.id || el.name));
  assert.deepEqual(unlabeled, []);
  const fakeButtons = await page.evaluate(() => [...document.querySelectorAll('[onclick], div[role=button], a:not([href])')].length);
  assert.equal(fakeButtons, 0);
});

test('without ?baseUrl= the page uses the server\'s config.json (how demo.sh points it at the mock)', async (t) => {
  const tag = 'config';
  const configured = await startStaticServer({ port: 0, root: path.join(ROOT, 'www'), pkgDir: h.pkgDir, baseUrl: api(tag) });
  t.after(() => configured.close());
  const context = await browser.newContext({ viewport: DESKTOP });
  t.after(() => context.close());
  const page = await context.newPage();
  page.on('pageerror', (e) => consoleProblems.push(`${t.name}: page error ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') consoleProblems.push(`${t.name}: console.error ${m.text()}`); });
  await page.goto(`${configured.url}/`);
  await page.waitForFunction(() => Number(document.getElementById('app').dataset.loads) > 0);
  assert.equal((await keys(page)).length, PAGE_SIZE);
  assert.equal((await mockLog(tag)).length, 1);
  assert.equal(await page.inputValue('#set-base-url'), api(tag));
  assert.equal(await page.evaluate(() => location.search), '', 'nothing added to a clean address');
  // The package is served with the right types.
  const wasm = await fetch(`${configured.url}/node_modules/telnyx-portouts/telnyx_portouts_bg.wasm`);
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  const js = await fetch(`${configured.url}/node_modules/telnyx-portouts/index.js`);
  assert.match(js.headers.get('content-type'), /^text\/javascript/);
  const escape = await fetch(`${configured.url}/node_modules/telnyx-portouts/%2e%2e/%2e%2e/package.json`);
  assert.equal(escape.status, 404, 'no path traversal out of pkg/');

  // Another base URL in the settings, then "Use defaults" goes back to config.json's.
  const other = 'config-other';
  await applySettings(page, { baseUrl: api(other), maxRetries: 5 });
  assert.equal((await mockLog(other)).length, 1);
  await settle(page, () => page.click('#settings-reset'));
  assert.equal(await page.inputValue('#set-base-url'), api(tag));
  assert.equal(await page.inputValue('#set-max-retries'), '2');
  assert.equal((await mockLog(tag)).length, 2);
  assert.equal((await keys(page)).length, PAGE_SIZE);
});

test('no console errors on any page', () => {
  assert.deepEqual(consoleProblems, []);
});
