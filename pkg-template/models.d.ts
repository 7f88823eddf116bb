// The package's queries, bodies, options, pages and error (hand-written; the options, list-all's
// progress and the port-out filter are checked against Rust by `cargo test` in
// src/api/contract.rs; `tsc --noEmit` checks tests/types/consumer.ts). The response models are
// generated: responses.d.ts.
import type { PortoutsErrorCode } from './error-codes.js';
import type { PageMeta, Portout, PortoutEventType, PortoutStatus, SupportingDocumentType } from './responses.js';

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
