// The server entry, `telnyx-portouts/gateway`: the Rust gateway (its own wasm build, so the
// browser's download holds none of it) behind two thin adapters. Every rule is Rust's; this
// file moves bytes: a web `Request` (Workers, Deno, Bun) or a node:http request into one
// description, the answer back out, and accepted webhook events to the live subscribers.
import { initSync, createGateway, unwrapWebhook } from './telnyx_portouts_gateway.js';

/** Instantiates the wasm from its bytes or a compiled module (Workers: `import wasm from
 *  'telnyx-portouts/gateway/telnyx_portouts_gateway_bg.wasm'`). Node and Deno do it at import. */
export function initGateway(module) {
  initSync({ module });
}

if (globalThis.process?.versions?.node || globalThis.Deno) {
  const { readFileSync } = await import('node:fs');
  initGateway(readFileSync(new URL('./telnyx_portouts_gateway_bg.wasm', import.meta.url)));
}

// One more byte than the largest body the gateway reads, so the core sees an over-size one.
const READ_LIMIT = 64 * 1024 + 1;

/** Up to READ_LIMIT bytes of an async iterable of byte chunks. */
async function readCapped(chunks) {
  const parts = [];
  let size = 0;
  if (chunks) {
    for await (const chunk of chunks) {
      const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
      parts.push(bytes);
      size += bytes.length;
      if (size >= READ_LIMIT) break;
    }
  }
  const out = new Uint8Array(Math.min(size, READ_LIMIT));
  let at = 0;
  for (const p of parts) {
    out.set(p.subarray(0, out.length - at), at);
    at += p.length;
    if (at >= out.length) break;
  }
  return out;
}

function defaultAudit(entry) {
  const line = JSON.stringify(entry);
  if (globalThis.process?.stderr) globalThis.process.stderr.write(line + '\n');
  else console.error(line);
}

/** Creates a gateway (see the package README). Throws a `PortoutsError` naming a bad option. */
export function createPortoutsGateway(options) {
  const listeners = new Set();
  const streams = new Set();
  const core = createGateway(options, defaultAudit, (id, type, json, message) => {
    for (const listener of listeners) listener(id, type, json);
    for (const write of streams) write(message);
  });
  // The core's heartbeat: a comment line on every live stream this often, so proxies keep it open.
  const [heartbeat, heartbeatMs] = core.heartbeat;
  /** Keeps a live answer open: `write` gets each new event and the heartbeats until `closed`. */
  const stream = (write) => {
    const beat = setInterval(() => write(heartbeat), heartbeatMs);
    beat.unref?.();
    streams.add(write);
    return () => (clearInterval(beat), streams.delete(write));
  };

  const fetch = async (request) => {
    const url = new URL(request.url);
    const answer = await core.handle({
      method: request.method,
      target: url.pathname + url.search,
      headers: [...request.headers],
      original: request,
      readBody: () => readCapped(request.body),
    });
    if (answer.live) {
      const encoder = new TextEncoder();
      let stop;
      const body = new ReadableStream({
        start(controller) {
          controller.enqueue(answer.body);
          stop = stream((text) => controller.enqueue(encoder.encode(text)));
          request.signal?.addEventListener('abort', () => { stop(); try { controller.close(); } catch {} });
        },
        cancel() { stop?.(); },
      });
      return new Response(body, { status: answer.status, headers: answer.headers });
    }
    const empty = !answer.body.length || [204, 205, 304].includes(answer.status);
    return new Response(empty ? null : answer.body, { status: answer.status, headers: answer.headers });
  };

  const node = (req, res) => {
    const headers = [];
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i].toLowerCase(), req.rawHeaders[i + 1]]);
    core
      .handle({ method: req.method, target: req.url, headers, original: req, readBody: () => readCapped(req) })
      .then((answer) => {
        res.writeHead(answer.status, Object.fromEntries(answer.headers));
        if (!answer.live) return res.end(answer.body);
        res.write(answer.body);
        const stop = stream((text) => res.write(text));
        res.on('close', stop);
      }, () => {
        res.writeHead(500);
        res.end();
      });
  };

  return { fetch, node, basePath: core.basePath, onEvent: (listener) => (listeners.add(listener), () => listeners.delete(listener)) };
}

/** Verifies and validates one webhook delivery (see the package README). */
export function unwrapPortoutWebhook(rawBody, headers, options) {
  const body = typeof rawBody === 'string' ? new TextEncoder().encode(rawBody) : rawBody instanceof Uint8Array ? rawBody : new Uint8Array(0);
  const pairs = typeof headers?.entries === 'function' && !Array.isArray(headers) ? [...headers.entries()] : Object.entries(headers ?? {});
  return unwrapWebhook(body, pairs.filter(([, v]) => typeof v === 'string'), options);
}

export { PortoutsError } from './error.js';
