// The gateway as users run it (issue 19): `telnyx-portouts/gateway` on a real node:http socket
// in front of the mock Telnyx API. Each operation forwarded exactly as the client sends it
// directly; hostile requests refused with their status and no upstream request; the key in
// nothing captured; allow, authorize, audit; 502/504; writes not retried.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { createPortoutsGateway } from 'telnyx-portouts/gateway';
import * as portouts from 'telnyx-portouts';
import { startMockServer } from '../mock/server.mjs';
import { OPERATION_CASES } from './gateway-cases.mjs';

const SECRET = 'KEYgateway0123456789abcdef';
let mock;
let servers = [];

/** A gateway on its own socket; resolves to its origin. */
async function serve(options) {
  const gateway = createPortoutsGateway({ apiKey: SECRET, upstream: `${mock.url}/v2`, authorize: () => true, audit: () => {}, ...options });
  const server = http.createServer(gateway.node);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return `http://127.0.0.1:${server.address().port}`;
}

/** A raw request (the path exactly as written: no URL normalization). */
function raw(origin, method, path, { headers = {}, body } = {}) {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, method, path, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

before(async () => {
  mock = await startMockServer({ port: 0, count: 30 });
});
after(async () => {
  for (const s of servers) s.closeAllConnections?.(), s.close();
  await mock.close();
});

const ALL = portouts.OPERATIONS.map((op) => op.name);

test('each operation goes upstream exactly as the client sends it directly, key added', async () => {
  const origin = await serve({ allow: ALL });
  let compared = 0;
  for (const op of portouts.OPERATIONS) {
    assert.ok(OPERATION_CASES[op.name], `${op.name} has gateway cases`);
    const cases = OPERATION_CASES[op.name](mock);
    assert.ok(cases.length > 0, op.name);
    for (const given of cases) {
      const fn = portouts[op.name];
      const args = op.params.map((_, i) => given[i]);
      const outcome = (p) => p.then(() => 'ok', (e) => e.code);
      mock.log.length = 0;
      const directly = await outcome(fn(...args, { baseUrl: `${mock.url}/v2`, apiKey: SECRET, maxRetries: 0 }));
      const direct = mock.log.map(({ method, path, query, body }) => ({ method, path, query, body }));
      mock.log.length = 0;
      const through = await outcome(fn(...args, { baseUrl: `${origin}/api/telnyx`, maxRetries: 0 }));
      assert.equal(through, directly, `${op.name}: the same outcome`);
      const forwarded = mock.log.map(({ method, path, query, body, headers }) => ({ method, path, query, body, auth: headers.authorization }));
      assert.equal(forwarded.length, 1, `${op.name}: one upstream request`);
      assert.deepEqual(forwarded.map(({ auth, ...r }) => r), direct, op.name);
      assert.equal(forwarded[0].auth, `Bearer ${SECRET}`, op.name);
      compared += 1;
    }
  }
  assert.ok(compared >= 14, `${compared} cases`);
});

test("the caller's headers stay behind; upstream's status, body and x-request-id come back", async () => {
  const origin = await serve({});
  mock.log.length = 0;
  const res = await raw(origin, 'GET', '/api/telnyx/portouts?page[size]=2', {
    headers: { authorization: 'Bearer CALLER', cookie: 'session=1', 'x-http-method-override': 'DELETE', origin: 'https://evil.example' },
  });
  assert.equal(res.status, 200);
  assert.equal(JSON.parse(res.body).data.length, 2);
  assert.ok(res.headers['x-request-id']);
  assert.equal(mock.log.length, 1);
  const sent = mock.log[0];
  assert.equal(sent.method, 'GET');
  assert.equal(sent.headers.authorization, `Bearer ${SECRET}`);
  assert.equal(sent.headers.origin, undefined);
  assert.equal(res.headers['access-control-allow-origin'], undefined, 'no CORS grant unless configured');
});

test('the key is in nothing the gateway returns, even when upstream echoes it', async () => {
  const gateway = createPortoutsGateway({ apiKey: SECRET, upstream: `${mock.url}/__mock/body=echo_auth/v2`, authorize: () => true });
  const res = await gateway.fetch(new Request('http://gw.local/api/telnyx/portouts'));
  const text = await res.text();
  assert.ok(!text.includes(SECRET) && ![...res.headers].some(([, v]) => v.includes(SECRET)), text);
});

test('allow defaults to the reads; authorize decides; audit sees each forwarded write', async () => {
  const entries = [];
  const asked = [];
  const id = (await portouts.listPortouts({}, { baseUrl: `${mock.url}/v2`, apiKey: SECRET })).data[0].id;
  const readsOnly = await serve({ audit: (e) => entries.push(e) });
  mock.log.length = 0;
  let res = await raw(readsOnly, 'POST', `/api/telnyx/portouts/${id}/comments`, { headers: { 'content-type': 'application/json' }, body: '{"body":"hi"}' });
  assert.equal(res.status, 403);
  assert.match(JSON.parse(res.body).errors[0].detail, /createPortoutComment is not allowed/);
  const user = { id: 'u1' };
  const open = await serve({
    allow: ['listPortouts', 'createPortoutComment'],
    authorize: async (req, op) => (asked.push(op), req.headers['x-user'] === 'ok' ? user : false),
    audit: (e) => entries.push(e),
  });
  res = await raw(open, 'GET', '/api/telnyx/portouts');
  assert.equal(res.status, 403);
  res = await raw(open, 'POST', `/api/telnyx/portouts/${id}/comments`, { headers: { 'content-type': 'application/json', 'x-user': 'ok' }, body: '{"body":"hi"}' });
  assert.equal(res.status, 201, res.body);
  assert.equal(mock.log.length, 1, 'only the authorized write went upstream');
  assert.deepEqual(asked, [{ name: 'listPortouts', write: false }, { name: 'createPortoutComment', write: true }]);
  assert.equal(entries.length, 1);
  const [entry] = entries;
  assert.equal(entry.operation, 'createPortoutComment');
  assert.equal(entry.portoutId, id);
  assert.equal(entry.status, 201);
  assert.deepEqual(entry.user, user);
  assert.ok(entry.requestId && !Number.isNaN(Date.parse(entry.time)));
  assert.ok(!JSON.stringify(entry).includes('hi') && !JSON.stringify(entry).includes(SECRET));
});

test('no answer upstream is 502, a slow one 504; a write answered 5xx is not retried', async () => {
  const closed = http.createServer();
  await new Promise((r) => closed.listen(0, '127.0.0.1', r));
  const deadPort = closed.address().port;
  await new Promise((r) => closed.close(r));
  let gateway = createPortoutsGateway({ apiKey: SECRET, upstream: `http://127.0.0.1:${deadPort}/v2`, authorize: () => true, maxRetries: 0 });
  let res = await gateway.fetch(new Request('http://gw.local/api/telnyx/portouts'));
  assert.equal(res.status, 502);
  assert.match((await res.json()).errors[0].detail, /could not be reached/);
  gateway = createPortoutsGateway({ apiKey: SECRET, upstream: `${mock.url}/__mock/latency=3000/v2`, authorize: () => true, timeoutMs: 200, maxRetries: 0 });
  res = await gateway.fetch(new Request('http://gw.local/api/telnyx/portouts'));
  assert.equal(res.status, 504);
  const id = (await portouts.listPortouts({}, { baseUrl: `${mock.url}/v2`, apiKey: SECRET })).data[0].id;
  gateway = createPortoutsGateway({ apiKey: SECRET, upstream: `${mock.url}/__mock/status=500/v2`, authorize: () => true, allow: ['createPortoutComment'], audit: () => {} });
  mock.log.length = 0;
  res = await gateway.fetch(new Request(`http://gw.local/api/telnyx/portouts/${id}/comments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"body":"once"}' }));
  assert.equal(res.status, 500);
  assert.equal(mock.log.length, 1, 'the write went upstream once');
  gateway = createPortoutsGateway({ apiKey: SECRET, upstream: `${mock.url}/__mock/status=500/v2`, authorize: () => true, maxRetries: 2 });
  mock.log.length = 0;
  res = await gateway.fetch(new Request('http://gw.local/api/telnyx/portouts'));
  assert.equal(res.status, 500);
  assert.equal(mock.log.length, 3, 'a read follows the retry policy');
});

test('bad options throw at creation, naming the option', () => {
  const base = { apiKey: SECRET, authorize: () => true };
  const cases = [
    [{ authorize: () => true }, 'apiKey'],
    [{ apiKey: SECRET }, 'authorize'],
    [{ ...base, upstream: 'http://api.telnyx.com/v2' }, 'upstream'],
    [{ ...base, allow: ['listPortouts', 'sendMessage'] }, 'allow[1]'],
    [{ ...base, cors: { origin: '*' } }, 'cors.origin'],
  ];
  for (const [options, path] of cases) {
    assert.throws(() => createPortoutsGateway(options), (e) => e instanceof Error && e.path === path && !e.message.includes(SECRET), path);
  }
});

test('CORS: only the configured origin is granted, never *', async () => {
  const app = 'https://app.example';
  const gateway = createPortoutsGateway({ apiKey: SECRET, upstream: `${mock.url}/v2`, authorize: () => true, cors: { origin: app } });
  const preflight = await gateway.fetch(new Request('http://gw.local/api/telnyx/portouts', {
    method: 'OPTIONS', headers: { origin: app, 'access-control-request-method': 'GET' },
  }));
  assert.equal(preflight.status, 204);
  assert.equal(preflight.headers.get('access-control-allow-origin'), app);
  assert.equal(preflight.headers.get('access-control-allow-methods'), 'GET');
  const read = await gateway.fetch(new Request('http://gw.local/api/telnyx/portouts?page[size]=1', { headers: { origin: app } }));
  assert.equal(read.status, 200);
  assert.equal(read.headers.get('access-control-allow-origin'), app);
  const other = await gateway.fetch(new Request('http://gw.local/api/telnyx/portouts?page[size]=1', { headers: { origin: 'https://evil.example' } }));
  assert.equal(other.headers.get('access-control-allow-origin'), null);
  const otherPreflight = await gateway.fetch(new Request('http://gw.local/api/telnyx/portouts', {
    method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
  }));
  assert.equal(otherPreflight.status, 405);
  assert.equal(otherPreflight.headers.get('access-control-allow-origin'), null);
});
