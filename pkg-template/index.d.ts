// Types of the telnyx-portouts package: what it takes (inputs.d.ts, generated from the Rust
// readers' key lists), the response models (responses.d.ts, generated from the schemas), every
// operation's function (operations.d.ts, generated from the operation table), the error codes
// (error-codes.d.ts, generated); hand-written: pages and the error class (models.d.ts), and
// here loading, the page iterator, the client.
// `tsc --noEmit` checks tests/types/consumer.ts against them.
import type { ArrayFormat, ClientOptions, PortoutListQuery } from './inputs.js';
import type { PortoutPage } from './models.js';
import type { PageMeta, Portout, PortoutEventPayload, PortoutEventType } from './responses.js';
import type { OperationMethods } from './operations.js';

export * from './inputs.js';
export * from './models.js';
export * from './responses.js';
export * from './error-codes.js';
export * from './operations.js';

/** Loads the wasm module (browsers, bundlers). Resolves at once in Node. */
export default function init(input?: RequestInfo | URL | Response | BufferSource | WebAssembly.Module): Promise<void>;

/** Iterates over pages lazily (at most one page ahead); `break` stops requesting. */
export function iterPortoutPages(query?: PortoutListQuery | null, options?: ClientOptions | null): AsyncIterable<PortoutPage> & AsyncIterator<PortoutPage>;

/** A port-out event as `watchPortoutEvents` yields it (from the gateway's live stream, or polled). */
export interface PortoutLiveEvent {
  id: string;
  event_type: PortoutEventType | (string & {});
  occurred_at?: string | null;
  payload: PortoutEventPayload;
  source: 'live' | 'poll';
}

/** Port-out events as they happen, each once: the gateway's live stream (`{baseUrl}/live`), or
 *  polling `listPortoutEvents` every `pollMs` (default 15000) where there is none; `break` or
 *  `signal` stops it. */
export function watchPortoutEvents(options?: (ClientOptions & { pollMs?: number; onState?: (state: 'live' | 'reconnecting' | 'polling') => void }) | null): AsyncIterable<PortoutLiveEvent> & AsyncIterator<PortoutLiveEvent>;

/** One operation of the library's table (src/api/operations.rs): its function's name, HTTP
 *  method, path template below `baseUrl`, arguments before the options, and whether it is a
 *  paged list (which also has a list-all and an iterator, named here). */
export interface OperationInfo {
  readonly name: string;
  readonly method: 'GET' | 'POST' | 'PATCH';
  readonly path: string;
  readonly params: readonly string[];
  readonly paged: boolean;
  /** A paged list's list-all function (`listAllPortouts`). */
  readonly listAll?: string;
  /** A paged list's record iterator (`iterPortouts`). */
  readonly iter?: string;
}
/** Every operation of `/portouts`, in the order of the API reference. */
export const OPERATIONS: readonly OperationInfo[];

/** The query string of a query, without a leading `?`. Throws `PortoutsError`. */
export function buildPortoutsQuery(query?: PortoutListQuery | null, options?: { arrayFormat?: ArrayFormat } | null): string;

/** Parses a query string (any array format, `?` optional) into a query. Throws `PortoutsError`. */
export function parsePortoutsQuery(search: string): PortoutListQuery;

/** Validates a list response body and builds it. Throws `PortoutsError` (`invalid_response`). */
export function parsePortoutsResponse(body: string | Uint8Array): { data: Portout[]; meta: PageMeta };

/** A client with options bound: every function as a method; per-call options are merged over the bound ones. */
export interface PortoutsClient extends OperationMethods {
  iterPortoutPages: typeof iterPortoutPages;
  watchPortoutEvents: typeof watchPortoutEvents;
}

/** A client with `options` bound, like the SDK's `new Telnyx({ apiKey })`. */
export function createPortoutsClient(options?: ClientOptions | null): PortoutsClient;
