// The public API: thin wrappers over the wasm exports that make sure the module is loaded,
// plus the idioms Rust cannot export (page methods, async iterators). Every rule (validation,
// query format, retries, response checks, paging arithmetic) lives in the Rust core.
import * as wasm from './telnyx_portouts.js';
import { init, assertLoaded } from './runtime.js';
import { PortoutsError } from './error.js';

export { PortoutsError };

/** Adds `hasNextPage()` and `nextPage()` to a page; the core computed the next page's query. */
function withPaging(page, options) {
  const next = page.next;
  delete page.next;
  return Object.defineProperties(page, {
    hasNextPage: { value: () => next !== null },
    nextPage: {
      value: () => next === null
        ? Promise.reject(new PortoutsError('no_next_page', `Page ${page.meta.page_number} of ${page.meta.total_pages} is the last page: check hasNextPage() before nextPage().`))
        : listPortouts(next, options),
    },
  });
}

/** Lists one page of port-outs. */
export async function listPortouts(query, options) {
  await init();
  return withPaging(await wasm.listPortouts(query, options), options);
}

/** Lists every page, concurrently (`concurrency`, default 4), in page order. */
export async function listAllPortouts(query, options) {
  await init();
  return wasm.listAllPortouts(query, options);
}

/** Iterates over pages, fetching lazily (at most one page ahead); `break` stops requesting. */
export async function* iterPortoutPages(query, options) {
  // Our own controller (chained to the caller's signal) aborts the page fetched ahead when
  // the consumer stops early.
  const callerSignal = options?.signal;
  if (callerSignal != null && !(callerSignal instanceof AbortSignal)) {
    yield await listPortouts(query, options); // rejects with the core's invalid_options error
    return;
  }
  const stop = new AbortController();
  const onAbort = () => stop.abort(callerSignal.reason);
  if (callerSignal) {
    if (callerSignal.aborted) stop.abort(callerSignal.reason);
    else callerSignal.addEventListener('abort', onAbort, { once: true });
  }
  let ahead = listPortouts(query, { ...options, signal: stop.signal });
  try {
    while (ahead) {
      const page = await ahead;
      ahead = page.hasNextPage() ? page.nextPage() : null;
      ahead?.catch(() => {}); // a failure surfaces when awaited, not as an unhandled rejection
      yield page;
    }
  } finally {
    callerSignal?.removeEventListener('abort', onAbort);
    stop.abort();
  }
}

/** Iterates over port-outs, page by page (see iterPortoutPages). */
export async function* iterPortouts(query, options) {
  for await (const page of iterPortoutPages(query, options)) yield* page.data;
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
