// The public API: every operation's functions (pkg-template/operations.js, generated from the
// Rust operation table), the client object built from that table, and the synchronous helpers.
// Every rule (validation, query format, retries, response checks, paging arithmetic) lives in
// the Rust core.
import * as wasm from './telnyx_portouts.js';
import { assertLoaded } from './runtime.js';
import { PortoutsError } from './error.js';
import * as operations from './operations.js';
import { pagesOf } from './shell.js';

import { watchPortoutEvents } from './watch.js';

export { PortoutsError, watchPortoutEvents };
export * from './operations.js';

/** Iterates over pages of port-outs, fetching lazily; `break` stops requesting. */
export const iterPortoutPages = (query, options) => pagesOf(operations.listPortouts, query, options);

/** The client object's methods: each function and how many arguments come before the options
 *  (from the table: an operation's own arguments; list-all and the iterators take a query). */
const METHODS = {};
for (const op of operations.OPERATIONS) {
  METHODS[op.name] = op.params.length;
  if (op.paged) {
    METHODS[op.listAll] = 1;
    if (op.name === 'listPortouts') METHODS.iterPortoutPages = 1;
    METHODS[op.iter] = 1;
  }
}
METHODS.watchPortoutEvents = 0;
const FUNCTIONS = { ...operations, iterPortoutPages, watchPortoutEvents };

/**
 * A client with `options` bound (like the SDK's `new Telnyx({ apiKey })`): every function
 * above as a method, taking the same arguments but the options, which are merged over the
 * bound ones (`client.getPortout(id, { timeoutMs: 500 })`). The options are validated by the
 * core on each call, as for the free functions.
 */
export function createPortoutsClient(options) {
  const bound = options;
  const client = {};
  for (const [name, arity] of Object.entries(METHODS)) {
    const fn = FUNCTIONS[name];
    client[name] = (...args) => {
      const own = args[arity];
      args.length = arity;
      return fn(...args, merge(bound, own));
    };
  }
  return Object.freeze(client);
}

/** Per-call options over the bound ones; a missing per-call argument (`undefined` or `null`, as
 *  for the free functions) keeps the bound ones. Anything else that is not two readable objects is
 *  passed on as is, for the core to report (a spread over a throwing getter would throw). */
function merge(bound, own) {
  if (own == null) return bound;
  if (bound == null || typeof own !== 'object' || typeof bound !== 'object') return own;
  try {
    return { ...bound, ...own };
  } catch {
    return own;
  }
}


/** The query string for a query (no leading '?'). */
export function buildPortoutsQuery(query, options) {
  assertLoaded('buildPortoutsQuery');
  return wasm.buildPortoutsQuery(query, options);
}

/** Parses a query string back into a query object. */
export function parsePortoutsQuery(search) {
  assertLoaded('parsePortoutsQuery');
  return wasm.parsePortoutsQuery(search);
}

/** Validates a list response body and returns { data, meta }. */
export function parsePortoutsResponse(body) {
  assertLoaded('parsePortoutsResponse');
  return wasm.parsePortoutsResponse(body);
}
