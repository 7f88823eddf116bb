//! The one error type of the library: a stable machine-readable [`ErrorCode`], a message a
//! person can act on, and the context a caller needs (`path`, `status`, `request_id`, the
//! Telnyx `errors[]` list). Secrets never enter it: every text that may have come from a
//! server is passed through [`Error::redact`] before it is stored.

use serde::Serialize;
use std::fmt;

/// What kind of failure an [`Error`] is. `as_str` gives the stable `code` string JS sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorCode {
    /// The query (filter or page) broke a rule; `path` names the field.
    InvalidFilter,
    /// The client options broke a rule; `path` names the option.
    InvalidOptions,
    /// A path argument or a request body is not valid (`id`, `status`, `body.reason`).
    InvalidParams,
    /// An apiKey would have been sent over plain http to a non-loopback host.
    InsecureTransport,
    /// The server's answer is not a valid response of this endpoint.
    InvalidResponse,
    /// HTTP 401.
    Authentication,
    /// HTTP 403.
    PermissionDenied,
    /// HTTP 404.
    NotFound,
    /// HTTP 422.
    Unprocessable,
    /// HTTP 429.
    RateLimited,
    /// HTTP 5xx.
    ServerError,
    /// Any other non-2xx HTTP status.
    HttpError,
    /// The request did not reach the server or the body could not be read.
    Network,
    /// No answer within `timeoutMs`.
    Timeout,
    /// The caller's `AbortSignal` fired.
    Aborted,
    /// A synchronous function was called before the wasm module was loaded (raised by the
    /// package's JS shell, which cannot reach Rust then).
    NotInitialized,
    /// `nextPage()` was called on the last page (raised by the JS shell's page methods).
    NoNextPage,
    /// A webhook's signature, key or timestamp did not verify (the gateway, `unwrapPortoutWebhook`).
    InvalidSignature,
    /// A verified webhook's envelope or payload is not a valid port-out event.
    InvalidWebhook,
}

impl ErrorCode {
    /// The stable string form (`invalid_filter`, `rate_limited`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidFilter => "invalid_filter",
            ErrorCode::InvalidOptions => "invalid_options",
            ErrorCode::InvalidParams => "invalid_params",
            ErrorCode::InsecureTransport => "insecure_transport",
            ErrorCode::InvalidResponse => "invalid_response",
            ErrorCode::Authentication => "authentication",
            ErrorCode::PermissionDenied => "permission_denied",
            ErrorCode::NotFound => "not_found",
            ErrorCode::Unprocessable => "unprocessable",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::ServerError => "server_error",
            ErrorCode::HttpError => "http_error",
            ErrorCode::Network => "network",
            ErrorCode::Timeout => "timeout",
            ErrorCode::Aborted => "aborted",
            ErrorCode::NotInitialized => "not_initialized",
            ErrorCode::NoNextPage => "no_next_page",
            ErrorCode::InvalidSignature => "invalid_signature",
            ErrorCode::InvalidWebhook => "invalid_webhook",
        }
    }

    /// Every code, the one list the TypeScript `ErrorCode` union and the demo's titles follow
    /// (checked by `src/api/contract.rs`).
    pub const ALL: [ErrorCode; 19] = [
        ErrorCode::InvalidFilter,
        ErrorCode::InvalidOptions,
        ErrorCode::InvalidParams,
        ErrorCode::InsecureTransport,
        ErrorCode::InvalidResponse,
        ErrorCode::Authentication,
        ErrorCode::PermissionDenied,
        ErrorCode::NotFound,
        ErrorCode::Unprocessable,
        ErrorCode::RateLimited,
        ErrorCode::ServerError,
        ErrorCode::HttpError,
        ErrorCode::Network,
        ErrorCode::Timeout,
        ErrorCode::Aborted,
        ErrorCode::NotInitialized,
        ErrorCode::NoNextPage,
        ErrorCode::InvalidSignature,
        ErrorCode::InvalidWebhook,
    ];

    /// The code an HTTP error status maps to (`None` for 1xx-3xx).
    pub fn from_status(status: u16) -> Option<ErrorCode> {
        Some(match status {
            401 => ErrorCode::Authentication,
            403 => ErrorCode::PermissionDenied,
            404 => ErrorCode::NotFound,
            422 => ErrorCode::Unprocessable,
            429 => ErrorCode::RateLimited,
            500..=599 => ErrorCode::ServerError,
            400..=499 | 600..=999 => ErrorCode::HttpError,
            _ => return None,
        })
    }
}

/// One failure, as JS receives it in a `PortoutsError`: its [`ErrorInfo`], boxed so that a
/// `Result` carrying it stays one pointer wide (every fallible function of the core returns
/// one; an unboxed 70-byte error is copied at every `?`, which costs time and wasm size).
/// The fields read and write through it: `e.code`, `e.status = Some(404)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Error(Box<ErrorInfo>);

impl std::ops::Deref for Error {
    type Target = ErrorInfo;
    fn deref(&self) -> &ErrorInfo {
        &self.0
    }
}

impl std::ops::DerefMut for Error {
    fn deref_mut(&mut self) -> &mut ErrorInfo {
        &mut self.0
    }
}

/// What an [`Error`] says. Serialized as the properties of the JS `PortoutsError`
/// (`{ code, message, path?, status?, requestId?, errors?, page?, retryable }`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorInfo {
    /// The kind of failure.
    pub code: ErrorCode,
    /// What happened and what to do about it.
    pub message: String,
    /// The field, option or response location the error is about (`filter.status_in[1]`,
    /// `data[3].phone_numbers[0]`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The HTTP status, for errors that came with one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// The server's `x-request-id`, when it sent one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// The Telnyx `errors[]` array of the response body: its JSON text as received (redacted),
    /// which the boundary hands to `JSON.parse` (so it is not serialized with the rest).
    #[serde(skip)]
    pub errors: Option<String>,
    /// The page number a list-all call failed on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Whether trying the same request again may succeed.
    pub retryable: bool,
}

impl Error {
    /// A new error with a code and a message and nothing else.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Error {
        Error(Box::new(ErrorInfo {
            code,
            message: message.into(),
            path: None,
            status: None,
            request_id: None,
            errors: None,
            page: None,
            retryable: matches!(
                code,
                ErrorCode::RateLimited
                    | ErrorCode::ServerError
                    | ErrorCode::Network
                    | ErrorCode::Timeout
            ),
        }))
    }

    /// An `invalid_filter` error about the field at `path`.
    pub fn invalid_filter(path: &str, reason: &str) -> Error {
        Error::at(ErrorCode::InvalidFilter, path, reason)
    }

    /// An `invalid_params` error about the argument or body field at `path`.
    pub fn invalid_params(path: &str, reason: &str) -> Error {
        Error::at(ErrorCode::InvalidParams, path, reason)
    }

    /// An `invalid_options` error about the option at `path`.
    pub fn invalid_options(path: &str, reason: &str) -> Error {
        Error::at(ErrorCode::InvalidOptions, path, reason)
    }

    /// An error about the value at `path`, with the message `"{path}: {reason}"`.
    pub fn at(code: ErrorCode, path: &str, reason: &str) -> Error {
        let mut e = Error::new(code, format!("{path}: {reason}"));
        e.path = Some(path.to_string());
        e
    }

    /// Replaces every occurrence of `secret` in every text of the error by `[REDACTED]`.
    /// Called with the apiKey on every error that leaves a request, so a server that echoes
    /// the Authorization header cannot leak the key through an error.
    /// Keys shorter than [`MIN_REDACTED_LEN`] are not real API keys, and redacting them would
    /// garble ordinary words; server texts are redacted at the source (`http_error`) anyway.
    pub fn redact(mut self, secret: Option<&str>) -> Error {
        let Some(secret) = secret.filter(|s| s.len() >= MIN_REDACTED_LEN) else {
            return self;
        };
        self.message = redact_str(&self.message, secret);
        self.path = self.path.take().map(|p| redact_str(&p, secret));
        self.request_id = self.request_id.take().map(|r| redact_str(&r, secret));
        // The errors' JSON text: the key's literal occurrences replaced, and if it still
        // appears once escapes are decoded (a server echoing it as `\u0041...`), dropped.
        self.errors = self
            .errors
            .take()
            .map(|raw| redact_str(&raw, secret))
            .filter(|raw| !telnyx_portouts_schema::mentions(raw, secret));
        self
    }
}

/// The shortest secret [`Error::redact`] looks for in the library's own messages.
pub const MIN_REDACTED_LEN: usize = 8;

/// `text` with every occurrence of `secret` replaced by `[REDACTED]`.
pub fn redact_str(text: &str, secret: &str) -> String {
    // Each place the secret's first character occurs (found a word at a time, which is faster
    // in wasm than a general substring search: the gateway runs this over every upstream body),
    // then a compare there.
    let Some(first) = secret.chars().next() else {
        return text.to_string();
    };
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(first) {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        if let Some(after) = from.strip_prefix(secret) {
            out.push_str("[REDACTED]");
            rest = after;
        } else {
            let (seen, after) = from.split_at(first.len_utf8());
            out.push_str(seen);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.message, self.code.as_str())
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_codes_map_to_codes() {
        assert_eq!(ErrorCode::from_status(401), Some(ErrorCode::Authentication));
        assert_eq!(
            ErrorCode::from_status(403),
            Some(ErrorCode::PermissionDenied)
        );
        assert_eq!(ErrorCode::from_status(404), Some(ErrorCode::NotFound));
        assert_eq!(ErrorCode::from_status(422), Some(ErrorCode::Unprocessable));
        assert_eq!(ErrorCode::from_status(429), Some(ErrorCode::RateLimited));
        assert_eq!(ErrorCode::from_status(503), Some(ErrorCode::ServerError));
        assert_eq!(ErrorCode::from_status(418), Some(ErrorCode::HttpError));
        assert_eq!(ErrorCode::from_status(302), None);
    }

    #[test]
    fn serializes_as_the_js_error_properties() {
        let mut e = Error::new(ErrorCode::RateLimited, "slow down");
        e.request_id = Some("r1".into());
        assert_eq!(
            serde_json::to_value(&*e).ok(),
            Some(
                serde_json::json!({"code": "rate_limited", "message": "slow down", "requestId": "r1", "retryable": true})
            )
        );
        for code in [
            ErrorCode::InvalidFilter,
            ErrorCode::InsecureTransport,
            ErrorCode::HttpError,
        ] {
            assert_eq!(serde_json::to_value(code).ok(), Some(code.as_str().into()));
        }
    }

    #[test]
    fn retryable_follows_the_code() {
        assert!(Error::new(ErrorCode::Timeout, "x").retryable);
        assert!(!Error::new(ErrorCode::InvalidFilter, "x").retryable);
    }

    #[test]
    fn redact_str_replaces_every_occurrence() {
        assert_eq!(
            redact_str("aKEYbKEYKEY", "KEY"),
            "a[REDACTED]b[REDACTED][REDACTED]"
        );
        assert_eq!(redact_str("é KEY ü", "KEY"), "é [REDACTED] ü");
        assert_eq!(redact_str("KE", "KEY"), "KE");
        assert_eq!(redact_str("abc", ""), "abc");
    }

    #[test]
    fn redact_removes_the_secret_everywhere() {
        let mut e = Error::new(ErrorCode::Authentication, "bad key KEY12345 given");
        e.errors = Some(r#"[{"detail":"Bearer KEY12345","KEY12345":1}]"#.into());
        e.path = Some("KEY12345".into());
        let e = e.redact(Some("KEY12345"));
        assert!(!format!("{e:?}").contains("KEY12345"));
        assert!(e.message.contains("[REDACTED]"));
        assert_eq!(
            e.errors.as_deref(),
            Some(r#"[{"detail":"Bearer [REDACTED]","[REDACTED]":1}]"#)
        );
        // Escaped, the key would pass a literal search: the whole list is dropped instead.
        let mut e = Error::new(ErrorCode::Authentication, "x");
        e.errors = Some(r#"[{"detail":"Bearer \u004bEY12345"}]"#.into());
        assert_eq!(e.redact(Some("KEY12345")).errors, None);
    }
}
