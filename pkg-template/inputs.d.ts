// Generated from the Rust readers' key lists (src/api/generated_inputs.rs) by
// `UPDATE_GENERATED=1 cargo test --lib generated`; a host test fails when this file
// differs from what Rust writes. Do not edit.
import type { PortoutEventType, PortoutStatus } from './responses.js';

/** A date filter value: an RFC 3339 date-time, a `YYYY-MM-DD` date, or a `Date`. */
export type DateInput = string | Date;

/** An inclusive range. */
export interface DateRange {
  gte?: DateInput | null;
  lte?: DateInput | null;
}

/** Which page. */
export interface PageParams {
  /** From 1. */
  number?: number | null;
  /** 1..250; the API's default is 20. */
  size?: number | null;
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

/** The query of `listPortouts`. */
export interface PortoutListQuery {
  filter?: PortoutFilter | null;
  page?: PageParams | null;
  /** The official SDK's flat form (not with `page`). */
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

/** Progress of a list-all, reported after each page. */
export interface ListAllProgress {
  itemsDone: number;
  pagesDone: number;
  totalPages: number;
  totalResults: number;
}

/** Options of a list-all. */
export interface ListAllOptions extends ClientOptions {
  /** Requests in flight at most, 1..16; default 4. */
  concurrency?: number;
  /** Stop once this many records are collected (exactly this many are returned). */
  maxItems?: number;
  /** Called after each page arrives, in arrival order; the last call has `pagesDone === totalPages` (with `maxItems`, of the capped listing). */
  onProgress?: (progress: ListAllProgress) => void;
}

/** The statuses `updatePortoutStatus` can set. */
export type PortoutStatusChange = 'authorized' | 'rejected-pending';

/** The body of a status change. */
export interface PortoutStatusParams {
  host_messaging?: boolean;
  /** Required by the API; must not be blank when rejecting (`''` is fine when authorizing). */
  reason: string;
}

/** The query of `listPortoutRejectionCodes`. */
export interface PortoutRejectionQuery {
  filter?: PortoutRejectionFilter | null;
}

/** Its filter. */
export interface PortoutRejectionFilter {
  code?: number | number[] | null;
}

/** The query of `listPortoutEvents`. */
export interface PortoutEventQuery {
  filter?: PortoutEventFilter | null;
  page?: PageParams | null;
  /** The official SDK's flat form (not with `page`). */
  'page[number]'?: number | null;
  'page[size]'?: number | null;
}

/** Its filter. */
export interface PortoutEventFilter {
  created_at?: DateRange | null;
  event_type?: PortoutEventType | null;
  /** A port-out's id (UUID). */
  portout_id?: string | null;
}

/** A report's type. */
export type PortoutReportType = 'export_portouts_csv';

/** A report's status. */
export type PortoutReportStatus = 'pending' | 'completed';

/** The query of `listPortoutReports`. */
export interface PortoutReportQuery {
  filter?: PortoutReportFilter | null;
  page?: PageParams | null;
  /** The official SDK's flat form (not with `page`). */
  'page[number]'?: number | null;
  'page[size]'?: number | null;
}

/** Its filter. */
export interface PortoutReportFilter {
  report_type?: PortoutReportType | null;
  status?: PortoutReportStatus | null;
}

/** The body of `createPortoutReport`. */
export interface NewPortoutReport {
  params: NewPortoutReportParams;
  report_type: PortoutReportType;
}

/** Its params. */
export interface NewPortoutReportParams {
  /** `{}` for every port-out. */
  filters: NewPortoutReportFilters;
}

/** What the CSV report includes. */
export interface NewPortoutReportFilters {
  created_at__gt?: DateInput;
  created_at__lt?: DateInput;
  customer_reference__in?: string[];
  end_user_name?: string;
  /** E.164 numbers. */
  phone_numbers__overlaps?: string[];
  status__in?: PortoutStatus[];
}
