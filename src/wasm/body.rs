//! Response bodies across the boundary: the core validates the bytes, then `JSON.parse`
//! builds the JS objects from the same body (never a copy back out of wasm).

use crate::error::{Error, ErrorCode};
use crate::model::PageMeta;
use js_sys::{JsString, Uint8Array};
use wasm_bindgen::prelude::*;

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
/// function pointer, so [`validate_and_parse`] is compiled once for every endpoint.
pub type Validator = fn(&[u8]) -> Result<Option<PageMeta>, Error>;

/// The same response body on both sides of the boundary: the bytes the core validates, and
/// the JS value `JSON.parse` reads (the original array or string, never a copy back).
pub enum Body<'a> {
    /// Bytes copied from this JS array.
    Bytes(&'a [u8], &'a Uint8Array),
    /// A JS string and its UTF-8 encoding.
    Text(&'a [u8], JsString),
}

thread_local! {
    /// The buffer response bodies are copied into, reused between calls.
    static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Runs `f` on the first `len` bytes of the reused buffer (grown, zero-filled, only when too
/// short; otherwise `f` overwrites what it reads).
fn with_buffer<T>(len: usize, f: impl FnOnce(&mut [u8]) -> T) -> T {
    BUFFER.with(|b| {
        let mut buffer = b.take();
        if buffer.len() < len {
            buffer.resize(len, 0);
        }
        let out = f(buffer.get_mut(..len).unwrap_or_default());
        // Keep up to 4 MB for the next response; give larger buffers back.
        if buffer.capacity() <= 4 << 20 {
            b.replace(buffer);
        }
        out
    })
}

/// Copies a JS byte array into the reused buffer (no allocation per response).
pub fn with_bytes<T>(array: &Uint8Array, f: impl FnOnce(&[u8]) -> T) -> T {
    with_buffer(array.length() as usize, |bytes| {
        array.copy_to(bytes);
        f(bytes)
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
        let why = super::props::get(&e, "message").as_string();
        Error::new(
            ErrorCode::InvalidResponse,
            cat![
                "The response could not be parsed as JSON: ",
                why.unwrap_or_default(),
                "."
            ],
        )
    })?;
    Ok((checked, value))
}
