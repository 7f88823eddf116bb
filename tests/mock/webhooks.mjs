// Webhook deliveries from the mock, as Telnyx makes them: each event the mock records (a status
// change, a comment, a FOC date change) POSTed to one URL as
// `{ data: { event_type, id, occurred_at, payload, record_type: 'event' }, meta }`, signed with
// Ed25519 over `${timestamp}|${body}` (headers telnyx-signature-ed25519, telnyx-timestamp) by a
// key pair made at start. Deliveries are fire-and-forget; a failed one is logged, not retried.
import { generateKeyPairSync, sign } from 'node:crypto';

/** A key pair: `publicKey` as the 32 raw bytes in base64 (what Telnyx shows), and the signer. */
export function webhookKeys() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: Buffer.from(publicKey.export({ format: 'jwk' }).x, 'base64url').toString('base64'),
    sign: (message) => sign(null, Buffer.from(message), privateKey).toString('base64'),
  };
}

/** The delivery of a recorded event (the events API's shape) as Telnyx's webhook envelope. */
export function envelopeOf(event, url) {
  return {
    data: { event_type: event.event_type, id: event.id, occurred_at: event.created_at, payload: event.payload, record_type: 'event' },
    meta: { attempt: 1, delivered_to: url },
  };
}

/** Signed headers for `body` at `timestamp` (Unix seconds). */
export function signedHeaders(keys, body, timestamp = Math.floor(Date.now() / 1000)) {
  return {
    'content-type': 'application/json',
    'telnyx-signature-ed25519': keys.sign(`${timestamp}|${body}`),
    'telnyx-timestamp': String(timestamp),
  };
}

/** A sender to `url`: `deliver(event)` POSTs the event's signed delivery. */
export function createWebhookSender({ url, keys = webhookKeys(), log = () => {} }) {
  return {
    publicKey: keys.publicKey,
    deliver(event) {
      const body = JSON.stringify(envelopeOf(event, url));
      return fetch(url, { method: 'POST', headers: signedHeaders(keys, body), body }).then(
        (res) => log(`webhook ${event.event_type} ${event.id} → ${res.status}`),
        (e) => log(`webhook ${event.event_type} ${event.id} failed: ${e.message}`),
      );
    },
  };
}
