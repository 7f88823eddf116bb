// The public API: thin wrappers over the wasm exports that make sure the module is loaded,
// plus the idioms Rust cannot export (page methods, async iterators, the client object).
// Every rule (validation, query format, retries, response checks, paging arithmetic) lives
// in the Rust core.
import * as wasm from './telnyx_portouts.js';
import { init, assertLoaded } from './runtime.js';
import { PortoutsError } from './error.js';

export { PortoutsError };

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
function paged(name) {
  const list = async (query, options) => {
    await init();
    return withPaging(await wasm.callOperation(name, [query, options]), options, list);
  };
  return list;
}

/** The function of the operation `name` (its arguments, then the options), loading the wasm first. */
function loaded(name) {
  return async (...args) => {
    await init();
    return wasm.callOperation(name, args);
  };
}

/** List-all of the paged operation `name`. */
function allPages(name) {
  return async (query, options) => {
    await init();
    return wasm.listAllOperation(name, [query, options]);
  };
}

/** Iterates over the pages of `list`, fetching lazily (at most one page ahead). */
async function* pagesOf(list, query, options) {
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
async function* recordsOf(list, query, options) {
  for await (const page of pagesOf(list, query, options)) yield* page.data;
}

/** Lists one page of port-outs. */
export const listPortouts = paged('listPortouts');
/** Lists every page of port-outs, concurrently (`concurrency`, default 4), in page order. */
export const listAllPortouts = allPages('listPortouts');
/** Iterates over pages of port-outs, fetching lazily; `break` stops requesting. */
export const iterPortoutPages = (query, options) => pagesOf(listPortouts, query, options);
/** Iterates over port-outs, page by page. */
export const iterPortouts = (query, options) => recordsOf(listPortouts, query, options);
/** Fetches one port-out by id. */
export const getPortout = loaded('getPortout');
/** Authorizes (`'authorized'`) or rejects (`'rejected-pending'`, with a reason) a port-out. */
export const updatePortoutStatus = loaded('updatePortoutStatus');
/** The codes a port-out can be rejected with. */
export const listPortoutRejectionCodes = loaded('listPortoutRejectionCodes');
/** A port-out's comments. */
export const listPortoutComments = loaded('listPortoutComments');
/** Adds a comment to a port-out. */
export const createPortoutComment = loaded('createPortoutComment');
/** A port-out's supporting documents. */
export const listPortoutSupportingDocuments = loaded('listPortoutSupportingDocuments');
/** Attaches supporting documents to a port-out. */
export const createPortoutSupportingDocuments = loaded('createPortoutSupportingDocuments');
/** Lists one page of port-out events. */
export const listPortoutEvents = paged('listPortoutEvents');
/** Lists every page of port-out events (as listAllPortouts). */
export const listAllPortoutEvents = allPages('listPortoutEvents');
/** Iterates over port-out events, page by page. */
export const iterPortoutEvents = (query, options) => recordsOf(listPortoutEvents, query, options);
/** Fetches one event. */
export const getPortoutEvent = loaded('getPortoutEvent');
/** Sends an event's webhook again. */
export const republishPortoutEvent = loaded('republishPortoutEvent');
/** Lists one page of reports. */
export const listPortoutReports = paged('listPortoutReports');
/** Lists every page of reports (as listAllPortouts). */
export const listAllPortoutReports = allPages('listPortoutReports');
/** Iterates over reports, page by page. */
export const iterPortoutReports = (query, options) => recordsOf(listPortoutReports, query, options);
/** Creates a CSV report (pending until the server has built it). */
export const createPortoutReport = loaded('createPortoutReport');
/** Fetches one report. */
export const getPortoutReport = loaded('getPortoutReport');

/** The client object's methods: each function and how many arguments come before options. */
const METHODS = {
  listPortouts: 1, listAllPortouts: 1, iterPortoutPages: 1, iterPortouts: 1, getPortout: 1,
  updatePortoutStatus: 3, listPortoutRejectionCodes: 2,
  listPortoutComments: 1, createPortoutComment: 2,
  listPortoutSupportingDocuments: 1, createPortoutSupportingDocuments: 2,
  listPortoutEvents: 1, listAllPortoutEvents: 1, iterPortoutEvents: 1, getPortoutEvent: 1,
  republishPortoutEvent: 1,
  listPortoutReports: 1, listAllPortoutReports: 1, iterPortoutReports: 1,
  createPortoutReport: 1, getPortoutReport: 1,
};
const FUNCTIONS = {
  listPortouts, listAllPortouts, iterPortoutPages, iterPortouts, getPortout,
  updatePortoutStatus, listPortoutRejectionCodes, listPortoutComments, createPortoutComment,
  listPortoutSupportingDocuments, createPortoutSupportingDocuments,
  listPortoutEvents, listAllPortoutEvents, iterPortoutEvents, getPortoutEvent,
  republishPortoutEvent, listPortoutReports, listAllPortoutReports, iterPortoutReports,
  createPortoutReport, getPortoutReport,
};

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
