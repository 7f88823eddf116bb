//! What the gateway answers, as data: a refusal, upstream's answer passed on (status, body,
//! `x-request-id`) with the API key taken out of everything, or why upstream gave none
//! (502, 504); and the audit entry of a forwarded write.

use super::live::HEARTBEAT;
use super::refusal::Refusal;
use crate::client::error::{redact_str, Error, ErrorCode};
use serde::Serialize;
use telnyx_portouts_schema::{is_json, mentions};

/// A response: status, headers, body text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Answer {
    /// The HTTP status.
    pub status: u16,
    /// Its headers.
    pub headers: Vec<(String, String)>,
    /// Its body (empty for none); for a live stream, what the stream starts with. Not
    /// serialized: the boundary hands it over as bytes.
    #[serde(skip)]
    pub body: String,
    /// A live stream: the shell keeps the response open and writes each new event to it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub live: bool,
}

const JSON: (&str, &str) = ("content-type", "application/json; charset=utf-8");

fn header(name: &str, value: &str) -> (String, String) {
    (name.to_string(), value.to_string())
}

impl Answer {
    /// The answer of a refusal (with `Allow` for a 405).
    pub fn refusal(r: &Refusal) -> Answer {
        let mut headers = vec![header(JSON.0, JSON.1)];
        if let Some(allow) = &r.allow {
            headers.push(header("allow", allow));
        }
        Answer {
            status: r.status,
            headers,
            body: r.body(),
            live: false,
        }
    }

    /// Upstream's answer passed on, `key` taken out of the body and the request id; a JSON
    /// body that still holds the key in escaped form is withheld (502).
    pub fn upstream(status: u16, body: &[u8], request_id: Option<&str>, key: &str) -> Answer {
        // (UTF-8 checked by the fast validator first; a lossy copy only for a body that is not.)
        let text = match std::str::from_utf8(body) {
            Ok(text) => redact_str(text, key),
            Err(_) => redact_str(&String::from_utf8_lossy(body), key),
        };
        // The key can hide in JSON only behind escapes: without one that can write a character
        // of the key, the literal redaction above is all and the body is not parsed again.
        if can_hide(&text, key) && is_json(&text) && mentions(&text, key) {
            return Answer::refusal(&Refusal::new(
                502,
                "upstream_leak",
                "upstream's answer held the API key; it was withheld",
            ));
        }
        let mut headers = Vec::new();
        if !text.is_empty() {
            headers.push(header(JSON.0, JSON.1));
        }
        if let Some(id) = request_id {
            headers.push(header("x-request-id", &redact_str(id, key)));
        }
        Answer {
            status,
            headers,
            body: text,
            live: false,
        }
    }

    /// `200` to a signed webhook delivery, so Telnyx stops retrying it: `{ received: true,
    /// note }`, the note saying what became of it (a fixed text, no JSON escaping needed).
    pub fn received(note: &'static str) -> Answer {
        Answer {
            status: 200,
            headers: vec![header(JSON.0, JSON.1)],
            body: format!("{{\"received\":true,\"note\":\"{note}\"}}"),
            live: false,
        }
    }

    /// The start of a live stream: `backlog`, the events a reconnect missed, or a heartbeat
    /// when there are none (so the stream starts at once).
    pub fn live(backlog: Vec<String>) -> Answer {
        let body = if backlog.is_empty() {
            HEARTBEAT.to_string()
        } else {
            backlog.concat()
        };
        Answer {
            status: 200,
            headers: vec![
                header("content-type", "text/event-stream; charset=utf-8"),
                header("cache-control", "no-store"),
                header("x-accel-buffering", "no"),
            ],
            body,
            live: true,
        }
    }

    /// Upstream gave no answer: 504 after a timeout, 502 otherwise, saying which.
    pub fn no_answer(e: &Error, what: &str) -> Answer {
        let (status, code, detail) = match e.code {
            ErrorCode::Timeout => (
                504,
                "upstream_timeout",
                format!("upstream did not answer {what} in time"),
            ),
            _ => (
                502,
                "upstream_unreachable",
                format!("upstream could not be reached for {what}"),
            ),
        };
        Answer::refusal(&Refusal::new(status, code, detail))
    }
}

/// One forwarded write, as `audit(entry)` receives it: no key, no body text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AuditEntry {
    /// When it was answered (RFC 3339).
    pub time: String,
    /// The operation's JS name.
    pub operation: &'static str,
    /// The port-out it is about, when the path names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub portout_id: Option<String>,
    /// The status answered (502/504 when upstream gave none).
    pub status: u16,
    /// Upstream's `x-request-id`, when it answered with one.
    pub request_id: Option<String>,
}

/// Whether a JSON `text` has an escape that could write a character of `key`: `\uXXXX` writes
/// any character; the short escapes (`\"`, `\\`, `\/`, `\n`, …) only quotes, slashes and
/// control characters, so a body of ordinary escaped quotes is not parsed again for a key
/// made of letters and digits.
fn can_hide(text: &str, key: &str) -> bool {
    let short = key.contains(['"', '\\', '/']) || key.chars().any(char::is_control);
    if short {
        text.contains('\\')
    } else {
        // (`contains("\\u")` is a general substring search, slower in wasm than a search for
        // one character: this is on every upstream body.)
        text.split('\\').skip(1).any(|after| after.starts_with('u'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_never_passes_through() {
        let a = Answer::upstream(
            401,
            br#"{"errors":[{"detail":"bad key KEY123"}]}"#,
            Some("rKEY123"),
            "KEY123",
        );
        assert!(
            !a.body.contains("KEY123") && a.body.contains("[REDACTED]"),
            "{}",
            a.body
        );
        assert_eq!(a.status, 401);
        assert!(a.headers.contains(&header("x-request-id", "r[REDACTED]")));
        // Escaped in JSON: withheld.
        let a = Answer::upstream(200, br#"{"data":"KEY\u0031\u00323"}"#, None, "KEY123");
        assert_eq!(a.status, 502);
        assert!(!a.body.contains("KEY"));
        // Escaped quotes around it: redacted, passed on.
        let a = Answer::upstream(200, br#"{"data":"\"KEY123\""}"#, None, "KEY123");
        assert_eq!(a.body, r#"{"data":"\"[REDACTED]\""}"#);
        // A key with a slash hides behind `\/` too.
        let a = Answer::upstream(200, br#"{"data":"K\/EY"}"#, None, "K/EY");
        assert_eq!(a.status, 502);
        assert!(!can_hide(r#"{"a":"\"x\""}"#, "KEY123"));
        assert!(can_hide(r#"{"a":"\u0041"}"#, "KEY123"));
        assert!(can_hide(r#"{"a":"\n"}"#, "K\nY"));
        let a = Answer::upstream(204, b"", Some("r1"), "KEY123");
        assert_eq!((a.status, a.body.as_str()), (204, ""));
        assert_eq!(a.headers, vec![header("x-request-id", "r1")]);
    }

    #[test]
    fn a_live_stream_starts_with_its_backlog_or_a_heartbeat() {
        assert_eq!(Answer::live(vec![]).body, HEARTBEAT);
        let m = crate::gateway::live::message("e1", "t", "{}");
        assert_eq!(Answer::live(vec![m.clone(), m.clone()]).body, m.repeat(2));
        assert!(Answer::live(vec![]).live);
    }

    #[test]
    fn a_received_delivery_is_a_json_200() {
        let a = Answer::received("duplicate");
        assert_eq!(a.status, 200);
        assert_eq!(a.body, r#"{"received":true,"note":"duplicate"}"#);
        assert!(is_json(&a.body));
        assert_eq!(a.headers, vec![header(JSON.0, JSON.1)]);
    }

    #[test]
    fn no_answer_is_502_or_504() {
        let t = Error::new(ErrorCode::Timeout, "slow");
        assert_eq!(Answer::no_answer(&t, "listPortouts").status, 504);
        let n = Error::new(ErrorCode::Network, "down");
        let a = Answer::no_answer(&n, "listPortouts");
        assert_eq!(a.status, 502);
        assert!(a.body.contains("could not be reached for listPortouts"));
    }

    #[test]
    fn a_405_says_allow() {
        let r = Refusal {
            allow: Some("GET, POST".into()),
            ..Refusal::new(405, "method_not_allowed", "no")
        };
        assert!(Answer::refusal(&r)
            .headers
            .contains(&header("allow", "GET, POST")));
    }
}
