//! Response validation over the bytes, without building anything: a list body must be
//! `{ "data": [PortoutDetails...], "meta": Metadata }`, a get body `{ "data": PortoutDetails }`.
//! On success JS builds the objects with `JSON.parse`; on failure the error names the path
//! (`data[3].phone_numbers[0]`) and the reason. Also: HTTP error responses into [`Error`]s.

use crate::error::{Error, ErrorCode};
use crate::json::{integer_value, parse_value, Kind, RawStr, Reader, SyntaxError, Value};
use crate::model::{field_index, FieldType, PageMeta, META_FIELDS, PORTOUT_FIELDS};
use crate::text::num;

/// A failure while validating, with the path built up as it returns (innermost first).
/// Boxed, so that the validator's results stay one pointer wide on the hot path.
struct Fail(Box<FailInfo>);

struct FailInfo {
    reason: String,
    path: Vec<Segment>,
}

enum Segment {
    Key(String),
    Index(usize),
}

impl Fail {
    fn new(reason: impl Into<String>) -> Fail {
        Fail(Box::new(FailInfo {
            reason: reason.into(),
            path: Vec::new(),
        }))
    }

    fn at_key(mut self, key: &RawStr<'_>) -> Fail {
        self.0
            .path
            .push(Segment::Key(key.decode().unwrap_or_else(|| "?".into())));
        self
    }

    fn at_name(mut self, name: &str) -> Fail {
        self.0.path.push(Segment::Key(name.to_string()));
        self
    }

    fn at_index(mut self, i: usize) -> Fail {
        self.0.path.push(Segment::Index(i));
        self
    }

    fn path_string(&self) -> String {
        let mut s = String::new();
        for seg in self.0.path.iter().rev() {
            match seg {
                Segment::Key(k) if s.is_empty() => s.push_str(k),
                Segment::Key(k) => {
                    s.push('.');
                    s.push_str(k);
                }
                Segment::Index(i) => {
                    s.push('[');
                    s.push_str(&num(*i as u64));
                    s.push(']');
                }
            }
        }
        s
    }

    fn into_error(self) -> Error {
        let path = self.path_string();
        let message = if path.is_empty() {
            cat![
                "The response is not a valid port-out response: ",
                self.0.reason,
                "."
            ]
        } else {
            cat![
                "The response is not a valid port-out response: ",
                path,
                " ",
                self.0.reason,
                "."
            ]
        };
        let mut e = Error::new(ErrorCode::InvalidResponse, message);
        e.path = (!path.is_empty()).then_some(path);
        e
    }
}

impl From<SyntaxError> for Fail {
    fn from(e: SyntaxError) -> Fail {
        Fail::new(e.describe())
    }
}

type V<T> = Result<T, Fail>;

fn wrong_type(expected: &str, got: Kind) -> Fail {
    Fail::new(cat!["must be ", expected, ", got ", got.article_name()])
}

fn start(bytes: &[u8]) -> V<Reader<'_>> {
    // UTF-8 is checked inside strings, the only place non-ASCII may stand.
    let mut r = Reader::new(bytes);
    match r.peek_kind() {
        Ok(Kind::Object) => Ok(r),
        Ok(k) => Err(wrong_type("a JSON object", k)),
        Err(SyntaxError::UnexpectedEnd) => Err(Fail::new("the body is empty")),
        Err(e) => Err(e.into()),
    }
}

/// Validates the body of `GET /portouts` and returns its `meta`.
pub fn validate_list(bytes: &[u8]) -> Result<PageMeta, Error> {
    validate_list_inner(bytes).map_err(Fail::into_error)
}

fn validate_list_inner(bytes: &[u8]) -> V<PageMeta> {
    let mut r = start(bytes)?;
    r.begin_object()?;
    let (mut data, mut meta) = (false, None);
    let mut i = 0;
    while let Some(key) = r.next_key(i)? {
        i += 1;
        if key.eq_str("data") {
            records(&mut r).map_err(|f| f.at_key(&key))?;
            data = true;
        } else if key.eq_str("meta") {
            meta = Some(page_meta(&mut r).map_err(|f| f.at_key(&key))?);
        } else {
            r.skip_value(1)?;
        }
    }
    r.finish()?;
    if !data {
        return Err(Fail::new("has no \"data\" array"));
    }
    meta.ok_or_else(|| Fail::new("has no \"meta\" object"))
}

/// Validates the body of `GET /portouts/{id}`.
pub fn validate_one(bytes: &[u8]) -> Result<(), Error> {
    validate_one_inner(bytes).map_err(Fail::into_error)
}

fn validate_one_inner(bytes: &[u8]) -> V<()> {
    let mut r = start(bytes)?;
    r.begin_object()?;
    let mut data = false;
    let mut i = 0;
    while let Some(key) = r.next_key(i)? {
        i += 1;
        if key.eq_str("data") {
            record(&mut r, &mut KeyOrder::default(), 2).map_err(|f| f.at_key(&key))?;
            data = true;
        } else {
            r.skip_value(1)?;
        }
    }
    r.finish()?;
    if data {
        Ok(())
    } else {
        Err(Fail::new("has no \"data\" object"))
    }
}

fn records(r: &mut Reader<'_>) -> V<()> {
    match r.peek_kind_hot()? {
        Kind::Array => {}
        k => return Err(wrong_type("an array", k)),
    }
    r.begin_array()?;
    let mut order = KeyOrder::default();
    let mut i = 0;
    while r.next_item_hot(i)? {
        record(r, &mut order, 3).map_err(|f| f.at_index(i))?;
        i += 1;
    }
    Ok(())
}

/// The order of the known fields in the previous record (indices into `PORTOUT_FIELDS`,
/// `UNKNOWN` for other keys). Records of one response list their keys in the same order, so
/// the validator first tries the key it expects: a byte comparison instead of scanning the key
/// and looking it up.
#[derive(Clone, Copy)]
struct KeyOrder([u8; 40]);

const UNKNOWN: u8 = u8::MAX;

impl Default for KeyOrder {
    fn default() -> Self {
        KeyOrder([UNKNOWN; 40])
    }
}

/// One port-out object. Out of line: the unit both endpoints share; its field loop inlines the
/// reader's hot paths.
#[inline(never)]
/// `field_depth` is the nesting depth of the record's values in the document (2 for a get body,
/// 3 for a list body), so that unknown fields obey the document-wide nesting limit.
fn record(r: &mut Reader<'_>, order: &mut KeyOrder, field_depth: u32) -> V<()> {
    match r.peek_kind_hot()? {
        Kind::Object => {}
        k => return Err(wrong_type("a port-out object", k)),
    }
    r.begin_object()?;
    let mut i = 0;
    loop {
        let expected = order
            .0
            .get(i)
            .and_then(|&k| PORTOUT_FIELDS.get(usize::from(k)));
        // The known field at this position: the predicted one when its key is next, else
        // whatever key comes (unknown keys are skipped).
        let (name, ty) = match expected {
            Some(&(name, ty)) if r.try_key(i, name.as_bytes()) => (name, ty),
            _ => {
                let Some(key) = r.next_key_hot(i)? else { break };
                let decoded;
                let raw = if key.escaped {
                    decoded = key.decode().unwrap_or_default();
                    decoded.as_bytes()
                } else {
                    key.raw
                };
                let index = field_index(raw);
                if let Some(slot) = order.0.get_mut(i) {
                    *slot = index.map_or(UNKNOWN, |k| k as u8);
                }
                match index.and_then(|k| PORTOUT_FIELDS.get(k)) {
                    Some(&known) => known,
                    None => {
                        i += 1;
                        r.skip_value(field_depth)?;
                        continue;
                    }
                }
            }
        };
        i += 1;
        // One call site, so the field validator is inlined once. A known field's name is
        // plain ASCII, the same as its key however the key was escaped.
        field(r, ty).map_err(|f| f.at_name(name))?;
    }
    Ok(())
}

#[inline(always)]
fn field(r: &mut Reader<'_>, ty: FieldType) -> V<()> {
    let kind = r.peek_kind_hot()?;
    match (ty, kind) {
        (_, Kind::Null) => r.null()?,
        (FieldType::Text, Kind::String) => {
            r.string_hot()?;
        }
        (FieldType::Boolean, Kind::Bool) => {
            r.boolean()?;
        }
        (FieldType::Integer, Kind::Number) => {
            integer(r)?;
        }
        (FieldType::TextList, Kind::Array) => {
            r.begin_array()?;
            let mut i = 0;
            while r.next_item_hot(i)? {
                match r.peek_kind_hot()? {
                    Kind::String => {
                        r.string_hot()?;
                    }
                    k => return Err(wrong_type("a string", k).at_index(i)),
                }
                i += 1;
            }
        }
        (FieldType::Text, k) => return Err(wrong_type("a string", k)),
        (FieldType::Boolean, k) => return Err(wrong_type("a boolean", k)),
        (FieldType::Integer, k) => return Err(wrong_type("an integer", k)),
        (FieldType::TextList, k) => return Err(wrong_type("an array of strings", k)),
    }
    Ok(())
}

/// Reads a number that must be an integer within ±(2^53 - 1).
fn integer(r: &mut Reader<'_>) -> V<i64> {
    let text = r.number()?;
    integer_value(text).map_err(|too_big| {
        let what = if too_big {
            "an integer within ±(2^53 - 1)"
        } else {
            "an integer"
        };
        Fail::new(cat!["must be ", what, ", got ", text])
    })
}

fn page_meta(r: &mut Reader<'_>) -> V<PageMeta> {
    match r.peek_kind()? {
        Kind::Object => {}
        k => return Err(wrong_type("an object", k)),
    }
    r.begin_object()?;
    let mut values = [None; 4];
    let mut i = 0;
    while let Some(key) = r.next_key(i)? {
        i += 1;
        let slot = META_FIELDS
            .iter()
            .position(|f| key.eq_str(f))
            .and_then(|p| values.get_mut(p));
        match slot {
            Some(slot) => {
                let n = match r.peek_kind()? {
                    Kind::Number => integer(r).map_err(|f| f.at_key(&key))?,
                    k => return Err(wrong_type("an integer", k).at_key(&key)),
                };
                let n =
                    u64::try_from(n).map_err(|_| Fail::new("must not be negative").at_key(&key))?;
                *slot = Some(n);
            }
            None => r.skip_value(2)?,
        }
    }
    let mut out = [0u64; 4];
    for ((value, name), o) in values.iter().zip(META_FIELDS).zip(out.iter_mut()) {
        *o = value.ok_or_else(|| Fail::new(cat!["has no ", name]))?;
    }
    let [page_number, page_size, total_pages, total_results] = out;
    Ok(PageMeta {
        page_number,
        page_size,
        total_pages,
        total_results,
    })
}

/// What a caller knows about the request an error response answered.
#[derive(Debug, Clone, Copy, Default)]
pub struct ErrorContext<'a> {
    /// The `x-request-id` header.
    pub request_id: Option<&'a str>,
    /// Attempts made (1 = no retry).
    pub attempts: u32,
    /// The apiKey sent, which a server may echo: removed from everything taken from the body.
    pub secret: Option<&'a str>,
}

/// Turns a non-2xx response into an [`Error`]: the code from the status, the Telnyx
/// `errors[]` list when the body has one, and a message saying what to do.
pub fn http_error(status: u16, body: &[u8], ctx: ErrorContext<'_>) -> Error {
    let code = ErrorCode::from_status(status).unwrap_or(ErrorCode::HttpError);
    let parsed = if body.len() <= 1 << 20 {
        parse_value(body)
    } else {
        None
    };
    let errors = parsed
        .and_then(|v| v.take("errors"))
        .filter(|e| matches!(e, Value::Arr(_)));
    let first = match &errors {
        Some(Value::Arr(items)) => items.first(),
        _ => None,
    };
    let title = first.and_then(|e| e.get("title")).and_then(Value::as_text);
    let detail = first.and_then(|e| e.get("detail")).and_then(Value::as_text);
    let said = match (title, detail) {
        (Some(t), Some(d)) if t != d => cat![": ", t, ": ", d],
        (Some(t), _) => cat![": ", t],
        (None, Some(d)) => cat![": ", d],
        (None, None) => String::new(),
    };
    let retried = if ctx.attempts > 1 {
        cat![" after ", num(ctx.attempts), " attempts"]
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
        .map(|r| cat![" (request id ", r, ")"])
        .unwrap_or_default();
    let mut e = Error::new(
        code,
        cat!["HTTP ", num(status), said, retried, rid, ". ", advice],
    );
    e.status = Some(status);
    e.request_id = ctx.request_id.map(str::to_string);
    e.errors = errors;
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

    fn rec(fields: &str) -> String {
        format!(
            r#"{{"data":[{{"id":"a"}},{{{fields}}}],"meta":{{"page_number":1,"page_size":2,"total_pages":1,"total_results":2}}}}"#
        )
    }

    fn list_err(body: &str) -> (Option<String>, String) {
        match validate_list(body.as_bytes()) {
            Ok(m) => panic!("expected an error for {body}, got {m:?}"),
            Err(e) => {
                assert_eq!(e.code, ErrorCode::InvalidResponse);
                (e.path.clone(), e.message.clone())
            }
        }
    }

    #[test]
    fn accepts_valid_pages_with_nulls_and_unknown_fields() {
        let body = rec(
            r#""phone_numbers":["+1"],"lsr":null,"reason":null,"rejection_code":1002,"already_ported":true,"status":"brand-new","extra":{"x":[1,2]}"#,
        );
        let meta = validate_list(body.as_bytes());
        assert_eq!(meta.map(|m| (m.page_size, m.total_results)), Ok((2, 2)));
        let one = r#"{"data":{"id":"x","rejection_code":3.0}}"#;
        assert_eq!(validate_one(one.as_bytes()), Ok(()));
    }

    #[test]
    fn names_the_path_of_a_wrong_type() {
        assert_eq!(
            list_err(&rec(r#""phone_numbers":[42]"#)).0.as_deref(),
            Some("data[1].phone_numbers[0]")
        );
        assert_eq!(
            list_err(&rec(r#""phone_numbers":"+1""#)).0.as_deref(),
            Some("data[1].phone_numbers")
        );
        assert_eq!(
            list_err(&rec(r#""already_ported":"yes""#)).0.as_deref(),
            Some("data[1].already_ported")
        );
        assert_eq!(
            list_err(&rec(r#""rejection_code":1.5"#)).0.as_deref(),
            Some("data[1].rejection_code")
        );
        assert_eq!(
            list_err(&rec(r#""rejection_code":1e300"#)).0.as_deref(),
            Some("data[1].rejection_code")
        );
        assert_eq!(list_err(&rec(r#""id":7"#)).0.as_deref(), Some("data[1].id"));
        assert_eq!(
            list_err(&rec(r#""st\u0061tus":7"#)).0.as_deref(),
            Some("data[1].status")
        );
        let (path, msg) = list_err(&rec(r#""city":{}"#));
        assert_eq!(path.as_deref(), Some("data[1].city"));
        assert!(msg.contains("must be a string, got an object"), "{msg}");
    }

    #[test]
    fn rejects_bad_shapes_and_bad_json() {
        let meta = r#""meta":{"page_number":1,"page_size":2,"total_pages":1,"total_results":2}"#;
        for (body, path, reason) in [
            ("", None, "empty"),
            ("[]", None, "JSON object"),
            ("<html>502</html>", None, "not JSON"),
            (r#"{"data":[{"id":"a"}"#, Some("data"), "truncated"),
            (&format!(r#"{{{meta}}}"#), None, "no \"data\""),
            (r#"{"data":[]}"#, None, "no \"meta\""),
            (
                &format!(r#"{{"data":{{}},{meta}}}"#),
                Some("data"),
                "must be an array",
            ),
            (
                &format!(r#"{{"data":[1],{meta}}}"#),
                Some("data[0]"),
                "port-out object",
            ),
            (
                r#"{"data":[],"meta":{"page_number":1,"page_size":2,"total_pages":1}}"#,
                Some("meta"),
                "no total_results",
            ),
            (
                r#"{"data":[],"meta":{"page_number":"1","page_size":2,"total_pages":1,"total_results":0}}"#,
                Some("meta.page_number"),
                "integer",
            ),
            (
                r#"{"data":[],"meta":{"page_number":-1,"page_size":2,"total_pages":1,"total_results":0}}"#,
                Some("meta.page_number"),
                "negative",
            ),
            (&format!(r#"{{"data":[],{meta}}} x"#), None, "more content"),
        ] {
            let (p, msg) = list_err(body);
            assert_eq!(p.as_deref(), path, "{body}");
            assert!(msg.contains(reason), "{msg} / {reason}");
        }
        assert!(validate_list(b"{\"data\":[\"\xff\"]}").is_err());
        // Unknown fields obey the same nesting limit as the rest of the document (found by fuzzing).
        let nested = |n: usize| {
            format!(
                r#"{{"data":[{{"x":{}{}}}],"meta":{{"page_number":1,"page_size":1,"total_pages":1,"total_results":1}}}}"#,
                "[".repeat(n),
                "]".repeat(n)
            )
        };
        assert!(validate_list(nested(125).as_bytes()).is_ok());
        assert!(validate_list(nested(126).as_bytes()).is_err());
        assert_eq!(crate::json::parse_value(nested(126).as_bytes()), None);
        assert!(validate_one(br#"{"data":null}"#).is_err());
    }

    #[test]
    fn maps_error_bodies() {
        let body = br#"{"errors":[{"code":"10009","title":"Authentication failed","detail":"The API key is invalid.","source":{"pointer":"/"}}]}"#;
        let e = http_error(
            401,
            body,
            ErrorContext {
                request_id: Some("req-1"),
                attempts: 1,
                secret: None,
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
        assert!(matches!(e.errors, Some(Value::Arr(ref v)) if v.len() == 1));

        let e = http_error(
            503,
            b"<html>down</html>",
            ErrorContext {
                request_id: None,
                attempts: 3,
                secret: None,
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
    }
}
