// Telnyx's signed webhooks through the gateway and `unwrapPortoutWebhook` (issue 19): keys made
// by Node's crypto; the decisions equal the official SDK's `TelnyxWebhook.verify` for the same
// body and headers (a differential test); a delivery passed on once; a signed delivery that is
// not a valid port-out event acknowledged and not passed on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { generateKeyPairSync, sign } from 'node:crypto';
import { TelnyxWebhook } from 'telnyx/lib/webhooks';
import { createPortoutsGateway, unwrapPortoutWebhook, PortoutsError } from 'telnyx-portouts/gateway';

function keyPair() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x, 'base64url');
  return { publicKey: raw.toString('base64'), privateKey };
}
const KEYS = keyPair();
const OTHER = keyPair();
const now = () => Math.floor(Date.now() / 1000);
const signature = (ts, body, key = KEYS.privateKey) => sign(null, Buffer.from(`${ts}|${body}`), key).toString('base64');

let seq = 0;
function delivery(eventType = 'portout.status_changed', payload) {
  seq += 1;
  const payloads = {
    'portout.status_changed': { id: 'a0e8d8ad-0d3d-4fd5-9f30-3b4bb6b8b3d1', status: 'authorized', phone_numbers: ['+13035551212'], carrier_name: 'X', spid: '123', subscriber_name: 'Ann', user_id: 'u1' },
    'portout.new_comment': { id: 'c1', comment: 'hello ✓', portout_id: 'a0e8d8ad-0d3d-4fd5-9f30-3b4bb6b8b3d1', user_id: 'u1' },
    'portout.foc_date_changed': { id: 'a0e8d8ad-0d3d-4fd5-9f30-3b4bb6b8b3d1', foc_date: '2026-12-24T00:00:00Z', user_id: 'u1' },
  };
  return JSON.stringify({
    data: { event_type: eventType, id: `evt-${seq}`, occurred_at: new Date().toISOString(), payload: payload ?? payloads[eventType] ?? {}, record_type: 'event' },
    meta: { attempt: 1, delivered_to: 'https://example.invalid/hooks' },
  });
}
const signed = (body, ts = now()) => ({ 'telnyx-signature-ed25519': signature(ts, body), 'telnyx-timestamp': String(ts) });

let origin;
let server;
const passed = [];
before(async () => {
  const gateway = createPortoutsGateway({
    apiKey: 'KEYwebhooks0123', upstream: 'http://127.0.0.1:9/v2', authorize: () => true,
    webhook: { publicKey: KEYS.publicKey, path: '/api/telnyx/webhooks' },
  });
  gateway.onEvent((id, type, json) => passed.push({ id, type, json }));
  server = http.createServer(gateway.node);
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${server.address().port}`;
});
after(() => { server.closeAllConnections?.(); server.close(); });

const post = (body, headers) => fetch(`${origin}/api/telnyx/webhooks`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

test('a signed delivery is passed on once; every other one is answered without being passed on', async () => {
  const body = delivery();
  let res = await post(body, signed(body));
  assert.equal(res.status, 200);
  assert.equal(passed.length, 1);
  assert.equal(passed[0].type, 'portout.status_changed');
  assert.deepEqual(JSON.parse(passed[0].json), JSON.parse(body));
  res = await post(body, signed(body));
  assert.equal(res.status, 200, 'a repeated delivery is acknowledged');
  assert.equal(passed.length, 1, '…and not passed on again');
  for (const [why, b, h] of [
    ['bad signature', delivery(), (b) => ({ ...signed(b), 'telnyx-signature-ed25519': signature(now(), b + ' ') })],
    ['another key', delivery(), (b) => ({ 'telnyx-signature-ed25519': signature(now(), b, OTHER.privateKey), 'telnyx-timestamp': String(now()) })],
    ['stale', delivery(), (b) => signed(b, now() - 400)],
    ['no headers', delivery(), () => ({})],
  ]) {
    res = await post(b, h(b));
    assert.equal(res.status, 401, why);
    assert.equal((await res.json()).errors[0].code, 'invalid_signature', why);
  }
  for (const [why, b] of [
    ['another event type', delivery('number_order.complete', { id: 'n1' })],
    ['a malformed payload', delivery('portout.new_comment', { id: 'c1' })],
    ['not an event', JSON.stringify({ data: { event_type: 'portout.new_comment', id: 'x', payload: {}, record_type: 'thing' } })],
  ]) {
    res = await post(b, signed(b));
    assert.equal(res.status, 200, `${why}: acknowledged`);
  }
  assert.equal(passed.length, 1, 'none of them passed on');
  res = await fetch(`${origin}/api/telnyx/webhooks`);
  assert.equal(res.status, 405);
});

test('unwrapPortoutWebhook resolves to the envelope, or rejects naming why', async () => {
  const body = delivery('portout.new_comment');
  const envelope = await unwrapPortoutWebhook(body, signed(body), { publicKey: KEYS.publicKey });
  assert.deepEqual(envelope, JSON.parse(body));
  const headers = new Headers(signed(body));
  assert.deepEqual(await unwrapPortoutWebhook(Buffer.from(body), headers, { publicKey: KEYS.publicKey }), envelope);
  const then = Date.now() - 3600_000;
  const old = signed(body, Math.floor(then / 1000));
  await assert.rejects(unwrapPortoutWebhook(body, old, { publicKey: KEYS.publicKey }), (e) => e instanceof PortoutsError && e.code === 'invalid_signature');
  assert.ok(await unwrapPortoutWebhook(body, old, { publicKey: KEYS.publicKey, now: new Date(then) }));
  const other = delivery('number_order.complete', { id: 'n' });
  await assert.rejects(unwrapPortoutWebhook(other, signed(other), { publicKey: KEYS.publicKey }), (e) => e.code === 'invalid_webhook');
  await assert.rejects(unwrapPortoutWebhook(body, signed(body), { publicKey: 'short' }), (e) => e.code === 'invalid_options' && e.path === 'publicKey');
});

/** The SDK's decision and ours for the same body, headers and key: 'ok' or 'refused'. */
async function decisions(body, headers, publicKey = KEYS.publicKey) {
  const sdk = await (async () => new TelnyxWebhook(publicKey).verify(body, headers))().then(() => 'ok', () => 'refused');
  const ours = await unwrapPortoutWebhook(body, headers, { publicKey }).then(() => 'ok', (e) => {
    if (e.code === 'invalid_webhook') return 'ok';
    if (e.code === 'invalid_signature' || e.code === 'invalid_options') return 'refused';
    throw e;
  });
  return { sdk, ours };
}

test('the decisions equal the official SDK’s on every case', async () => {
  const body = delivery();
  const ts = now();
  const sig = signature(ts, body);
  const h = (s, t) => ({ 'telnyx-signature-ed25519': s, 'telnyx-timestamp': t });
  const cases = [
    ['valid', body, h(sig, String(ts))],
    ['header names upper case', body, { 'TELNYX-SIGNATURE-ED25519': sig, 'TELNYX-TIMESTAMP': String(ts) }],
    ['header names mixed case', body, { 'Telnyx-Signature-Ed25519': sig, 'Telnyx-Timestamp': String(ts) }],
    ['first of two spellings', body, { 'Telnyx-Timestamp': String(ts), 'telnyx-timestamp': '1', 'telnyx-signature-ed25519': sig }],
    ['second of two spellings', body, { 'Telnyx-Timestamp': '1', 'telnyx-timestamp': String(ts), 'telnyx-signature-ed25519': sig }],
    ['no signature', body, { 'telnyx-timestamp': String(ts) }],
    ['no timestamp', body, { 'telnyx-signature-ed25519': sig }],
    ['empty signature', body, h('', String(ts))],
    ['empty timestamp', body, h(sig, '')],
    ['timestamp with a letter', body, h(sig, `${ts}a`)],
    ['timestamp with +', body, h(sig, `+${ts}`)],
    ['timestamp with a space', body, h(sig, ` ${ts}`)],
    ['timestamp with a fraction', body, h(sig, `${ts}.0`)],
    ['negative timestamp', body, h(sig, `-${ts}`)],
    ['timestamp past 2^53', body, h(signature('99999999999999999999', body), '99999999999999999999')],
    ['timestamp 299 s old', body, h(signature(ts - 299, body), String(ts - 299))],
    ['timestamp 302 s old', body, h(signature(ts - 302, body), String(ts - 302))],
    ['timestamp 302 s ahead', body, h(signature(ts + 302, body), String(ts + 302))],
    ['timestamp with leading zeros', body, h(signature(`0${ts}`, body), `0${ts}`)],
    ['signature of another timestamp', body, h(signature(ts - 1, body), String(ts))],
    ['signature of another body', body, h(signature(ts, `${body} `), String(ts))],
    ['body changed by one byte', body.replace('authorized', 'authorizeD'), h(sig, String(ts))],
    ['body with a trailing newline', `${body}\n`, h(sig, String(ts))],
    ['signature unpadded', body, h(sig.replace(/=+$/, ''), String(ts))],
    ['signature url-safe alphabet', body, h(sig.replace(/\+/g, '-').replace(/\//g, '_'), String(ts))],
    ['signature with a space', body, h(` ${sig}`, String(ts))],
    ['signature 63 bytes', body, h(Buffer.from(sig, 'base64').subarray(0, 63).toString('base64'), String(ts))],
    ['signature 65 bytes', body, h(Buffer.concat([Buffer.from(sig, 'base64'), Buffer.from([0])]).toString('base64'), String(ts))],
    ['signature all zeros', body, h(Buffer.alloc(64).toString('base64'), String(ts))],
    ['signature with = inside', body, h(`${sig.slice(0, 40)}=${sig.slice(41)}`, String(ts))],
    ['signature by another key', body, h(signature(ts, body, OTHER.privateKey), String(ts))],
    ['key of another pair', body, h(sig, String(ts)), OTHER.publicKey],
    ['key not base64', body, h(sig, String(ts)), 'not a key!'],
    ['key 31 bytes', body, h(sig, String(ts)), Buffer.alloc(31).toString('base64')],
    ['key unpadded', body, h(sig, String(ts)), KEYS.publicKey.replace(/=+$/, '')],
    ['unicode body', delivery('portout.new_comment'), null],
    ['empty body', '', h(signature(ts, ''), String(ts))],
  ];
  const tally = { ok: 0, refused: 0 };
  for (const [name, b, headers, key] of cases) {
    const hs = headers ?? h(signature(ts, b), String(ts));
    const { sdk, ours } = await decisions(b, hs, key);
    assert.equal(ours, sdk, `${name}: ours ${ours}, the SDK ${sdk}`);
    tally[ours] += 1;
  }
  assert.ok(cases.length >= 30, `${cases.length} cases`);
  assert.ok(tally.ok >= 8 && tally.refused >= 20, JSON.stringify(tally));
});

test('the platform Ed25519 the gateway verifies with passes RFC 8032 §7.1 tests 1-3', async () => {
  const vectors = [
    ['d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', '', 'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b'],
    ['3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c', '72', '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00'],
    ['fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025', 'af82', '6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a'],
  ];
  for (const [pub, msg, sig] of vectors) {
    const key = await crypto.subtle.importKey('raw', Buffer.from(pub, 'hex'), 'Ed25519', false, ['verify']);
    assert.equal(await crypto.subtle.verify('Ed25519', key, Buffer.from(sig, 'hex'), Buffer.from(msg, 'hex')), true, pub);
    const flipped = Buffer.from(sig, 'hex');
    flipped[0] ^= 1;
    assert.equal(await crypto.subtle.verify('Ed25519', key, flipped, Buffer.from(msg, 'hex')), false, pub);
  }
});
