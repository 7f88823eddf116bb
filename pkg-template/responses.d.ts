// Generated from the response schemas (src/api/contract.rs lists them) by
// `UPDATE_GENERATED=1 cargo test --lib generated`; a host test fails when this file
// differs from what Rust writes. Do not edit.

/** A port-out's status. */
export type PortoutStatus = 'pending' | 'authorized' | 'ported' | 'rejected' | 'rejected-pending' | 'canceled';

/** The types of port-out events. */
export type PortoutEventType = 'portout.status_changed' | 'portout.new_comment' | 'portout.foc_date_changed';

/** A supporting document's type. */
export type SupportingDocumentType = 'loa' | 'invoice';

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

/** A report's params (`ExportPortoutsCSVReport`). */
export interface PortoutReportParams {
  filters?: PortoutReportFilters | null;
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
