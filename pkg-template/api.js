// The public API: thin wrappers over the wasm exports that make sure the module is loaded.
// Every rule (validation, query format, retries, response checks) lives in the Rust core.
import * as wasm from './telnyx_portouts.js';
import { init, assertLoaded } from './runtime.js';

export { PortoutsError } from './error.js';

/** Lists one page of port-outs. */
export async function listPortouts(query, options) {
  await init();
  return wasm.listPortouts(query, options);
}

/** Fetches one port-out by id. */
export async function getPortout(id, options) {
  await init();
  return wasm.getPortout(id, options);
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
