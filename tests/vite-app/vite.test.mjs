// The package as a Vite user gets it: tests/vite-app depends on "file:../../pkg", is built with
// `vite build`, served by the demo's static server and loaded in Chromium against the mock.
//
//   node --test tests/vite-app/
//
// Installs the app's dependencies (`npm ci --prefix tests/vite-app`, from its committed
// package-lock.json) only when tests/vite-app/node_modules is missing. Builds into
// test-output/vite-app-dist/. Needs pkg/ built and Chromium at /usr/bin/chromium (or $CHROMIUM).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { startMockServer } from '../mock/server.mjs';
import { startStaticServer } from '../../www/serve.mjs';
import { waitForPkg } from '../e2e/pkg-ready.mjs';

const APP = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(APP, '..', '..');
const DIST = path.join(ROOT, 'test-output', 'vite-app-dist');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

let mock;
let web;
let browser;

before(async () => {
  if (!existsSync(path.join(APP, 'node_modules', 'vite'))) {
    execFileSync('npm', ['ci', '--prefix', APP, '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit', timeout: 300_000 });
  }
  await waitForPkg(path.join(ROOT, 'pkg')); // the app links ../../pkg, which may be being rebuilt
  execFileSync(process.execPath, [path.join(APP, 'node_modules', 'vite', 'bin', 'vite.js'), 'build',
    '--outDir', DIST, '--emptyOutDir', '--logLevel', 'warn'], { cwd: APP, stdio: 'inherit', timeout: 120_000 });
  mock = await startMockServer({ port: 0 });
  web = await startStaticServer({ port: 0, root: DIST, pkgDir: null });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  await web?.close();
  await mock?.close();
});

test('vite build emits the wasm as an asset', () => {
  const assets = readdirSync(path.join(DIST, 'assets'));
  assert.ok(assets.some((f) => /^telnyx_portouts_bg-.*\.wasm$/.test(f)), `a hashed wasm asset (${assets.join(', ')})`);
});

test('the built app lists port-outs from the mock and builds query strings', async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  const wasmResponses = [];
  page.on('response', (r) => { if (r.url().endsWith('.wasm')) wasmResponses.push(r); });

  const baseUrl = `${mock.url}/__mock/tag=vite/v2`;
  await page.goto(`${web.url}/?baseUrl=${encodeURIComponent(baseUrl)}`);
  await page.waitForSelector('body[data-done="true"]', { timeout: 15_000 });
  const result = await page.evaluate(() => window.__result);

  assert.equal(result.error, undefined, JSON.stringify(result.error));
  assert.equal(result.ok, true);
  assert.equal(result.query,
    'filter%5Bcountry_code%5D=US&filter%5Bphone_number%5D=%2B13035551212&filter%5Bstatus_in%5D=pending%2Cported'
    + '&page%5Bnumber%5D=2&page%5Bsize%5D=50');
  assert.deepEqual(result.validation, { isPortoutsError: true, code: 'invalid_filter', path: 'filter.phone_number' });

  const ported = mock.dataset.filter((r) => r.status === 'ported');
  assert.deepEqual(result.meta, { page_number: 1, page_size: 5, total_pages: Math.ceil(ported.length / 5), total_results: ported.length });
  assert.deepEqual(result.ids, ported.slice(0, 5).map((r) => r.id));
  assert.deepEqual(result.statuses, Array(5).fill('ported'));

  const log = await (await fetch(`${mock.url}/__log?tag=vite&method=GET`)).json();
  assert.equal(log.length, 1);
  assert.equal(result.requestId, log[0].requestId);
  assert.deepEqual(log[0].params.map(([k, v]) => `${k}=${v}`).sort(), ['filter[status]=ported', 'page[size]=5']);

  assert.equal(wasmResponses.length, 1, 'the wasm is fetched once');
  assert.equal(wasmResponses[0].headers()['content-type'], 'application/wasm');
  assert.deepEqual(problems, []);
  await page.close();
});
