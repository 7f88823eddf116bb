// telnyx-portouts/gateway in workerd, Cloudflare's Workers runtime (installed from npm): the
// built package's server entry and its wasm as Worker modules, forwarding to the test run's mock
// (MOCK_URL) and refusing what is no port-out operation.
//
//   MOCK_URL=http://127.0.0.1:38787 node tests/workerd/run.mjs
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { freePort } from '../free-port.mjs';
import { webhookKeys, signedHeaders } from '../mock/webhooks.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const PKG = path.join(ROOT, 'pkg', 'gateway');
const MOCK_URL = process.env.MOCK_URL ?? 'http://127.0.0.1:38787';

// Every file of the server entry, as a module of the Worker (workerd resolves imports by name).
function files(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]);
}
const modules = files(PKG)
  .filter((f) => f.endsWith('.js') || f.endsWith('.wasm'))
  .map((f) => `(name = "gateway/${f}", ${f.endsWith('.wasm') ? 'wasm' : 'esModule'} = embed "gateway/${f}")`);

// The webhook key pair: the Worker verifies with workerd's WebCrypto Ed25519.
const keys = webhookKeys();
const PUBLIC_KEY = keys.publicKey;

const port = await freePort();
// workerd embeds files by paths relative to its config: the config, the Worker and a copy of
// the server entry in one temporary directory.
const dir = mkdtempSync(path.join(os.tmpdir(), 'telnyx-portouts-workerd-'));
cpSync(PKG, path.join(dir, 'gateway'), { recursive: true });
cpSync(path.join(HERE, 'worker.js'), path.join(dir, 'worker.js'));
const config = path.join(dir, 'config.capnp');
writeFileSync(config, `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .gateway),
    (name = "loopback", network = (allow = ["private", "local", "public"])),
  ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const gateway :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "worker.js"),
    ${modules.join(',\n    ')}
  ],
  compatibilityDate = "2024-09-23",
  bindings = [
    (name = "TELNYX_API_KEY", text = "KEYworkerd0123"),
    (name = "UPSTREAM", text = "${MOCK_URL}/v2"),
    (name = "TELNYX_PUBLIC_KEY", text = "${PUBLIC_KEY}"),
  ],
  globalOutbound = "loopback",
);
`);

const workerd = spawn(path.join(ROOT, 'node_modules', '.bin', 'workerd'), ['serve', config, '--experimental'], { stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
workerd.stdout.on('data', (d) => { output += d; });
workerd.stderr.on('data', (d) => { output += d; });
try {
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  let res = null;
  while (Date.now() < deadline && workerd.exitCode === null) {
    res = await fetch(`${base}/api/telnyx/portouts?page[size]=2`).catch(() => null);
    if (res) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(res, `workerd did not answer:\n${output}`);
  const body = await res.text();
  assert.equal(res.status, 200, body);
  assert.equal(JSON.parse(body).data.length, 2);
  for (const [method, p, status] of [['GET', '/api/telnyx/messages', 404], ['DELETE', '/api/telnyx/portouts', 405], ['POST', '/api/telnyx/portouts/reports', 403]]) {
    const refused = await fetch(`${base}${p}`, { method });
    assert.equal(refused.status, status, `${method} ${p}`);
  }
  const delivery = JSON.stringify({
    data: { event_type: 'portout.new_comment', id: 'e1', occurred_at: new Date().toISOString(), payload: { id: 'c1', comment: 'hi', portout_id: 'p1', user_id: 'u1' }, record_type: 'event' },
    meta: { attempt: 1, delivered_to: 'https://example.invalid' },
  });
  const signed = signedHeaders(keys, delivery);
  const post = (sig) => fetch(`${base}/api/telnyx/webhooks`, {
    method: 'POST', body: delivery,
    headers: { ...signed, 'telnyx-signature-ed25519': sig },
  });
  assert.equal((await post(signed['telnyx-signature-ed25519'])).status, 200, 'a signed delivery');
  assert.equal((await post(Buffer.alloc(64).toString('base64'))).status, 401, 'a bad signature');
  console.log('workerd: the gateway forwards a port-out read, refuses the rest, verifies webhooks: ok');
} finally {
  workerd.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
