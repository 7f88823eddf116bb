// The set-up the demo's Chromium suites share (e2e.test.mjs: the listing; detail.test.mjs: the
// detail panel and the reports): the mock Telnyx server (port 0, in-process), the www static
// server (port 0) serving a private copy of pkg/ (a rebuild during the run cannot change the
// package under the tests), headless Chromium (/usr/bin/chromium or $CHROMIUM), and a page
// opener that records console errors, page errors and dialogs for a suite's last test.
import { before, after } from 'node:test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

import { startMockServer } from '../mock/server.mjs';
import { startStaticServer } from '../../www/serve.mjs';
import { snapshotPkg } from './pkg-ready.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHOTS = path.join(ROOT, 'test-output', 'screenshots');
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };
/** The page's default page size. */
export const PAGE_SIZE = 20;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/**
 * Registers the suite's `before`/`after` hooks and returns the harness; its `mock`, `web`,
 * `browser` and `lib` (the package's Node entry of the same copy the page gets) are set once
 * `h.ready` has resolved. `mockOptions` go to startMockServer.
 */
export function useHarness(mockOptions = {}) {
  const h = {
    mock: null,
    web: null,
    browser: null,
    lib: null,
    pkgDir: null,
    /** Console errors, page errors and dialogs of every page, for the suite's last test. */
    consoleProblems: [],
    /** `<mock>/__mock/tag=<tag>[,<directives>]/v2`: a base URL whose requests are tagged (and faulted). */
    api: (tag, directives = '') => `${h.mock.url}/__mock/tag=${tag}${directives ? `,${directives}` : ''}/v2`,
    /** The page's address for a base URL and a search. */
    pageUrl(baseUrl, search = '') {
      const s = search.replace(/^\?/, '');
      return `${h.web.url}/?${s ? `${s}&` : ''}baseUrl=${encodeURIComponent(baseUrl)}`;
    },
    /**
     * Opens the page on `baseUrl` and waits for its first list load to finish. `httpErrors`:
     * the test provokes HTTP errors on purpose, so Chromium's own "Failed to load resource …"
     * console lines are expected. A dialog (alert/confirm/prompt) is always a problem.
     */
    async openPage(t, { baseUrl = h.api(`t${Math.random().toString(36).slice(2, 8)}`), search = '', viewport = DESKTOP, httpErrors = false } = {}) {
      const context = await h.browser.newContext({ viewport, acceptDownloads: true });
      const page = await context.newPage();
      page.dialogs = [];
      page.on('console', (m) => {
        if (m.type() !== 'error') return;
        if (httpErrors && m.text().startsWith('Failed to load resource')) return;
        h.consoleProblems.push(`${t.name}: console.error ${m.text()} (${m.location().url})`);
      });
      page.on('pageerror', (e) => h.consoleProblems.push(`${t.name}: page error ${e.message}`));
      page.on('dialog', (d) => {
        page.dialogs.push(`${d.type()}: ${d.message()}`);
        h.consoleProblems.push(`${t.name}: browser dialog ${d.type()} "${d.message()}"`);
        d.dismiss().catch(() => {});
      });
      t.after(() => context.close());
      await page.goto(h.pageUrl(baseUrl, search));
      await page.waitForFunction(() => Number(document.getElementById('app').dataset.loads) > 0);
      return page;
    },
    /** Saves a screenshot as test-output/screenshots/<name>.png. */
    async shot(page, name) {
      await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
    },
  };

  let pkg;
  let ready;
  let failed;
  /** Resolves once the servers and the browser are up (await it in a suite's own `before`). */
  h.ready = new Promise((resolve, reject) => { ready = resolve; failed = reject; });
  h.ready.catch(() => {}); // the hook's own failure is what the runner reports
  before(async () => {
    try {
      await setUp();
      ready();
    } catch (e) {
      failed(e);
      throw e;
    }
  });
  async function setUp() {
    pkg = await snapshotPkg(path.join(ROOT, 'pkg'));
    h.pkgDir = pkg.dir;
    mkdirSync(SHOTS, { recursive: true });
    h.mock = await startMockServer({ port: 0, ...mockOptions });
    h.web = await startStaticServer({ port: 0, root: path.join(ROOT, 'www'), pkgDir: pkg.dir });
    h.browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    h.lib = await import(pathToFileURL(path.join(pkg.dir, 'node.js')).href);
  }
  after(async () => {
    await h.browser?.close();
    await h.web?.close();
    await h.mock?.close();
    pkg?.remove();
  });
  return h;
}
