// The package's models, queries, options, pages and error (hand-written; the response models
// are compared field by field with the Rust schemas, and the error codes with Rust's list, by
// `cargo test` in src/api/contract.rs; `tsc --noEmit` checks tests/types/consumer.ts).
import type { PortoutsErrorCode } from './error-codes.js';

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
