//! Response validation: a list body must be `{ "data": [PortoutDetails...], "meta": Metadata }`,
//! a get body `{ "data": PortoutDetails }` (the schemas in `src/api/portouts/model.rs`, checked by
//! the one serde_json-driven validator of `telnyx-portouts-schema`). Nothing is built: on
//! success JS builds the objects with `JSON.parse`; on failure the error names the path
//! (`data[3].phone_numbers[0]`) and the reason. Also: HTTP error responses into [`Error`]s.

use crate::client::error::{Error, ErrorCode};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::borrow::Cow;
use telnyx_portouts_schema::{validate, Captures, Failure, Schema};

/// The `invalid_response` error for a validation failure.
fn invalid(f: &Failure) -> Error {
    let message = if f.path.is_empty() {
        format!(
            "The response is not a valid port-out response: {}.",
            f.reason
        )
    } else {
        format!(
            "The response is not a valid port-out response: {} {}.",
            f.path, f.reason
        )
    };
    let mut e = Error::new(ErrorCode::InvalidResponse, message);
    e.path = (!f.path.is_empty()).then(|| f.path.clone());
    e
}

/// Validates a body against `schema`: its text (for `JSON.parse`) and the counts captured.
///
/// The bytes are checked as UTF-8 once, as a whole, and a leading byte order mark is skipped
/// (as `TextDecoder` and `Response.text()` do); serde_json then reads the text. When the bytes
/// are not UTF-8, the valid part before the first bad byte is validated too, for the path of
/// the value the bad byte is in (`data[0].id`).
pub fn check<'a>(bytes: &'a [u8], schema: &'static Schema) -> Result<(&'a str, Captures), Error> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let before = bytes
                .get(..e.valid_up_to())
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or_default();
            let path = validate(before, schema)
                .err()
                .map(|f| f.path)
                .unwrap_or_default();
            let reason = if path.is_empty() {
                "the body is not valid UTF-8"
            } else {
                "is not valid UTF-8"
            };
            return Err(invalid(&Failure {
                path,
                reason: reason.into(),
            }));
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let captures = validate(text, schema).map_err(|f| invalid(&f))?;
    Ok((text, captures))
}

/// What a caller knows about the request an error response answered.
#[derive(Debug, Clone, Copy, Default)]
pub struct ErrorContext<'a> {
    /// The `x-request-id` header.
    pub request_id: Option<&'a str>,
    /// Attempts made (1 = no retry).
    pub attempts: u32,
}

/// The part of a Telnyx error body the library reads: its `errors[]`, kept as received.
#[derive(Deserialize)]
struct ErrorBody<'a> {
    #[serde(borrow)]
    errors: Option<&'a RawValue>,
}

/// What the message quotes of the first error.
#[derive(Deserialize)]
struct FirstError<'a> {
    #[serde(borrow)]
    title: Option<Cow<'a, str>>,
    #[serde(borrow)]
    detail: Option<Cow<'a, str>>,
}

/// Turns a non-2xx response into an [`Error`]: the code from the status, the Telnyx
/// `errors[]` list when the body has one, and a message saying what to do.
pub fn http_error(status: u16, body: &[u8], ctx: ErrorContext<'_>) -> Error {
    let code = ErrorCode::from_status(status).unwrap_or(ErrorCode::HttpError);
    let text = (body.len() <= 1 << 20)
        .then(|| std::str::from_utf8(body).ok())
        .flatten();
    let errors = text
        .and_then(|t| serde_json::from_str::<ErrorBody<'_>>(t).ok())
        .and_then(|b| b.errors)
        .and_then(|raw| {
            let items = serde_json::from_str::<Vec<&RawValue>>(raw.get()).ok()?;
            // A raw value is only skipped by serde_json: check it as the validator reads JSON.
            telnyx_portouts_schema::is_json(raw.get()).then_some((raw.get(), items))
        });
    let first = errors
        .as_ref()
        .and_then(|(_, items)| items.first())
        .and_then(|item| serde_json::from_str::<FirstError<'_>>(item.get()).ok());
    let title = first.as_ref().and_then(|f| f.title.as_deref());
    let detail = first.as_ref().and_then(|f| f.detail.as_deref());
    let said = match (title, detail) {
        (Some(t), Some(d)) if t != d => format!(": {t}: {d}"),
        (Some(t), _) => format!(": {t}"),
        (None, Some(d)) => format!(": {d}"),
        (None, None) => String::new(),
    };
    let retried = if ctx.attempts > 1 {
        format!(" after {} attempts", ctx.attempts)
    } else {
        String::new()
    };
    let advice = match code {
        ErrorCode::Authentication => {
            "Check the apiKey (a Telnyx API v2 key), or the proxy that adds it."
        }
        ErrorCode::PermissionDenied => {
            "The API key is valid but may not list port-outs; check its permissions."
        }
        ErrorCode::NotFound => {
            "Check that baseUrl ends in /v2 (or is your proxy's path) and, for getPortout, the id."
        }
        ErrorCode::Unprocessable => "The API rejected a parameter; see errors[] for which.",
        ErrorCode::RateLimited => "Too many requests: wait and try again, or lower concurrency.",
        ErrorCode::ServerError => "The server failed; try again later.",
        _ => "Check baseUrl and the request.",
    };
    let rid = ctx
        .request_id
        .map(|r| format!(" (request id {r})"))
        .unwrap_or_default();
    let mut e = Error::new(code, format!("HTTP {status}{said}{retried}{rid}. {advice}"));
    e.status = Some(status);
    e.request_id = ctx.request_id.map(str::to_string);
    e.errors = errors.map(|(raw, _)| raw.to_string());
    e.retryable = is_retryable_status(status);
    e
}

/// Statuses worth retrying: 408, 409, 429 and 5xx.
pub fn is_retryable_status(status: u16) -> bool {
    matches!(status, 408 | 409 | 429 | 500..=599)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn maps_error_bodies() {
        let body = br#"{"errors":[{"code":"10009","title":"Authentication failed","detail":"The API key is invalid.","source":{"pointer":"/"}}]}"#;
        let e = http_error(
            401,
            body,
            ErrorContext {
                request_id: Some("req-1"),
                attempts: 1,
            },
        );
        assert_eq!(e.code, ErrorCode::Authentication);
        assert_eq!(e.status, Some(401));
        assert_eq!(e.request_id.as_deref(), Some("req-1"));
        assert!(
            e.message
                .contains("Authentication failed: The API key is invalid."),
            "{}",
            e.message
        );
        assert!(e.message.contains("req-1"));
        assert!(!e.retryable);
        assert!(e
            .errors
            .as_deref()
            .is_some_and(|raw| raw.starts_with("[{\"code\":\"10009\"")));

        let e = http_error(
            503,
            b"<html>down</html>",
            ErrorContext {
                request_id: None,
                attempts: 3,
            },
        );
        assert_eq!(e.code, ErrorCode::ServerError);
        assert!(e.retryable && e.errors.is_none());
        assert!(e.message.contains("after 3 attempts"));
        let e = http_error(
            422,
            br#"{"errors":[{"code":10015,"detail":"bad page"}]}"#,
            ErrorContext::default(),
        );
        assert_eq!(e.code, ErrorCode::Unprocessable);
        assert!(e.message.contains("bad page"));
        assert_eq!(
            http_error(418, b"", ErrorContext::default()).code,
            ErrorCode::HttpError
        );
        // What serde_json's RawValue lets through but its parser refuses is not kept (found
        // by fuzzing: fuzz/corpus/response_validator/ki3_*).
        for body in [r#"{"errors":["\ud800"]}"#, r#"{"errors":[1e309]}"#] {
            let e = http_error(422, body.as_bytes(), ErrorContext::default());
            assert_eq!(e.errors, None, "{body}");
        }
    }
}
