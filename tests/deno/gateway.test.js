// telnyx-portouts/gateway under Deno (issue 19: "any runtime with web-standard Request/Response"):
// the built package's server entry, imported by path, forwarding to the test run's mock
// (MOCK_URL), refusing what is no port-out operation, and verifying a webhook signed with keys
// made by Deno's WebCrypto.
//
//   MOCK_URL=http://127.0.0.1:38787 deno test --allow-read --allow-net --allow-env tests/deno/
import { createPortoutsGateway, unwrapPortoutWebhook } from '../../pkg/gateway/index.js';

const MOCK_URL = Deno.env.get('MOCK_URL') ?? 'http://127.0.0.1:38787';

function assertEquals(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what}: expected ${expected}, got ${actual}`);
}

Deno.test('the gateway forwards a port-out read and refuses anything else', async () => {
  const gateway = createPortoutsGateway({ apiKey: 'KEYdeno0123', upstream: `${MOCK_URL}/v2`, authorize: () => true });
  const res = await gateway.fetch(new Request('http://gateway.local/api/telnyx/portouts?page[size]=2'));
  assertEquals(res.status, 200, 'status');
  assertEquals((await res.json()).data.length, 2, 'records');
  for (const [method, path, status] of [['GET', '/api/telnyx/messages', 404], ['DELETE', '/api/telnyx/portouts', 405], ['POST', '/api/telnyx/portouts/reports', 403]]) {
    const refused = await gateway.fetch(new Request(`http://gateway.local${path}`, { method }));
    assertEquals(refused.status, status, `${method} ${path}`);
    assertEquals(typeof (await refused.json()).errors[0].detail, 'string', 'detail');
  }
});

Deno.test('unwrapPortoutWebhook verifies a delivery signed by Deno’s WebCrypto', async () => {
  const keys = await crypto.subtle.generateKey('Ed25519', true, ['sign', 'verify']);
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', keys.publicKey));
  const publicKey = btoa(String.fromCharCode(...raw));
  const body = JSON.stringify({
    data: { event_type: 'portout.foc_date_changed', id: 'e1', occurred_at: new Date().toISOString(), payload: { id: 'p1', foc_date: '2026-12-24T00:00:00Z', user_id: 'u1' }, record_type: 'event' },
    meta: { attempt: 1, delivered_to: 'https://example.invalid' },
  });
  const ts = String(Math.floor(Date.now() / 1000));
  const sig = new Uint8Array(await crypto.subtle.sign('Ed25519', keys.privateKey, new TextEncoder().encode(`${ts}|${body}`)));
  const headers = new Headers({ 'telnyx-signature-ed25519': btoa(String.fromCharCode(...sig)), 'telnyx-timestamp': ts });
  const envelope = await unwrapPortoutWebhook(body, headers, { publicKey });
  assertEquals(envelope.data.payload.foc_date, '2026-12-24T00:00:00Z', 'payload');
  let code = null;
  await unwrapPortoutWebhook(`${body} `, headers, { publicKey }).catch((e) => { code = e.code; });
  assertEquals(code, 'invalid_signature', 'a changed body');
});
