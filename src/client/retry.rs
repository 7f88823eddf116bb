//! The retry policy as pure functions (time and randomness are passed in), so it is tested on
//! the host: which failures are retried, how long to wait, and how `Retry-After` is read.

use crate::client::datetime::parse_http_date;
use crate::client::error::{Error, ErrorCode};

/// First backoff delay.
pub const BASE_DELAY_MS: f64 = 500.0;
/// Longest computed backoff delay.
pub const MAX_BACKOFF_MS: f64 = 8_000.0;
/// Longest wait a server's `Retry-After` can ask for; larger values are capped.
pub const MAX_RETRY_AFTER_MS: f64 = 60_000.0;
/// Most retries a caller may ask for.
pub const MAX_RETRIES_LIMIT: u32 = 10;

/// Whether a failed attempt should be retried. A read is retried on any transient failure;
/// a write (`write`) only when the server says it did nothing: 429 and 503. A write is
/// never retried after a timeout, a dropped connection or another 5xx, where it may have
/// been done (see [`after_write`]).
pub fn should_retry(error: &Error, write: bool) -> bool {
    if write {
        return error.status.is_some_and(|s| s == 429 || s == 503);
    }
    match error.code {
        ErrorCode::Network | ErrorCode::Timeout => true,
        _ => error
            .status
            .is_some_and(crate::client::response::is_retryable_status),
    }
}

/// True when a write that failed with `error` may still have been done: no answer came
/// (a timeout, a dropped connection), or a 5xx other than 503.
pub fn may_have_happened(error: &Error) -> bool {
    matches!(error.code, ErrorCode::Network | ErrorCode::Timeout)
        || error
            .status
            .is_some_and(|s| (500..600).contains(&s) && s != 503)
}

/// The final error of a write: where it may have been done, the message says what may have
/// happened (`effect`: "the comment may have been created") and the error is not
/// `retryable`, so nobody sends it twice without looking first.
pub fn after_write(mut error: Error, effect: &str) -> Error {
    if may_have_happened(&error) {
        error.message = format!(
            "{} It was not retried: {effect}; check before retrying.",
            error.message
        );
        error.retryable = false;
    }
    error
}

/// Milliseconds to wait before retry number `retry` (0 for the first retry):
/// `500 ms · 2^retry`, capped at 8 s, scaled by a jitter in `[0.5, 1.0)` from `random01`
/// (a number in `[0, 1)`). A `Retry-After` of the response, when present, wins, capped at 60 s.
pub fn delay_ms(retry: u32, random01: f64, retry_after_ms: Option<f64>) -> f64 {
    if let Some(ms) = retry_after_ms {
        return ms.clamp(0.0, MAX_RETRY_AFTER_MS);
    }
    let exp = BASE_DELAY_MS * 2f64.powi(retry.min(16) as i32);
    let jitter = 0.5 + 0.5 * random01.clamp(0.0, 1.0);
    exp.min(MAX_BACKOFF_MS) * jitter
}

/// Reads a `Retry-After` value (delay seconds or an HTTP date) into milliseconds from `now_ms`.
/// `None` when it is neither; a date in the past gives 0.
pub fn parse_retry_after(value: &str, now_ms: f64) -> Option<f64> {
    let v = value.trim();
    if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
        // More than 5 digits is more than a day: capped anyway.
        let secs: u32 = v.get(..v.len().min(5)).unwrap_or("0").parse().ok()?;
        return Some((f64::from(secs) * 1000.0).min(MAX_RETRY_AFTER_MS));
    }
    let at = parse_http_date(v)? as f64;
    Some((at - now_ms).clamp(0.0, MAX_RETRY_AFTER_MS))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_with_jitter_and_a_cap() {
        assert_eq!(delay_ms(0, 0.0, None), 250.0);
        assert_eq!(delay_ms(0, 0.999_999, None).round(), 500.0);
        assert_eq!(delay_ms(1, 0.0, None), 500.0);
        assert_eq!(delay_ms(3, 1.0, None), 4000.0);
        assert_eq!(delay_ms(4, 1.0, None), 8000.0);
        assert_eq!(delay_ms(40, 1.0, None), 8000.0);
    }

    #[test]
    fn retry_after_wins_and_is_capped() {
        assert_eq!(delay_ms(0, 0.5, Some(2000.0)), 2000.0);
        assert_eq!(delay_ms(0, 0.5, Some(1e9)), 60_000.0);
        assert_eq!(parse_retry_after("2", 0.0), Some(2000.0));
        assert_eq!(
            parse_retry_after("99999999999999999999", 0.0),
            Some(60_000.0)
        );
        assert_eq!(
            parse_retry_after("Thu, 01 Jan 1970 00:00:10 GMT", 4000.0),
            Some(6000.0)
        );
        assert_eq!(
            parse_retry_after("Thu, 01 Jan 1970 00:00:10 GMT", 1e12),
            Some(0.0)
        );
        assert_eq!(parse_retry_after("-1", 0.0), None);
        assert_eq!(parse_retry_after("soon", 0.0), None);
    }

    #[test]
    fn retries_only_transient_failures() {
        let status = |s: u16| {
            let mut e = Error::new(
                ErrorCode::from_status(s).unwrap_or(ErrorCode::HttpError),
                "x",
            );
            e.status = Some(s);
            e
        };
        for s in [408, 409, 429, 500, 502, 503, 504] {
            assert!(should_retry(&status(s), false), "{s}");
        }
        for s in [400, 401, 403, 404, 422] {
            assert!(!should_retry(&status(s), false), "{s}");
        }
        assert!(should_retry(&Error::new(ErrorCode::Network, "x"), false));
        assert!(should_retry(&Error::new(ErrorCode::Timeout, "x"), false));
        assert!(!should_retry(&Error::new(ErrorCode::Aborted, "x"), false));
        assert!(!should_retry(
            &Error::new(ErrorCode::InvalidResponse, "x"),
            false
        ));
    }

    #[test]
    fn writes_are_retried_only_where_the_server_did_nothing() {
        let status = |s: u16| {
            let mut e = Error::new(
                ErrorCode::from_status(s).unwrap_or(ErrorCode::HttpError),
                "x",
            );
            e.status = Some(s);
            e
        };
        for s in [429, 503] {
            assert!(should_retry(&status(s), true), "{s}");
            assert!(!may_have_happened(&status(s)), "{s}");
        }
        for s in [400, 404, 408, 409, 422, 500, 502, 504] {
            assert!(!should_retry(&status(s), true), "{s}");
        }
        for code in [ErrorCode::Network, ErrorCode::Timeout] {
            let e = Error::new(code, "No answer.");
            assert!(!should_retry(&e, true));
            let e = after_write(e, "the comment may have been created");
            assert!(!e.retryable);
            assert_eq!(
                e.message,
                "No answer. It was not retried: the comment may have been created; check before retrying."
            );
        }
        for s in [500, 502, 504] {
            let e = after_write(status(s), "the report may have been created");
            assert!(
                e.message.ends_with("check before retrying.") && !e.retryable,
                "{s}"
            );
        }
        for s in [404, 422, 429, 503] {
            assert_eq!(after_write(status(s), "x").message, "x", "{s}");
        }
    }
}
