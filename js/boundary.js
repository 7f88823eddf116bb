// The JS half of the wasm boundary, imported by src/wasm (wasm-bindgen copies it into the
// package as a snippet). Only what Rust cannot do itself, or only at a high price in wasm,
// lives here: the PortoutsError class (a real `Error` subclass, so `instanceof` and stacks
// work), type tests that must never throw whatever a Proxy or getter does, and the transport.

/** The one error type of telnyx-portouts. `code` says what kind of failure it is. */
export class PortoutsError extends Error {
  constructor(code, message, props) {
    super(message);
    this.name = 'PortoutsError';
    this.code = code;
    this.retryable = false;
    if (props) {
      for (const key of ['path', 'status', 'requestId', 'errors', 'page', 'retryable']) {
        if (props[key] !== undefined) this[key] = props[key];
      }
    }
  }
}

/** The kind of any JS value, as a small number; 255 when looking at it throws. */
export function kindOf(v) {
  try {
    switch (typeof v) {
      case 'undefined': return 0;
      case 'boolean': return 2;
      case 'number': return 3;
      case 'string': return 4;
      case 'function': return 8;
      case 'symbol': return 9;
      case 'bigint': return 10;
    }
    if (v === null) return 1;
    if (Array.isArray(v)) return 5;
    if (v instanceof Date) return 6;
    if (typeof AbortSignal !== 'undefined' && v instanceof AbortSignal) return 7;
    const proto = Object.getPrototypeOf(v);
    return proto === Object.prototype || proto === null ? 11 : 12; // 12: Map, Set, class instances

  } catch {
    return 255;
  }
}

/** Own enumerable string keys, or null when the object refuses to list them. */
export function keysOf(v) {
  try {
    return Object.keys(v);
  } catch {
    return null;
  }
}

/** `toISOString()` of a valid Date, or null. */
export function isoOf(d) {
  try {
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Transport. Rust decides everything (the URL and headers, whether a response is valid, whether
// and how long to wait before a retry, every error); these functions only perform the I/O
// that Rust could only do with async machinery costing ~20 KB of wasm: `fetch`, timers and
// `AbortSignal` listeners. A `call` is the Rust `PortoutsCall` of one request: `call.step(...)`
// judges each attempt and returns the result, or the milliseconds to wait before retrying, or
// throws the final `PortoutsError`.

const ABORTED = 1;
const TIMED_OUT = 2;
const NETWORK = 3;

/** Resolves `true` after `ms`, or `false` as soon as one of `signals` aborts. */
function sleep(ms, signals) {
  return new Promise((resolve) => {
    const done = (ok) => {
      clearTimeout(timer);
      for (const s of signals) s.removeEventListener('abort', stop);
      resolve(ok);
    };
    const stop = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    for (const s of signals) s.addEventListener('abort', stop);
    if (signals.some((s) => s.aborted)) done(false);
  });
}

/** One attempt: `GET call.url` within `call.timeoutMs`, the whole body read, judged by `call.step`. */
async function attempt(call, signals) {
  if (signals.some((s) => s.aborted)) return call.step(0, ABORTED, '', null, null, null);
  // The attempt's own controller (reqwest's AbortGuard): aborted by the timeout or by any of
  // `signals`; the timer and listeners are removed whatever happens.
  const controller = new AbortController();
  const abort = () => controller.abort();
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; abort(); }, call.timeoutMs);
  for (const s of signals) s.addEventListener('abort', abort);
  let response, body, failure, detail = '';
  try {
    response = await fetch(call.url, { method: 'GET', headers: call.headers, signal: controller.signal });
    body = new Uint8Array(await response.arrayBuffer());
  } catch (e) {
    failure = signals.some((s) => s.aborted) ? ABORTED : timedOut ? TIMED_OUT : NETWORK;
    try { detail = String(e?.message ?? e); } catch { /* an unprintable error: no detail */ }
  } finally {
    clearTimeout(timer);
    for (const s of signals) s.removeEventListener('abort', abort);
  }
  if (failure) return call.step(0, failure, detail, null, null, null);
  const header = (name) => response.headers.get(name);
  return call.step(response.status, 0, '', header('x-request-id'), header('retry-after'), body);
}

/** Runs a call to its end: attempts, and the waits `call.step` asks for between them. */
export async function drive(call, ...signals) {
  const live = signals.filter((s) => s != null);
  try {
    for (;;) {
      const result = await attempt(call, live);
      if (typeof result !== 'number') return result;
      if (!(await sleep(result, live))) return call.step(0, ABORTED, '', null, null, null);
    }
  } finally {
    call.free();
  }
}

/**
 * Runs a Rust `PortoutsListAll`: starts the pages it asks for (at most its concurrency in
 * flight), hands each answer back in arrival order, and returns its records. The first failure
 * rejects and aborts the pages still in flight.
 */
export async function driveAll(all, signal) {
  const group = new AbortController();
  const inFlight = new Map();
  try {
    for (;;) {
      for (let n; (n = all.next(inFlight.size)) !== undefined;) {
        const page = drive(all.call(n), signal, group.signal);
        inFlight.set(n, page.then((value) => ({ n, value }), (error) => ({ n, error, failed: true })));
      }
      if (all.finished(inFlight.size)) return all.records();
      const { n, value, error, failed } = await Promise.race(inFlight.values());
      inFlight.delete(n);
      if (failed) throw error;
      all.onPage(n, value);
    }
  } finally {
    group.abort();
    all.free();
  }
}
