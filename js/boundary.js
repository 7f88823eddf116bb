// The JS half of the wasm boundary, imported by src/wasm/js.rs (wasm-bindgen copies it into the
// package as a snippet). Only what Rust cannot do itself lives here:
// - the PortoutsError class (a real `Error` subclass, so `instanceof` and stacks work);
// - `inputOf`, the guard every JS argument passes through before serde-wasm-bindgen reads it.
//   Reading a caller's value can run code (getters, Proxy traps) that throws, and an exception
//   must never unwind through wasm; symbols, bigints, Dates, AbortSignals and lone surrogates
//   have no serde form. The guard reads each value once, inside `try`, and writes serde's
//   externally tagged form of the Rust `Input` enum (src/client/input.rs). It decides no rule.

/** The one error type of telnyx-portouts. `code` says what kind of failure it is. */
export class PortoutsError extends Error {
  constructor(code, message, props) {
    super(message);
    this.name = 'PortoutsError';
    this.code = code;
    this.retryable = false;
    if (props) {
      for (const key of ['path', 'status', 'requestId', 'errors', 'page', 'retryable']) {
        if (props[key] !== undefined && props[key] !== null) this[key] = props[key];
      }
    }
  }
}

// Limits of the copy (every rule of the core is far inside them): the deepest valid value is
// `query.filter.inserted_at.gte` (depth 3); no valid object has 64 keys or an array 101 items
// (one more than any array may hold, so an over-long array is still reported as too long);
// every text rule caps strings well below 8192 UTF-16 units.
const MAX_DEPTH = 4;
const MAX_KEYS = 64;
const MAX_ITEMS = 101;
const MAX_STRING_UNITS = 8192;

/** True unless `s` holds an unpaired UTF-16 surrogate (which cannot be sent as UTF-8). */
function wellFormed(s) {
  try {
    encodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
}

function string(s) {
  // Too long for any rule: keep just enough to fail the length checks.
  if (s.length > MAX_STRING_UNITS) return { String: 'x'.repeat(MAX_STRING_UNITS + 1) };
  return wellFormed(s) ? { String: s } : 'BrokenString';
}

/** `v` as the Rust `Input` it stands for; never throws. */
export function inputOf(v, depth = 0) {
  try {
    switch (typeof v) {
      case 'undefined': return 'Undefined';
      case 'boolean': return { Bool: v };
      case 'number': return { Number: v };
      case 'string': return string(v);
      case 'function': return { Opaque: 'Function' };
      case 'symbol': return { Opaque: 'Symbol' };
      case 'bigint': return { Opaque: 'BigInt' };
    }
    if (v === null) return 'Null';
    if (Array.isArray(v)) {
      if (depth >= MAX_DEPTH) return { Opaque: 'DeepArray' };
      const items = [];
      for (let i = 0, n = Math.min(v.length, MAX_ITEMS); i < n; i++) items.push(member(v, i, depth));
      return { Array: items };
    }
    if (v instanceof Date) return { Date: Number.isNaN(v.getTime()) ? null : v.toISOString() };
    if (typeof AbortSignal !== 'undefined' && v instanceof AbortSignal) return { Opaque: 'AbortSignal' };
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return { Opaque: 'ClassInstance' };
    if (depth >= MAX_DEPTH) return { Opaque: 'DeepObject' };
    // A key with an unpaired surrogate is kept recognisably broken (it can never match a
    // known key); its value is read with the original key.
    return { Object: Object.keys(v).slice(0, MAX_KEYS).map((k) => [wellFormed(k) ? k : '\uFFFD', member(v, k, depth)]) };
  } catch {
    return 'Unreadable';
  }
}

function member(v, key, depth) {
  let value;
  try {
    value = v[key];
  } catch {
    return 'Unreadable';
  }
  return inputOf(value, depth + 1);
}
