// Live updates in the demo (issue 19), in Chromium: the page server with the package's gateway
// in front of the mock (which requires the gateway's key), the mock delivering a signed webhook
// for each change to the gateway, and two tabs of the page. A comment added in one tab shows in
// the other's open detail panel (comments and timeline) within a second, a status change in the
// other's listing row, and the header says "live".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { chromium } from 'playwright-core';

import { startMockServer } from '../mock/server.mjs';
import { startStaticServer } from '../../www/serve.mjs';
import { snapshotPkg } from './pkg-ready.mjs';
import { freePort } from '../free-port.mjs';
import { ROOT } from './harness.mjs';

const KEY = 'KEYlive-e2e-0123456789';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
let pkg;
let mock;
let web;
let browser;


before(async () => {
  pkg = await snapshotPkg(path.join(ROOT, 'pkg'));
  const webPort = await freePort();
  mock = await startMockServer({ port: 0, count: 200, apiKey: KEY, webhookUrl: `http://127.0.0.1:${webPort}/api/telnyx/webhooks` });
  web = await startStaticServer({
    port: webPort, root: path.join(ROOT, 'www'), pkgDir: pkg.dir, baseUrl: '/api/telnyx',
    gateway: { apiKey: KEY, upstream: `${mock.url}/v2`, publicKey: mock.webhookPublicKey },
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
});
after(async () => {
  await browser?.close();
  await web?.close();
  await mock?.close();
  pkg?.remove();
});

async function openTab(search) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${web.url}/${search}`);
  await page.waitForFunction(() => Number(document.getElementById('app').dataset.loads) > 0);
  await page.waitForFunction(() => document.getElementById('live-indicator').dataset.state === 'live');
  return { page, problems, close: () => context.close() };
}

test('a change in one tab shows in the other within a second, through the gateway and its webhooks', async () => {
  const id = mock.dataset[0].id;
  const a = await openTab(`?portout=${id}`);
  const b = await openTab(`?portout=${id}`);
  try {
    for (const { page } of [a, b]) {
      await page.waitForFunction(() => document.getElementById('detail').dataset.state === 'ready');
      assert.equal(await page.textContent('#live-indicator'), 'live');
    }
    const eventsBefore = await b.page.locator('#event-list > *').count();
    const text = `from tab A ${Date.now()}`;
    await a.page.fill('#comment-body', text);
    await a.page.click('#comment-submit');
    await a.page.waitForFunction((t) => document.getElementById('comment-list').textContent.includes(t), text);
    const shownInA = Date.now();
    await b.page.waitForFunction((t) => document.getElementById('comment-list').textContent.includes(t), text, { timeout: 5000 });
    const lag = Date.now() - shownInA;
    assert.ok(lag < 1000, `tab B showed the comment ${lag} ms after tab A`);
    await b.page.waitForFunction((n) => document.querySelectorAll('#event-list > *').length > n, eventsBefore, { timeout: 2000 });
    assert.ok(Number(await b.page.getAttribute('#live-indicator', 'data-events')) >= 1);
    // Every request of the pages went through the gateway: the mock saw only its key.
    assert.ok(mock.log.length > 0);
    assert.ok(mock.log.every((e) => e.headers.authorization === `Bearer ${KEY}`));
    assert.deepEqual([...a.problems, ...b.problems], []);
  } finally {
    await a.close();
    await b.close();
  }
});

test('a status change made in one tab shows in the other tab’s row within a second', async () => {
  const b = await openTab('');
  const a = await openTab('');
  try {
    const ids = await b.page.$$eval('#results-body tr[data-id]', (rows) => rows.map((r) => r.dataset.id));
    // A port-out that may still be authorized (the mock's rules: from pending or rejected-pending).
    const id = ids.find((i) => ['pending', 'rejected-pending'].includes(mock.dataset.find((r) => r.id === i)?.status));
    assert.ok(id, 'an authorizable port-out on the first page');
    const chip = `#results-body tr[data-id="${id}"] .chip`;
    assert.notEqual(await b.page.textContent(chip), 'authorized');
    // Tab A authorizes it through the package, as the page's code would.
    await a.page.evaluate(async (portoutId) => {
      const lib = await import('telnyx-portouts');
      await lib.updatePortoutStatus(portoutId, 'authorized', { reason: '' }, { baseUrl: '/api/telnyx' });
    }, id);
    const done = Date.now();
    await b.page.waitForFunction((sel) => document.querySelector(sel)?.textContent === 'authorized', chip, { timeout: 5000 });
    const lag = Date.now() - done;
    assert.ok(lag < 1000, `tab B's row showed the new status ${lag} ms after the change`);
    assert.deepEqual([...a.problems, ...b.problems], []);
  } finally {
    await a.close();
    await b.close();
  }
});
