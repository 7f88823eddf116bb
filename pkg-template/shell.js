// The idioms Rust cannot export, shared by every operation: a function that loads the wasm
// and runs an operation of the table (`callOperation`), page methods, list-all, async
// iterators. pkg-template/operations.js (generated from the table) builds each operation's
// functions with these; every rule lives in the Rust core.
import * as wasm from './telnyx_portouts.js';
import { init } from './runtime.js';
import { PortoutsError } from './error.js';

/** Adds `hasNextPage()` and `nextPage()` to a page of `list`; the core computed the query. */
function withPaging(page, options, list) {
  const next = page.next;
  delete page.next;
  return Object.defineProperties(page, {
    hasNextPage: { value: () => next !== null },
    nextPage: {
      value: () => next === null
        ? Promise.reject(new PortoutsError('no_next_page', `Page ${page.meta.page_number} of ${page.meta.total_pages} is the last page: check hasNextPage() before nextPage().`))
        : list(next, options),
    },
  });
}

/** A paged list function: one page of the operation `name`, with `hasNextPage()` / `nextPage()`. */
export function paged(name) {
  const list = async (query, options) => {
    await init();
    return withPaging(await wasm.callOperation(name, [query, options]), options, list);
  };
  return list;
}

/** The function of the operation `name` (its arguments, then the options), loading the wasm first. */
export function loaded(name) {
  return async (...args) => {
    await init();
    return wasm.callOperation(name, args);
  };
}

/** List-all of the paged operation `name`. */
export function allPages(name) {
  return async (query, options) => {
    await init();
    return wasm.listAllOperation(name, [query, options]);
  };
}

/** Iterates over the pages of `list`, fetching lazily (at most one page ahead). */
export async function* pagesOf(list, query, options) {
  // Our own controller (chained to the caller's signal) aborts the page fetched ahead when
  // the consumer stops early.
  const callerSignal = options?.signal;
  if (callerSignal != null && !(callerSignal instanceof AbortSignal)) {
    yield await list(query, options); // rejects with the core's invalid_options error
    return;
  }
  const stop = new AbortController();
  const onAbort = () => stop.abort(callerSignal.reason);
  if (callerSignal) {
    if (callerSignal.aborted) stop.abort(callerSignal.reason);
    else callerSignal.addEventListener('abort', onAbort, { once: true });
  }
  let ahead = list(query, { ...options, signal: stop.signal });
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

/** Iterates over the records of `list`, page by page. */
export async function* recordsOf(list, query, options) {
  for await (const page of pagesOf(list, query, options)) yield* page.data;
}
