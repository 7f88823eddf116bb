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

/// Validates `bytes` with `validate`, then builds the JS value with `JSON.parse`. `text` is
/// the same body as a JS string when the caller already has one.
pub fn validate_and_parse(
    bytes: &[u8],
    text: Option<JsString>,
    validate: Validator,
) -> Result<(Option<PageMeta>, JsValue), Error> {
    let checked = validate(bytes)?;
    let text = match text {
        Some(t) => t,
        None => {
            // Decoding only fails if the array is detached, which it cannot be here.
            let array = Uint8Array::from(bytes);
            DECODER.with(|d| d.decode(&array))
        }
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
                let bytes = body.to_vec();
                if (200..300).contains(&status) {
                    let (checked, value) =
                        validate_and_parse(&bytes, None, validate).map_err(|mut e| {
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
                (http_error(status, &bytes, ctx), retry_after)
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
