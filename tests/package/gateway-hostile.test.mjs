// Hostile requests against the gateway on a real socket (issue 19): paths, encodings, methods,
// bodies, sizes and content types. Each is refused with its status, in Telnyx's error format,
// and not one reaches upstream (the mock's log stays empty). Counts per class are written to
// test-output/gateway-hostile.json.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createPortoutsGateway } from 'telnyx-portouts/gateway';
import { OPERATIONS } from 'telnyx-portouts';
import { startMockServer } from '../mock/server.mjs';

const SECRET = 'KEYhostile0123456789abcdef';
const ID = '0ccc7b54-4df3-4bca-a65a-3da1ecc777f0';
const P = '/api/telnyx/portouts';
const JSON_TYPE = { 'content-type': 'application/json' };
let mock;
let open;
let readsOnly;
const servers = [];
const counts = {};

async function serve(options) {
  const gateway = createPortoutsGateway({ apiKey: SECRET, upstream: `${mock.url}/v2`, authorize: () => true, audit: () => {}, ...options });
  const server = http.createServer(gateway.node);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return server.address().port;
}

function raw(port, method, path, { headers = {}, body, chunked = false } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (body !== undefined) {
      if (chunked) for (let i = 0; i < body.length; i += 4096) req.write(body.slice(i, i + 4096));
      else req.write(body);
    }
    req.end();
  });
}

before(async () => {
  mock = await startMockServer({ port: 0, count: 10 });
  open = await serve({ allow: OPERATIONS.map((op) => op.name) });
  readsOnly = await serve({});
});
after(async () => {
  for (const s of servers) s.closeAllConnections?.(), s.close();
  await mock.close();
  mkdirSync(new URL('../../test-output/', import.meta.url), { recursive: true });
  writeFileSync(new URL('../../test-output/gateway-hostile.json', import.meta.url), JSON.stringify(counts, null, 2));
});

const post = (path, body, type = 'application/json') => ['POST', path, { headers: type ? { 'content-type': type } : {}, body }];
const big = JSON.stringify({ body: 'x'.repeat(70 * 1024) });
const deep = '['.repeat(300) + ']'.repeat(300);

/** [class, status, method, path, request options, which gateway] */
const CASES = [
  ...[
    '/api/telnyx/messages', '/api/telnyx/number_orders', '/api/telnyx/calls', '/api/telnyx', '/api/telnyx/', `${P}/`,
    '/api/telnyx//portouts', `${P}//events`, '/api/telnyx/Portouts', '/api/telnyx/PORTOUTS', `${P}/EVENTS`, '/API/telnyx/portouts',
    `${P}/../messages`, `${P}/./events`, `${P}/%2e%2e/messages`, `${P}/%2E%2E/messages`, `${P}%2fevents`, `${P}%2Fevents`,
    `${P}/events%2f${ID}`, `${P}/%2e`, `${P}/..`, `${P}/.`, `${P}/events/${ID}/republish/again`, `${P}/${ID}/comments/1`,
    `${P}/reports/${ID}/download`, '/v2/portouts', '/portouts', '/api/telnyxportouts', '/api/telnyx-portouts', `${P};x=1`,
    `${P}/events;jsessionid=1`, `${P}/%00`, `${P}/ev%20ents`, `${P}/\u00e9vents`, `${P}\\events`, '/api/telnyx/portouts/events/%2e%2e/%2e%2e/%2e%2e/v1',
    `${P}/${ID}%00`, `${P}/${ID}/comments%23`, '/api/telnyx/%70ortouts', `/api/telnyx/portouts/${'a'.repeat(300)}/x/y`,
  ].map((path) => ['path', 404, 'GET', encodeURI(path) === path ? path : path.replace(/[^\x21-\x7e]/g, encodeURIComponent)]),
  ['path', 414, 'GET', `${P}?${'filter[pon]=x&'.repeat(800)}`],
  ...[
    ['DELETE', `${P}/${ID}`], ['PUT', `${P}/${ID}`], ['DELETE', `${P}/${ID}/comments`], ['PUT', `${P}/${ID}/comments`],
    ['POST', P], ['PATCH', P], ['DELETE', P], ['POST', `${P}/${ID}`], ['PATCH', `${P}/events/${ID}`], ['GET', `${P}/events/${ID}/republish`],
    ['GET', `${P}/${ID}/authorized`], ['POST', `${P}/${ID}/authorized`], ['PATCH', `${P}/reports`], ['OPTIONS', P], ['HEAD', P],
    ['TRACE', P], ['PUT', `${P}/reports/${ID}`], ['DELETE', `${P}/rejections/${ID}`],
  ].map(([method, path]) => ['method', 405, method, path]),
  ...[
    post(`${P}/${ID}/comments`, '{"body":"hi"}'), ['PATCH', `${P}/${ID}/authorized`, { headers: JSON_TYPE, body: '{"reason":""}' }],
    post(`${P}/${ID}/supporting_documents`, '{"documents":[]}'), post(`${P}/events/${ID}/republish`, undefined, null),
    post(`${P}/reports`, '{"report_type":"export_portouts_csv","params":{"filters":{}}}'),
  ].map(([method, path, options]) => ['not allowed', 403, method, path, options, 'readsOnly']),
  ...[
    `${P}/not-a-uuid`, `${P}/${ID.toUpperCase().replace(/-/g, '')}`, `${P}?filter[status]=lost`, `${P}?filter[unknown]=1`,
    `${P}?filter[status_in]=pending,nope`, `${P}?page[size]=251`, `${P}?page[size]=0`, `${P}?page[number]=-1`, `${P}?page[number]=1.5`,
    `${P}?sort=-created_at`, `${P}?include=all`, `${P}?filter[status]=pending&filter[status]=ported`, `${P}?page[size]=1&page[size]=2`,
    `${P}?filter[inserted_at][gte]=yesterday`, `${P}?filter[inserted_at][after]=2024-01-01`, `${P}?filter[phone_number]=555`,
    `${P}?filter[country_code]=USA`, `${P}?filter[pon]=%FF`, `${P}?filter[a][b][c]=1`, `${P}/${ID}?x=1`, `${P}/${ID}/comments?page[size]=1`,
    `${P}/events?filter[event_type]=number_order.complete`, `${P}/events?filter[portout_id]=x`, `${P}/reports?filter[status]=done`,
    `${P}/rejections/${ID}?filter[code]=abc`, `${P}/rejections/not-a-uuid`, `${P}/events/not-a-uuid`, `${P}/reports/xyz`,
  ].map((path) => ['arguments', 422, 'GET', path]),
  ...[
    ['PATCH', `${P}/${ID}/cancelled`, '{"reason":"x"}'], ['PATCH', `${P}/${ID}/rejected-pending`, '{"reason":"  "}'],
    ['PATCH', `${P}/${ID}/rejected-pending`, '{}'], ['PATCH', `${P}/${ID}/authorized`, '{"reason":"","extra":1}'],
    ['PATCH', `${P}/${ID}/authorized`, '{"reason":5}'], ['POST', `${P}/${ID}/comments`, '{"body":"hi","admin":true}'],
    ['POST', `${P}/${ID}/comments`, '[]'], ['POST', `${P}/${ID}/comments`, '"hi"'], ['POST', `${P}/${ID}/comments`, '{"body":""}'],
    ['POST', `${P}/${ID}/comments`, 'null'], ['POST', `${P}/${ID}/comments`, ''], ['POST', `${P}/${ID}/supporting_documents`, '{"documents":[{"type":"passport","document_id":"x"}]}'],
    ['POST', `${P}/reports`, '{"report_type":"other","params":{"filters":{}}}'], ['POST', `${P}/reports`, '{"report_type":"export_portouts_csv"}'],
    ['POST', `${P}/reports`, '{"report_type":"export_portouts_csv","params":{"filters":{"status__in":["lost"]}}}'],
  ].map(([method, path, body]) => ['bodies', 422, method, path, { headers: JSON_TYPE, body }]),
  ...[
    'application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x', 'text/json', 'application/jsonx',
    'application/xml', 'application/json-patch+json', null,
  ].map((type) => ['content types', 415, ...post(`${P}/${ID}/comments`, '{"body":"hi"}', type)]),
  ['sizes', 413, ...post(`${P}/${ID}/comments`, big)],
  ['sizes', 413, 'POST', `${P}/${ID}/comments`, { headers: { ...JSON_TYPE, 'transfer-encoding': 'chunked' }, body: big, chunked: true }],
  ['sizes', 413, 'PATCH', `${P}/${ID}/rejected-pending`, { headers: JSON_TYPE, body: big }],
  ...[
    '{"body":', "{'body':'hi'}", '{"body":"hi"} trailing', '{"body":NaN}', deep, '\u0000', '{"body":"\\ud800"', '{body:"hi"}',
  ].map((body) => ['bodies', 400, ...post(`${P}/${ID}/comments`, body)]),
  ['bodies', 400, ...post(`${P}/events/${ID}/republish`, '{"x":1}')],
];

test(`${CASES.length} hostile requests are each refused with their status and reach nothing upstream`, async () => {
  assert.ok(CASES.length >= 100, `${CASES.length} cases`);
  mock.log.length = 0;
  for (const [klass, status, method, path, options, which] of CASES) {
    const res = await raw(which === 'readsOnly' ? readsOnly : open, method, path, options);
    assert.equal(res.status, status, `${klass}: ${method} ${path.slice(0, 80)} → ${res.body.slice(0, 200)}`);
    if (method !== 'HEAD') {
      const error = JSON.parse(res.body).errors?.[0];
      assert.ok(error?.code && error.title && error.detail, `${klass}: Telnyx's error format: ${res.body.slice(0, 200)}`);
    }
    if (status === 405) assert.ok(res.headers.allow, `${method} ${path}: Allow`);
    assert.equal(mock.log.length, 0, `${klass}: ${method} ${path.slice(0, 80)} reached upstream`);
    assert.ok(!res.body.includes(SECRET));
    counts[klass] = (counts[klass] ?? 0) + 1;
  }
  // The gateway still forwards a valid request afterwards.
  const ok = await raw(open, 'GET', `${P}?page[size]=1`);
  assert.equal(ok.status, 200);
  assert.equal(mock.log.length, 1);
});
