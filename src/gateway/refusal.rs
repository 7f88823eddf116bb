//! A request the gateway answers itself, without contacting upstream: its status and the
//! body in Telnyx's error format (`{ "errors": [{ "code", "title", "detail", "source"? }] }`),
//! so the client reads it like any API error.

use crate::client::error::Error;
use serde::Serialize;

/// A refusal: the status and what the one entry of `errors[]` says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The HTTP status.
    pub status: u16,
    /// A stable code (`not_found`, `invalid_filter`, …).
    pub code: &'static str,
    /// What the problem is, naming it.
    pub detail: String,
    /// The parameter or body location the problem is about.
    pub parameter: Option<String>,
    /// For a 405: the methods the path takes (`GET, POST`).
    pub allow: Option<String>,
}

#[derive(Serialize)]
struct Body<'a> {
    errors: [Entry<'a>; 1],
}

#[derive(Serialize)]
struct Entry<'a> {
    code: &'a str,
    title: &'a str,
    detail: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<Source<'a>>,
}

#[derive(Serialize)]
struct Source<'a> {
    parameter: &'a str,
}

impl Refusal {
    /// A refusal with `status`, `code` and `detail`.
    pub fn new(status: u16, code: &'static str, detail: impl Into<String>) -> Refusal {
        Refusal {
            status,
            code,
            detail: detail.into(),
            parameter: None,
            allow: None,
        }
    }

    /// `404`: no operation of the port-outs API has this path.
    pub fn not_found(detail: impl Into<String>) -> Refusal {
        Refusal::new(404, "not_found", detail)
    }

    /// `422`: arguments the client would refuse, with the library's message and path.
    pub fn invalid(e: &Error) -> Refusal {
        Refusal {
            parameter: e.path.clone(),
            ..Refusal::new(422, e.code.as_str(), e.message.clone())
        }
    }

    /// The status's reason phrase, as the entry's title.
    pub fn title(&self) -> &'static str {
        match self.status {
            400 => "Bad Request",
            401 => "Unauthorized",
            403 => "Forbidden",
            404 => "Not Found",
            405 => "Method Not Allowed",
            413 => "Payload Too Large",
            415 => "Unsupported Media Type",
            422 => "Unprocessable Entity",
            502 => "Bad Gateway",
            504 => "Gateway Timeout",
            _ => "Error",
        }
    }

    /// The response body (JSON).
    pub fn body(&self) -> String {
        let body = Body {
            errors: [Entry {
                code: self.code,
                title: self.title(),
                detail: &self.detail,
                source: self
                    .parameter
                    .as_deref()
                    .map(|parameter| Source { parameter }),
            }],
        };
        // Serializing strings and a number cannot fail.
        serde_json::to_string(&body).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_body_is_telnyxs_error_format() {
        let r = Refusal::invalid(&Error::invalid_filter("filter[status]", "is not a status"));
        assert_eq!(r.status, 422);
        let v: serde_json::Value = serde_json::from_str(&r.body()).unwrap();
        let e = &v["errors"][0];
        assert_eq!(e["code"], "invalid_filter");
        assert_eq!(e["title"], "Unprocessable Entity");
        assert!(e["detail"].as_str().unwrap().contains("is not a status"));
        assert_eq!(e["source"]["parameter"], "filter[status]");
        let v: serde_json::Value =
            serde_json::from_str(&Refusal::not_found("no such path").body()).unwrap();
        assert!(v["errors"][0].get("source").is_none());
    }
}
