//! The request loop: one `GET`, retried per the core's [`retry`](crate::retry) policy, its
//! body validated by the core and then built into JS objects by `JSON.parse`.

use super::fetch::{aborted, get, HttpResponse};
use super::timers::sleep;
use crate::error::{Error, ErrorCode};
use crate::model::PageMeta;
use crate::options::ClientOptions;
use crate::request;
use crate::response::{http_error, ErrorContext};
use crate::retry::{delay_ms, parse_retry_after, should_retry};
use js_sys::{JsString, Uint8Array};
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

#[wasm_bindgen]
extern "C" {
    type TextDecoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextDecoder;
    #[wasm_bindgen(method)]
    fn decode(this: &TextDecoder, bytes: &Uint8Array) -> JsString;

    /// `JSON.parse` of a JS string (js-sys's binding takes a Rust `&str`, which would copy).
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &JsString) -> Result<JsValue, JsValue>;
}

thread_local! {
    static DECODER: TextDecoder = TextDecoder::new();
}

/// Checks a response body: the page meta of a list, `None` for a single record. A plain
/// function pointer, so the request loop is compiled once for every endpoint.
pub type Validator = fn(&[u8]) -> Result<Option<PageMeta>, Error>;

/// [`Validator`] of `GET /portouts`.
pub fn list_body(bytes: &[u8]) -> Result<Option<PageMeta>, Error> {
    crate::response::validate_list(bytes).map(Some)
}

/// [`Validator`] of `GET /portouts/{id}`.
pub fn one_body(bytes: &[u8]) -> Result<Option<PageMeta>, Error> {
    crate::response::validate_one(bytes).map(|()| None)
}

/// A validated, parsed response body.
pub struct Parsed {
    /// What the validator returned (the page meta for lists).
    pub checked: Option<PageMeta>,
    /// The body as `JSON.parse` built it.
    pub value: JsValue,
    /// The response's `x-request-id`.
    pub request_id: Option<String>,
}

/// The same response body on both sides of the boundary: the bytes the core validates, and
/// the JS value `JSON.parse` reads (the original array or string, never a copy back).
pub enum Body<'a> {
    /// Bytes copied from this JS array.
    Bytes(&'a [u8], &'a Uint8Array),
    /// A JS string and its UTF-8 encoding.
    Text(&'a [u8], JsString),
}

/// Copies a JS byte array into a buffer reused between calls (no allocation per response).
pub fn with_bytes<T>(array: &Uint8Array, f: impl FnOnce(&[u8]) -> T) -> T {
    thread_local! {
        static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    BUFFER.with(|b| {
        let mut buffer = b.take();
        buffer.resize(array.length() as usize, 0);
        array.copy_to(&mut buffer);
        let out = f(&buffer);
        // Keep up to 4 MB for the next response; give larger buffers back.
        if buffer.capacity() <= 4 << 20 {
            b.replace(buffer);
        }
        out
    })
}

/// Validates the body with `validate`, then builds the JS value with `JSON.parse`.
pub fn validate_and_parse(
    body: Body<'_>,
    validate: Validator,
) -> Result<(Option<PageMeta>, JsValue), Error> {
    let (checked, text) = match body {
        // Decoding only fails on a detached array, which it cannot be here.
        Body::Bytes(bytes, array) => (validate(bytes)?, DECODER.with(|d| d.decode(array))),
        Body::Text(bytes, text) => (validate(bytes)?, text),
    };
    let value = json_parse(&text).map_err(|e| {
        let why = js_sys::Reflect::get(&e, &JsValue::from_str("message"))
            .ok()
            .and_then(|m| m.as_string());
        Error::new(
            ErrorCode::InvalidResponse,
            format!(
                "The response could not be parsed as JSON: {}.",
                why.unwrap_or_default()
            ),
        )
    })?;
    Ok((checked, value))
}

/// `GET url` with retries; a 2xx body goes through `validate` and `JSON.parse`.
pub async fn get_json(
    url: &str,
    options: &ClientOptions,
    signals: &[&AbortSignal],
    validate: Validator,
) -> Result<Parsed, Error> {
    let headers = request::headers(options);
    let mut attempt: u32 = 0;
    loop {
        attempt += 1;
        let (error, retry_after) = match get(url, &headers, options.timeout_ms, signals).await {
            Ok(HttpResponse {
                status,
                request_id,
                retry_after,
                body,
            }) => {
                if (200..300).contains(&status) {
                    let parsed = with_bytes(&body, |bytes| {
                        validate_and_parse(Body::Bytes(bytes, &body), validate)
                    });
                    let (checked, value) = parsed.map_err(|mut e| {
                        e.status = Some(status);
                        e.request_id.clone_from(&request_id);
                        e
                    })?;
                    return Ok(Parsed {
                        checked,
                        value,
                        request_id,
                    });
                }
                let ctx = ErrorContext {
                    request_id: request_id.as_deref(),
                    attempts: attempt,
                    secret: options.api_key.as_deref(),
                };
                (http_error(status, &body.to_vec(), ctx), retry_after)
            }
            Err(e) => (e, None),
        };
        if attempt > options.max_retries || !should_retry(&error) {
            return Err(error);
        }
        let wait_ms = retry_after
            .as_deref()
            .and_then(|v| parse_retry_after(v, js_sys::Date::now()));
        let wait = delay_ms(attempt - 1, js_sys::Math::random(), wait_ms);
        sleep(wait, signals).await.map_err(|()| aborted())?;
    }
}
