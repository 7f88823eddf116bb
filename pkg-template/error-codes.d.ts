// Generated from the error codes (ErrorCode::ALL, src/client/error.rs) by
// `UPDATE_GENERATED=1 cargo test --lib generated`; a host test fails when this file
// differs from what Rust writes. Do not edit.

/** What kind of failure a `PortoutsError` is. */
export type PortoutsErrorCode =
  | 'invalid_filter'
  | 'invalid_options'
  | 'invalid_params'
  | 'insecure_transport'
  | 'invalid_response'
  | 'authentication'
  | 'permission_denied'
  | 'not_found'
  | 'unprocessable'
  | 'rate_limited'
  | 'server_error'
  | 'http_error'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'not_initialized'
  | 'no_next_page'
  | 'invalid_signature'
  | 'invalid_webhook';
