// The JS half of the wasm boundary, imported by src/wasm (wasm-bindgen copies it into the
// package as a snippet). Only what Rust cannot do itself lives here: the PortoutsError class
// (a real `Error` subclass, so `instanceof` and stacks work) and type tests that must never
// throw, whatever a Proxy or getter does.

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
