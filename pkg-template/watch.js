// watchPortoutEvents: port-out events as they happen, from the gateway's live stream
// (`{baseUrl}/live`, server-sent events), or, where there is none (404), by polling
// listPortoutEvents. This file reads the stream and waits; each live event is validated by
// Rust (`readLiveEvent`), each polled page by the client like any listing.
import { readLiveEvent } from './telnyx_portouts.js';
import { iterPortoutEvents } from './operations.js';

/** Resolves after `ms`, or at once when `signal` aborts. */
const wait = (ms, signal) => new Promise((resolve) => {
  const timer = setTimeout(resolve, ms);
  signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
});

/** The server-sent events of a byte stream: `{ id, event, data }` (comments and other fields
 *  skipped; a message without data is none). Ends when the stream ends or fails. */
async function* messages(body) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (let end; ;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const m = { event: 'message' };
        for (const [, field, text] of buffer.slice(0, end).matchAll(/^(id|event|data)(?:: ?(.*))?$/gm)) {
          m[field] = field === 'data' && 'data' in m ? `${m.data}\n${text ?? ''}` : text ?? '';
        }
        buffer = buffer.slice(end + 2);
        if ('data' in m) yield m;
      }
    }
  } catch {
    // A stream that drops (the server restarts, the network goes) ends here; the caller reconnects.
  } finally {
    reader.cancel().catch(() => {});
  }
}

/**
 * Port-out events as they happen: `{ id, event_type, occurred_at, payload, source }`, each once.
 * Options: the client's (`baseUrl`: the gateway, like `/api/telnyx`), `pollMs` (default 15000)
 * for polling where the gateway has no live stream, `onState` ('live', 'reconnecting',
 * 'polling') and `signal`; `break` stops it.
 */
export async function* watchPortoutEvents(options) {
  const { pollMs = 15_000, signal, onState = () => {}, ...client } = options ?? {};
  const base = String(client.baseUrl ?? 'https://api.telnyx.com/v2').replace(/\/+$/, '');
  const seen = new Set();
  // Each event once (the last 10,000 ids remembered), in the one shape for both sources.
  const once = (e, occurred_at, source) => {
    if (seen.has(e.id)) return null;
    seen.add(e.id);
    if (seen.size > 10_000) seen.delete(seen.values().next().value);
    return { id: e.id, event_type: e.event_type, occurred_at, payload: e.payload, source };
  };
  const since = new Date().toISOString();
  let last;
  let failures = 0;
  while (!signal?.aborted) {
    const res = await fetch(`${base}/live`, { headers: { accept: 'text/event-stream', ...(last && { 'last-event-id': last }) }, signal }).catch(() => null);
    if (res?.status === 404) break;
    if (res?.ok && res.body) {
      failures = 0;
      onState('live');
      // `break` in the caller's loop returns this loop's iterator: the response is cancelled.
      for await (const m of messages(res.body)) {
        last = m.id || last;
        const data = readLiveEvent(m.event, m.data);
        const event = once(data, data.occurred_at, 'live');
        if (event) yield event;
      }
    }
    if (signal?.aborted) return;
    onState('reconnecting');
    await wait(Math.min(30_000, 500 * 2 ** Math.min(++failures, 6)), signal);
  }
  // No live stream here: poll the events API for what happened since the watch began.
  onState('polling');
  while (!signal?.aborted) {
    for await (const e of iterPortoutEvents({ filter: { created_at: { gte: since } } }, { ...client, signal })) {
      const event = once(e, e.created_at, 'poll');
      if (event) yield event;
    }
    await wait(pollMs, signal);
  }
}
