// scripts/demo.sh (the README's first command): starts the mock and the page server with the
// gateway in front of the mock, prints the URL, serves the page, the package, config.json and
// the gateway (the page's default baseUrl, same origin, no key), delivers the mock's signed
// webhooks to the live stream, and stops both servers on SIGTERM.
//
//   node --test tests/e2e/
//
// Runs with DEMO_NO_BUILD=1 (never builds the package) on free ports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitForPkg } from './pkg-ready.mjs';
import { freePort } from '../free-port.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');


test('scripts/demo.sh serves the demo through the gateway in front of the mock until stopped', async (t) => {
  await waitForPkg(path.join(ROOT, 'pkg'));
  const [mockPort, demoPort] = [await freePort(), await freePort()];
  const child = spawn('bash', ['scripts/demo.sh'], {
    cwd: ROOT,
    env: { ...process.env, MOCK_PORT: String(mockPort), DEMO_PORT: String(demoPort), DEMO_NO_BUILD: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  t.after(() => { if (child.exitCode === null) child.kill('SIGKILL'); });

  const deadline = Date.now() + 20_000;
  while (!output.includes('Press Ctrl-C') && child.exitCode === null && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.match(output, new RegExp(`Open the demo: +http://127\\.0\\.0\\.1:${demoPort}/`), output);
  assert.match(output, /pkg\/ is up to date with the sources/, output);

  const demo = `http://127.0.0.1:${demoPort}`;
  const html = await fetch(`${demo}/`);
  assert.equal(html.status, 200);
  assert.match(await html.text(), /"telnyx-portouts": "\/node_modules\/telnyx-portouts\/index\.js"/);
  assert.deepEqual(await (await fetch(`${demo}/config.json`)).json(), { baseUrl: '/api/telnyx', live: true });
  const wasm = await fetch(`${demo}/node_modules/telnyx-portouts/telnyx_portouts_bg.wasm`);
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  await wasm.arrayBuffer();
  // The page's requests go through the gateway, which holds the key; the mock refuses any other.
  const list = await fetch(`${demo}/api/telnyx/portouts?page[size]=1`);
  assert.equal(list.status, 200);
  const [record] = (await list.json()).data;
  assert.ok(record.id);
  assert.equal((await fetch(`http://127.0.0.1:${mockPort}/v2/portouts?page[size]=1`)).status, 401);
  assert.equal((await fetch(`${demo}/api/telnyx/messages`)).status, 404);
  // A change the mock makes is delivered, signed, to the gateway and comes out of its live stream.
  const controller = new AbortController();
  const live = await fetch(`${demo}/api/telnyx/live`, { signal: controller.signal });
  const reader = live.body.getReader();
  const posted = await fetch(`${demo}/api/telnyx/portouts/${record.id}/comments`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ body: 'from the demo test' }),
  });
  assert.equal(posted.status, 201);
  let streamed = '';
  while (!streamed.includes('from the demo test')) streamed += new TextDecoder().decode((await reader.read()).value);
  assert.match(streamed, /event: portout\.new_comment\n/);
  controller.abort();

  child.kill('SIGTERM');
  const { code } = await exited;
  assert.equal(code, 0, output);
  await assert.rejects(fetch(`${demo}/`), 'the page server stopped');
  await assert.rejects(fetch(`http://127.0.0.1:${mockPort}/__health`), 'the mock stopped');
});

// A copy of what scripts/demo.sh and its source hash read, with a built pkg/ (this checkout's).
function demoCopy(t) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'telnyx-portouts-demo-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const p of ['Cargo.toml', 'Cargo.lock', 'src', 'schema', 'js', 'pkg-template', 'scripts', 'pkg']) {
    cpSync(path.join(ROOT, p), path.join(dir, p), { recursive: true, dereference: true });
  }
  return dir;
}

function demoNoBuild(dir) {
  const r = spawnSync('bash', ['scripts/demo.sh'], {
    cwd: dir,
    env: { ...process.env, DEMO_NO_BUILD: '1', MOCK_PORT: '1', DEMO_PORT: '1' },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: r.status, output: `${r.stdout}${r.stderr}` };
}

test('scripts/demo.sh sees that the sources changed since pkg/ was built (and with DEMO_NO_BUILD=1 will not serve it)', async (t) => {
  await waitForPkg(path.join(ROOT, 'pkg'));
  const dir = demoCopy(t);
  appendFileSync(path.join(dir, 'src', 'lib.rs'), '\n// an edit after the build\n');
  const { code, output } = demoNoBuild(dir);
  assert.equal(code, 1, output);
  assert.match(output, /the sources changed since pkg\/ was built and DEMO_NO_BUILD=1/, output);
});

test('scripts/demo.sh does not trust a pkg/ that does not record what it was built from', async (t) => {
  await waitForPkg(path.join(ROOT, 'pkg'));
  const dir = demoCopy(t);
  rmSync(path.join(dir, 'pkg', '.source-hash'));
  const { code, output } = demoNoBuild(dir);
  assert.equal(code, 1, output);
  assert.match(output, /pkg\/ does not record the sources it was built from and DEMO_NO_BUILD=1/, output);
});
