// Live updates (issue 19): the gateway's `{basePath}/live` stream of accepted webhook events,
// a reconnect with Last-Event-ID, and `watchPortoutEvents` in the browser package: from the
// stream, and by polling listPortoutEvents where there is no stream.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { createPortoutsGateway } from 'telnyx-portouts/gateway';
import { watchPortoutEvents, createPortoutComment, createPortoutsClient } from 'telnyx-portouts';
import { startMockServer } from '../mock/server.mjs';
import { webhookKeys, signedHeaders } from '../mock/webhooks.mjs';

const KEYS = webhookKeys();
const PUBLIC_KEY = KEYS.publicKey;
const KEY = 'KEYlive0123456789';
let mock;
let origin;
let server;
let allowLive = true;

let seq = 0;
function delivery() {
  seq += 1;
  return JSON.stringify({
    data: { event_type: 'portout.new_comment', id: `live-${seq}`, occurred_at: new Date().toISOString(), payload: { id: `c${seq}`, comment: `comment ${seq}`, portout_id: 'p1', user_id: 'u1' }, record_type: 'event' },
    meta: { attempt: 1, delivered_to: 'https://example.invalid/hooks' },
  });
}
function deliver(body) {
  return fetch(`${origin}/api/telnyx/webhooks`, { method: 'POST', headers: signedHeaders(KEYS, body), body });
}

before(async () => {
  mock = await startMockServer({ port: 0, count: 10 });
  const gateway = createPortoutsGateway({
    apiKey: KEY, upstream: `${mock.url}/v2`,
    authorize: (req, op) => op.name !== 'live' || allowLive,
    webhook: { publicKey: PUBLIC_KEY, path: '/api/telnyx/webhooks' },
  });
  server = http.createServer(gateway.node);
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${server.address().port}`;
});
after(async () => {
  server.closeAllConnections?.();
  server.close();
  await mock.close();
});

test('watchPortoutEvents yields each delivered event once, within a second', async () => {
  const controller = new AbortController();
  const seen = [];
  const watching = (async () => {
    for await (const event of watchPortoutEvents({ baseUrl: `${origin}/api/telnyx`, signal: controller.signal })) {
      seen.push({ ...event, at: Date.now() });
      if (seen.length === 2) break;
    }
  })();
  await new Promise((r) => setTimeout(r, 200));
  const first = delivery();
  const sentAt = Date.now();
  assert.equal((await deliver(first)).status, 200);
  assert.equal((await deliver(first)).status, 200, 'a repeated delivery');
  const second = delivery();
  await deliver(second);
  await watching;
  assert.deepEqual(seen.map((e) => e.id), [first, second].map((b) => JSON.parse(b).data.id), 'each event once, in order');
  assert.equal(seen[0].event_type, 'portout.new_comment');
  assert.equal(seen[0].source, 'live');
  assert.equal(seen[0].payload.comment, JSON.parse(first).data.payload.comment);
  assert.ok(seen[0].at - sentAt < 1000, `${seen[0].at - sentAt} ms`);
  controller.abort();
});

test('a reconnect with Last-Event-ID gets what it missed', async () => {
  const a = delivery();
  const b = delivery();
  await deliver(a);
  await deliver(b);
  const lastId = JSON.parse(a).data.id;
  const controller = new AbortController();
  const res = await fetch(`${origin}/api/telnyx/live`, { headers: { 'last-event-id': lastId }, signal: controller.signal });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^text\/event-stream/);
  const reader = res.body.getReader();
  const { value } = await reader.read();
  const text = new TextDecoder().decode(value);
  assert.ok(text.startsWith(`id: ${JSON.parse(b).data.id}\nevent: portout.new_comment\ndata: `), text.slice(0, 120));
  assert.ok(!text.includes(`id: ${lastId}\n`));
  controller.abort();
});

test('the live stream is authorized like a read', async () => {
  allowLive = false;
  try {
    const res = await fetch(`${origin}/api/telnyx/live`);
    assert.equal(res.status, 403);
    assert.equal((await fetch(`${origin}/api/telnyx/live`, { method: 'POST' })).status, 405);
  } finally {
    allowLive = true;
  }
});

test('without a live stream, watchPortoutEvents polls listPortoutEvents', async () => {
  const options = { baseUrl: `${mock.url}/v2`, apiKey: KEY };
  const controller = new AbortController();
  const client = createPortoutsClient({ ...options, signal: controller.signal });
  const id = mock.dataset[0].id;
  const got = (async () => {
    for await (const event of client.watchPortoutEvents({ pollMs: 100 })) return event;
  })();
  await new Promise((r) => setTimeout(r, 150));
  await createPortoutComment(id, { body: 'seen by polling' }, options);
  const event = await got;
  controller.abort();
  assert.equal(event.source, 'poll');
  assert.equal(event.event_type, 'portout.new_comment');
  assert.equal(event.payload.comment, 'seen by polling');
});

test('watchPortoutEvents reconnects after the stream drops and gets what it missed', async () => {
  const controller = new AbortController();
  const states = [];
  const seen = [];
  let dropped;
  const droppedOnce = new Promise((r) => { dropped = r; });
  const watching = (async () => {
    for await (const event of watchPortoutEvents({ baseUrl: `${origin}/api/telnyx`, signal: controller.signal, onState: (s) => states.push(s) })) {
      seen.push(event.id);
      if (seen.length === 1) {
        server.closeAllConnections(); // the stream drops
        dropped();
      }
      if (seen.length === 2) break;
    }
  })();
  while (!states.includes('live')) await new Promise((r) => setTimeout(r, 20));
  const first = delivery();
  await deliver(first);
  await droppedOnce;
  const missed = delivery(); // delivered while the watcher is away
  // (This test's own keep-alive socket to the server was closed with the stream: send again.)
  await deliver(missed).catch(() => deliver(missed));
  await watching;
  controller.abort();
  assert.deepEqual(seen, [first, missed].map((b) => JSON.parse(b).data.id));
  assert.deepEqual(states.slice(0, 3), ['live', 'reconnecting', 'live']);
});

/** A stand-in live stream that sends `text` (server-sent events) and ends. */
async function streamOf(text) {
  const s = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.end(text);
  });
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  return { baseUrl: `http://127.0.0.1:${s.address().port}`, close: () => (s.closeAllConnections(), s.close()) };
}
const liveData = (over = {}, payload = {}) => JSON.stringify({
  data: { event_type: 'portout.new_comment', id: 'e1', occurred_at: '2026-12-06T00:00:00Z', payload: { id: 'c1', comment: 'hi', portout_id: 'p1', user_id: 'u1', ...payload }, record_type: 'event', ...over },
  meta: { attempt: 1 },
});

test('the browser reads the stream as server-sent events: CRLF lines, comments, data over several lines', async () => {
  const json = liveData();
  const split = json.replace('"meta"', '\n"meta"');
  const stream = await streamOf(`: heartbeat\r\n\r\nretry: 5\r\nid: e1\r\nevent: portout.new_comment\r\ndata: ${split.replace('\n', '\r\ndata:')}\r\n\r\n`);
  try {
    const controller = new AbortController();
    for await (const event of watchPortoutEvents({ baseUrl: stream.baseUrl, signal: controller.signal })) {
      assert.deepEqual(event, { id: 'e1', event_type: 'portout.new_comment', occurred_at: '2026-12-06T00:00:00Z', payload: JSON.parse(json).data.payload, source: 'live' });
      break;
    }
  } finally {
    stream.close();
  }
});

test('a live event that is not a valid port-out event of its stream type is refused (invalid_webhook)', async () => {
  const cases = [
    ['a payload field of the wrong type', 'portout.new_comment', liveData({}, { comment: 5 }), /data\.payload\.comment/],
    ['no id', 'portout.new_comment', liveData({ id: undefined }), /not a valid port-out event/],
    ['another type than the stream says', 'portout.status_changed', liveData(), /not a valid port-out event/],
    ['not a port-out type', 'call.initiated', liveData({ event_type: 'call.initiated' }), /not a valid port-out event/],
    ['record_type not event', 'portout.new_comment', liveData({ record_type: 'x' }), /not a valid port-out event/],
    ['not JSON', 'portout.new_comment', '{"data":', /./],
  ];
  for (const [what, type, data, message] of cases) {
    const stream = await streamOf(`id: e1\nevent: ${type}\ndata: ${data}\n\n`);
    try {
      const watch = async () => {
        for await (const event of watchPortoutEvents({ baseUrl: stream.baseUrl })) return event;
      };
      await assert.rejects(watch(), (e) => e.name === 'PortoutsError' && e.code === 'invalid_webhook' && message.test(e.message), what);
    } finally {
      stream.close();
    }
  }
});
