// Types of the telnyx-portouts package (hand-written; checked by `tsc --noEmit` on
// tests/types/consumer.ts in the test suite, and the response models compared field by field
// with the Rust schemas by `cargo test` (src/api/contract.rs)).

/** A port-out's status. */
export type PortoutStatus = 'pending' | 'authorized' | 'ported' | 'rejected' | 'rejected-pending' | 'canceled';

/** A date filter value: an RFC 3339 date-time, a `YYYY-MM-DD` date, or a `Date`. */
export type DateInput = string | Date;

/** An inclusive range. */
export interface DateRange {
  gte?: DateInput | null;
  lte?: DateInput | null;
}

/** The filters of `GET /portouts`. `null`/`undefined` mean "not set". */
export interface PortoutFilter {
  carrier_name?: string | null;
  /** ISO 3166-1 alpha-2; lower case is upper-cased. */
  country_code?: string | null;
  country_code_in?: string[] | null;
  /** Same day as this FOC date. */
  foc_date?: DateInput | null;
  inserted_at?: DateRange | null;
  /** E.164, like `+13035551212`. */
  phone_number?: string | null;
  pon?: string | null;
  ported_out_at?: DateRange | null;
  spid?: string | null;
  status?: PortoutStatus | null;
  status_in?: PortoutStatus[] | null;
  support_key?: string | null;
}

/** A list query. The official SDK's flat `'page[number]'`/`'page[size]'` keys are accepted too (not with `page`). */
export interface PortoutListQuery {
  filter?: PortoutFilter | null;
  page?: { number?: number | null; size?: number | null } | null;
  'page[number]'?: number | null;
  'page[size]'?: number | null;
}

/** How array filters are written in the query string. */
export type ArrayFormat = 'comma' | 'brackets' | 'repeat';

/** Options of every request. */
export interface ClientOptions {
  /** Sent as `Authorization: Bearer …`. Prefer a same-origin proxy that holds the key. */
  apiKey?: string;
  /** Default `https://api.telnyx.com/v2`; an absolute http(s) URL or a path like `/api/telnyx`. */
  baseUrl?: string;
  /** Per attempt; default 60000. */
  timeoutMs?: number;
  /** 0..10; default 2. */
  maxRetries?: number;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Default `'comma'`. */
  arrayFormat?: ArrayFormat;
}

/** A port-out request (`PortoutDetails`). Every field may be missing or null; fields the API adds later are kept. */
export interface Portout {
  already_ported?: boolean | null;
  authorized_name?: string | null;
  carrier_name?: string | null;
  city?: string | null;
  created_at?: string | null;
  current_carrier?: string | null;
  end_user_name?: string | null;
  foc_date?: string | null;
  host_messaging?: boolean | null;
  id?: string | null;
  inserted_at?: string | null;
  lsr?: string[] | null;
  phone_numbers?: string[] | null;
  pon?: string | null;
  reason?: string | null;
  record_type?: string | null;
  rejection_code?: number | null;
  requested_foc_date?: string | null;
  service_address?: string | null;
  spid?: string | null;
  state?: string | null;
  /** One of the six statuses, or a status the API added later. */
  status?: PortoutStatus | (string & {}) | null;
  support_key?: string | null;
  updated_at?: string | null;
  user_id?: string | null;
  vendor?: string | null;
  zip?: string | null;
  [extra: string]: unknown;
}

/** The `meta` of a list response. */
export interface PageMeta {
  page_number: number;
  page_size: number;
  total_pages: number;
  total_results: number;
}

/** One page of a listing. */
export interface PortoutPage {
  data: Portout[];
  meta: PageMeta;
  /** The response's `x-request-id`, when the server exposes it. */
  requestId?: string;
  /** `meta.page_number < meta.total_pages` and this page is not empty. */
  hasNextPage(): boolean;
  /** The next page, with the same query and options; rejects (`no_next_page`) after the last. */
  nextPage(): Promise<PortoutPage>;
}

/** Progress of `listAllPortouts`, reported after each page. */
export interface ListAllProgress {
  pagesDone: number;
  totalPages: number;
  itemsDone: number;
  totalResults: number;
}

/** Options of `listAllPortouts`. */
export interface ListAllOptions extends ClientOptions {
  /** Requests in flight at most, 1..16; default 4. */
  concurrency?: number;
  /** Stop once this many records are collected (exactly this many are returned). */
  maxItems?: number;
  /**
   * Called after each page arrives (in arrival order; `pagesDone` counts up by one); the last
   * call has `pagesDone === totalPages`. With `maxItems`, `totalPages` and `totalResults` are
   * those of the capped listing, so the progress reaches 100 %.
   */
  onProgress?: (progress: ListAllProgress) => void;
}

/** What kind of failure a `PortoutsError` is. */
export type PortoutsErrorCode =
  | 'invalid_filter' | 'invalid_options' | 'invalid_params' | 'insecure_transport' | 'invalid_response'
  | 'authentication' | 'permission_denied' | 'not_found' | 'unprocessable' | 'rate_limited'
  | 'server_error' | 'http_error' | 'network' | 'timeout' | 'aborted' | 'not_initialized' | 'no_next_page';

/** One entry of a Telnyx `errors[]` array. */
export interface TelnyxApiError {
  code?: string | number;
  title?: string;
  detail?: string;
  source?: { pointer?: string; parameter?: string };
  meta?: Record<string, unknown>;
}

/** The one error type of the package. */
export class PortoutsError extends Error {
  readonly name: 'PortoutsError';
  readonly code: PortoutsErrorCode;
  /** The field, option or response location the error is about (`filter.status_in[1]`, `data[3].id`). */
  readonly path?: string;
  readonly status?: number;
  readonly requestId?: string;
  readonly errors?: TelnyxApiError[];
  /** The page a list-all call failed on. */
  readonly page?: number;
  /** Whether the same call may succeed if tried again. */
  readonly retryable: boolean;
  private constructor();
}

/** Loads the wasm module (browsers, bundlers). Resolves at once in Node. */
export default function init(input?: RequestInfo | URL | Response | BufferSource | WebAssembly.Module): Promise<void>;

/** Lists one page of port-outs (`GET {baseUrl}/portouts`). */
export function listPortouts(query?: PortoutListQuery | null, options?: ClientOptions | null): Promise<PortoutPage>;

/**
 * Lists every page of a query (page size 250 unless the query sets one), at most
 * `concurrency` requests in flight, and resolves to the records in page order. Records are
 * de-duplicated by id; records inserted while listing may be missed (they appear on pages
 * already fetched) but none is returned twice.
 */
export function listAllPortouts(query?: PortoutListQuery | null, options?: ListAllOptions | null): Promise<Portout[]>;

/** Iterates over pages lazily (at most one page ahead); `break` stops requesting. */
export function iterPortoutPages(query?: PortoutListQuery | null, options?: ClientOptions | null): AsyncIterable<PortoutPage> & AsyncIterator<PortoutPage>;

/** Iterates over port-outs, page by page. */
export function iterPortouts(query?: PortoutListQuery | null, options?: ClientOptions | null): AsyncIterable<Portout> & AsyncIterator<Portout>;

/** Fetches one port-out (`GET {baseUrl}/portouts/{id}`). */
export function getPortout(id: string, options?: ClientOptions | null): Promise<Portout>;

/** One operation of the library's table (src/api/operations.rs): its function's name, HTTP
 *  method, path template below `baseUrl`, arguments before the options, and whether it is a
 *  paged list (which also has a list-all and an iterator). */
export interface OperationInfo {
  readonly name: string;
  readonly method: 'GET' | 'POST' | 'PATCH';
  readonly path: string;
  readonly params: readonly string[];
  readonly paged: boolean;
}
/** Every operation of `/portouts`, in the order of the API reference. */
export const OPERATIONS: readonly OperationInfo[];

/** The query string of a query, without a leading `?`. Throws `PortoutsError`. */
export function buildPortoutsQuery(query?: PortoutListQuery | null, options?: { arrayFormat?: ArrayFormat } | null): string;

/** Parses a query string (any array format, `?` optional) into a query. Throws `PortoutsError`. */
export function parsePortoutsQuery(search: string): PortoutListQuery;

/** Validates a list response body and builds it. Throws `PortoutsError` (`invalid_response`). */
export function parsePortoutsResponse(body: string | Uint8Array): { data: Portout[]; meta: PageMeta };

/** A comment on a port-out (`PortoutComment`). */
export interface PortoutComment {
  body?: string | null;
  created_at?: string | null;
  id?: string | null;
  portout_id?: string | null;
  record_type?: string | null;
  /** Null when a Telnyx admin wrote it. */
  user_id?: string | null;
  [extra: string]: unknown;
}

/** A document attached to a port-out (`PortOutSupportingDocument`). */
export interface PortoutSupportingDocument {
  created_at?: string | null;
  document_id?: string | null;
  id?: string | null;
  portout_id?: string | null;
  record_type?: string | null;
  type?: SupportingDocumentType | (string & {}) | null;
  updated_at?: string | null;
  [extra: string]: unknown;
}

/** A code a port-out can be rejected with (`PortoutRejection`). */
export interface PortoutRejection {
  code?: number | null;
  description?: string | null;
  /** Whether `updatePortoutStatus(id, 'rejected-pending', …)` needs a reason for it. */
  reason_required?: boolean | null;
  [extra: string]: unknown;
}

/** The types of port-out events. */
export type PortoutEventType = 'portout.status_changed' | 'portout.new_comment' | 'portout.foc_date_changed';

/** An event's payload: the fields of its `event_type`'s variant. */
export interface PortoutEventPayload {
  /** `portout.status_changed` */
  attempted_pin?: string | null;
  carrier_name?: string | null;
  /** `portout.new_comment`: the comment's text. */
  comment?: string | null;
  /** `portout.foc_date_changed`: the new FOC date. */
  foc_date?: string | null;
  id?: string | null;
  phone_numbers?: string[] | null;
  portout_id?: string | null;
  rejection_reason?: string | null;
  spid?: string | null;
  status?: PortoutStatus | (string & {}) | null;
  subscriber_name?: string | null;
  user_id?: string | null;
  [extra: string]: unknown;
}

/** A port-out event (`PortoutEvent`, one of its three `event_type` variants). */
export interface PortoutEvent {
  available_notification_methods?: ('email' | 'webhook' | (string & {}))[] | null;
  created_at?: string | null;
  event_type?: PortoutEventType | (string & {}) | null;
  id?: string | null;
  payload?: PortoutEventPayload | null;
  payload_status?: 'created' | 'completed' | (string & {}) | null;
  portout_id?: string | null;
  record_type?: string | null;
  updated_at?: string | null;
  [extra: string]: unknown;
}

/** What a CSV report includes (`ExportPortoutsCSVReport.filters`). */
export interface PortoutReportFilters {
  created_at__gt?: string | null;
  created_at__lt?: string | null;
  customer_reference__in?: string[] | null;
  end_user_name?: string | null;
  phone_numbers__overlaps?: string[] | null;
  status__in?: (PortoutStatus | (string & {}))[] | null;
  [extra: string]: unknown;
}

/** A report's params (`ExportPortoutsCSVReport`). */
export interface PortoutReportParams {
  filters?: PortoutReportFilters | null;
  [extra: string]: unknown;
}

/** A report (`PortoutReport`): `pending`, then `completed` with its `document_id`. */
export interface PortoutReport {
  created_at?: string | null;
  document_id?: string | null;
  id?: string | null;
  params?: PortoutReportParams | null;
  record_type?: string | null;
  report_type?: 'export_portouts_csv' | (string & {}) | null;
  status?: 'pending' | 'completed' | (string & {}) | null;
  updated_at?: string | null;
  [extra: string]: unknown;
}

/** One page of a paged list of `T`. */
export interface Page<T> {
  data: T[];
  meta: PageMeta;
  requestId?: string;
  hasNextPage(): boolean;
  nextPage(): Promise<Page<T>>;
}

/** The statuses `updatePortoutStatus` can set. */
export type PortoutStatusChange = 'authorized' | 'rejected-pending';

/** The body of a status change. The API requires `reason`; it must not be blank when rejecting (`''` is fine when authorizing). */
export interface PortoutStatusParams {
  reason: string;
  host_messaging?: boolean;
}

/** A supporting document's type. */
export type SupportingDocumentType = 'loa' | 'invoice';

/** The query of `listPortoutRejectionCodes`. */
export interface PortoutRejectionQuery {
  filter?: { code?: number | number[] | null } | null;
}

/** The query of `listPortoutEvents`. */
export interface PortoutEventQuery {
  filter?: {
    event_type?: PortoutEventType | null;
    /** A port-out's id (UUID). */
    portout_id?: string | null;
    created_at?: DateRange | null;
  } | null;
  page?: { number?: number | null; size?: number | null } | null;
  'page[number]'?: number | null;
  'page[size]'?: number | null;
}

/** The query of `listPortoutReports`. */
export interface PortoutReportQuery {
  filter?: {
    report_type?: 'export_portouts_csv' | null;
    status?: 'pending' | 'completed' | null;
  } | null;
  page?: { number?: number | null; size?: number | null } | null;
  'page[number]'?: number | null;
  'page[size]'?: number | null;
}

/** The body of `createPortoutReport`. */
export interface NewPortoutReport {
  report_type: 'export_portouts_csv';
  params: {
    filters: {
      created_at__gt?: DateInput;
      created_at__lt?: DateInput;
      customer_reference__in?: string[];
      end_user_name?: string;
      /** E.164 numbers. */
      phone_numbers__overlaps?: string[];
      status__in?: PortoutStatus[];
    };
  };
}

/**
 * Authorizes (`'authorized'`) or rejects (`'rejected-pending'`, with a reason) a port-out
 * (`PATCH /portouts/{id}/{status}`). A write: retried only on 429 and 503.
 */
export function updatePortoutStatus(id: string, status: PortoutStatusChange, params: PortoutStatusParams, options?: ClientOptions | null): Promise<Portout>;

/** The codes a port-out can be rejected with (`GET /portouts/rejections/{portout_id}`). */
export function listPortoutRejectionCodes(portoutId: string, query?: PortoutRejectionQuery | null, options?: ClientOptions | null): Promise<PortoutRejection[]>;

/** A port-out's comments (`GET /portouts/{id}/comments`). */
export function listPortoutComments(id: string, options?: ClientOptions | null): Promise<PortoutComment[]>;

/** Adds a comment (`POST /portouts/{id}/comments`). A write: retried only on 429 and 503. */
export function createPortoutComment(id: string, comment: { body: string }, options?: ClientOptions | null): Promise<PortoutComment>;

/** A port-out's supporting documents (`GET /portouts/{id}/supporting_documents`). */
export function listPortoutSupportingDocuments(id: string, options?: ClientOptions | null): Promise<PortoutSupportingDocument[]>;

/** Attaches 1 to 10 uploaded documents (`POST /portouts/{id}/supporting_documents`). */
export function createPortoutSupportingDocuments(id: string, params: { documents: { type: SupportingDocumentType; document_id: string }[] }, options?: ClientOptions | null): Promise<PortoutSupportingDocument[]>;

/** One page of events (`GET /portouts/events`). */
export function listPortoutEvents(query?: PortoutEventQuery | null, options?: ClientOptions | null): Promise<Page<PortoutEvent>>;

/** Every page of events (as `listAllPortouts`). */
export function listAllPortoutEvents(query?: PortoutEventQuery | null, options?: ListAllOptions | null): Promise<PortoutEvent[]>;

/** Iterates over events, page by page. */
export function iterPortoutEvents(query?: PortoutEventQuery | null, options?: ClientOptions | null): AsyncIterable<PortoutEvent> & AsyncIterator<PortoutEvent>;

/** One event (`GET /portouts/events/{id}`). */
export function getPortoutEvent(id: string, options?: ClientOptions | null): Promise<PortoutEvent>;

/** Sends an event's webhook again (`POST /portouts/events/{id}/republish`, 204). */
export function republishPortoutEvent(id: string, options?: ClientOptions | null): Promise<undefined>;

/** One page of reports (`GET /portouts/reports`). */
export function listPortoutReports(query?: PortoutReportQuery | null, options?: ClientOptions | null): Promise<Page<PortoutReport>>;

/** Every page of reports (as `listAllPortouts`). */
export function listAllPortoutReports(query?: PortoutReportQuery | null, options?: ListAllOptions | null): Promise<PortoutReport[]>;

/** Iterates over reports, page by page. */
export function iterPortoutReports(query?: PortoutReportQuery | null, options?: ClientOptions | null): AsyncIterable<PortoutReport> & AsyncIterator<PortoutReport>;

/** Creates a CSV report (`POST /portouts/reports`); it is `pending` until the server built it. */
export function createPortoutReport(report: NewPortoutReport, options?: ClientOptions | null): Promise<PortoutReport>;

/** One report (`GET /portouts/reports/{id}`). */
export function getPortoutReport(id: string, options?: ClientOptions | null): Promise<PortoutReport>;

/** A client with options bound: every function as a method; per-call options are merged over the bound ones. */
export interface PortoutsClient {
  listPortouts: typeof listPortouts;
  listAllPortouts: typeof listAllPortouts;
  iterPortoutPages: typeof iterPortoutPages;
  iterPortouts: typeof iterPortouts;
  getPortout: typeof getPortout;
  updatePortoutStatus: typeof updatePortoutStatus;
  listPortoutRejectionCodes: typeof listPortoutRejectionCodes;
  listPortoutComments: typeof listPortoutComments;
  createPortoutComment: typeof createPortoutComment;
  listPortoutSupportingDocuments: typeof listPortoutSupportingDocuments;
  createPortoutSupportingDocuments: typeof createPortoutSupportingDocuments;
  listPortoutEvents: typeof listPortoutEvents;
  listAllPortoutEvents: typeof listAllPortoutEvents;
  iterPortoutEvents: typeof iterPortoutEvents;
  getPortoutEvent: typeof getPortoutEvent;
  republishPortoutEvent: typeof republishPortoutEvent;
  listPortoutReports: typeof listPortoutReports;
  listAllPortoutReports: typeof listAllPortoutReports;
  iterPortoutReports: typeof iterPortoutReports;
  createPortoutReport: typeof createPortoutReport;
  getPortoutReport: typeof getPortoutReport;
}

/** A client with `options` bound, like the SDK's `new Telnyx({ apiKey })`. */
export function createPortoutsClient(options?: ClientOptions | null): PortoutsClient;
