//! What the gateway sends upstream for a matched request: the request the client itself would
//! send for the same arguments, rebuilt from them after the client's own validation (the
//! operation table's entry), so only canonical requests leave: the query string re-written,
//! the body re-serialized from the validated values.

use super::refusal::Refusal;
use super::route::Route;
use crate::client::encode::ArrayFormat;
use crate::client::error::Error;
use crate::client::input::Input;
use crate::client::operation::Param;
use crate::client::query_string::query_input;
use crate::client::request::Request;

/// The largest write body the gateway reads.
pub const MAX_BODY: usize = 64 * 1024;

/// Checks a write's body by its headers, before it is read: `content_type` must be JSON
/// (no form or text posts: a cross-site form cannot send one), `length` (when declared)
/// at most [`MAX_BODY`].
pub fn check_body_headers(
    route: &Route,
    content_type: Option<&str>,
    length: Option<u64>,
) -> Result<(), Refusal> {
    if !route.operation.method.is_write() {
        return Ok(());
    }
    if length.is_some_and(|n| n > MAX_BODY as u64) {
        return Err(too_large());
    }
    let takes_body = body_param(route).is_some();
    let media = content_type
        .and_then(|t| t.split(';').next())
        .map(|t| t.trim().to_ascii_lowercase());
    match media.as_deref() {
        Some("application/json") => Ok(()),
        None if !takes_body || length == Some(0) => Ok(()),
        other => Err(Refusal::new(
            415,
            "unsupported_media_type",
            format!(
                "{} takes a JSON body: send it with Content-Type: application/json (got {})",
                route.operation.name,
                other.map_or("no Content-Type".to_string(), |t| {
                    format!("'{}'", crate::client::read::printable(t))
                }),
            ),
        )),
    }
}

/// `413`: a body over [`MAX_BODY`].
pub fn too_large() -> Refusal {
    Refusal::new(
        413,
        "payload_too_large",
        format!("the body is larger than {} KB", MAX_BODY / 1024),
    )
}

/// The index of the argument a write's body fills: the first id or value argument after the
/// path's placeholders.
fn body_param(route: &Route) -> Option<usize> {
    let mut placeholders = route.segments.len();
    for (i, p) in route.operation.params.iter().enumerate() {
        match p {
            Param::Query(_) => {}
            _ if placeholders > 0 => placeholders -= 1,
            _ => return Some(i),
        }
    }
    None
}

/// The upstream request for `route` with the write body `body` (empty for none): each
/// argument read as the client reads it, then the request the operation builds from them.
pub fn prepare(route: &Route, body: &[u8]) -> Result<Request, Refusal> {
    if body.len() > MAX_BODY {
        return Err(too_large());
    }
    let op = route.operation;
    let body_at = body_param(route);
    let body_value = match (body_at, body.iter().all(u8::is_ascii_whitespace)) {
        (_, true) => Input::Undefined,
        (None, false) => {
            return Err(Refusal::new(
                400,
                "unexpected_body",
                format!("{} takes no body", op.name),
            ))
        }
        (Some(_), false) => json_input(body)?,
    };
    let has_query = op.params.iter().any(|p| matches!(p, Param::Query(_)));
    if !has_query && !route.query.is_empty() {
        return Err(Refusal::invalid(&Error::invalid_params(
            "query",
            &format!("{} takes no query string", op.name),
        )));
    }
    let mut segments = route.segments.iter();
    let mut values = Vec::with_capacity(op.params.len());
    for (i, p) in op.params.iter().enumerate() {
        values.push(match p {
            Param::Query(shape) => {
                query_input(&route.query, shape).map_err(|e| Refusal::invalid(&e))?
            }
            _ if Some(i) == body_at => body_value.clone(),
            _ => segments
                .next()
                .map_or(Input::Undefined, |s| Input::String(s.clone())),
        });
    }
    op.request(&values, ArrayFormat::Comma)
        .map_err(|e| Refusal::invalid(&e))
}

/// A JSON body as the value the readers take.
fn json_input(body: &[u8]) -> Result<Input, Refusal> {
    let value: serde_json::Value = serde_json::from_slice(body).map_err(|e| {
        Refusal::new(
            400,
            "invalid_json",
            format!("the body is not valid JSON ({e})"),
        )
    })?;
    Ok(input_of(value))
}

fn input_of(value: serde_json::Value) -> Input {
    use serde_json::Value;
    match value {
        Value::Null => Input::Null,
        Value::Bool(b) => Input::Bool(b),
        Value::Number(n) => Input::Number(n.as_f64().unwrap_or(f64::NAN)),
        Value::String(s) => Input::String(s),
        Value::Array(items) => Input::Array(items.into_iter().map(input_of).collect()),
        Value::Object(members) => {
            Input::Object(members.into_iter().map(|(k, v)| (k, input_of(v))).collect())
        }
    }
}
