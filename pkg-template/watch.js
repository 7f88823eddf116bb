// watchPortoutEvents: port-out events as they happen, from the gateway's live stream
// (`{baseUrl}/live`, server-sent events), or, where there is none (404), by polling
// listPortoutEvents. This file reads the stream and waits; each live event is validated by
// Rust (`readLiveEvent`), each polled page by the client like any listing.
import { readLiveEvent } from './telnyx_portouts.js';
import { iterPortoutEvents } from './operations.js';

const DEFAULT_BASE_URL = 'https://api.telnyx.com/v2';
const REMEMBERED = 10_000;

/** Resolves after `ms`, or at once when `signal` aborts. */
function wait(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}

/** The server-sent events of a byte stream: `{ id, event, data }`. */
async function* messages(body) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const message = { id: null, event: 'message', data: [] };
        for (const line of block.split('\n')) {
          const colon = line.indexOf(':');
          if (colon === 0) continue;
          const field = colon < 0 ? line : line.slice(0, colon);
          const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'data') message.data.push(value);
          else if (field === 'id' || field === 'event') message[field] = value;
        }
        if (message.data.length) yield { ...message, data: message.data.join('\n') };
      }
    }
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
  const base = String(client.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const seen = new Set();
  const first = (id) => {
    if (seen.has(id)) return false;
    seen.add(id);
    if (seen.size > REMEMBERED) seen.delete(seen.values().next().value);
    return true;
  };
  const since = new Date().toISOString();
  let last = null;
  let failures = 0;
  while (!signal?.aborted) {
    let res = null;
    try {
      res = await fetch(`${base}/live`, { headers: { accept: 'text/event-stream', ...(last ? { 'last-event-id': last } : {}) }, signal });
    } catch {
      res = null;
    }
    if (res?.status === 404) break;
    if (res?.ok && res.body) {
      failures = 0;
      onState('live');
      const stream = messages(res.body);
      try {
        for (;;) {
          // A stream that drops (the server restarts, the network goes) is reconnected below.
          const next = await stream.next().catch(() => ({ done: true }));
          if (next.done) break;
          const m = next.value;
          if (m.id) last = m.id;
          const data = readLiveEvent(m.event, m.data);
          if (first(data.id)) yield { id: data.id, event_type: data.event_type, occurred_at: data.occurred_at, payload: data.payload, source: 'live' };
        }
      } finally {
        // `break` in the caller's loop lands here: the response is cancelled, nothing left open.
        await stream.return().catch(() => {});
      }
    }
    if (signal?.aborted) return;
    onState('reconnecting');
    failures += 1;
    await wait(Math.min(30_000, 500 * 2 ** Math.min(failures, 6)), signal);
  }
  // No live stream here: poll the events API for what happened since the watch began.
  onState('polling');
  while (!signal?.aborted) {
    for await (const e of iterPortoutEvents({ filter: { created_at: { gte: since } } }, { ...client, signal })) {
      if (first(e.id)) yield { id: e.id, event_type: e.event_type, occurred_at: e.created_at, payload: e.payload, source: 'poll' };
    }
    await wait(pollMs, signal);
  }
}
