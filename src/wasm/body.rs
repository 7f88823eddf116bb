//! Response bodies across the boundary: the core validates the text (serde_json, through the
//! schema), then `JSON.parse` builds the JS objects from the same text (V8's parser builds
//! objects faster than anything outside it can).

use super::js::json_parse;
use crate::client::error::{Error, ErrorCode};
use crate::client::response::check;
use js_sys::JsString;
use telnyx_portouts_schema::{Captures, Schema};
use wasm_bindgen::JsValue;

/// Validates `bytes` against `schema`, then builds the JS value: the counts the schema
/// captured and the parsed body. `js_text` is the same body as a JS string when the caller
/// has one (`JSON.parse` then reads it as it is, instead of a copy decoded out of wasm).
pub fn parse_body(
    bytes: &[u8],
    schema: &'static Schema,
    js_text: Option<&JsString>,
) -> Result<(Captures, JsValue), Error> {
    let (text, captures) = check(bytes, schema)?;
    let parsed = match js_text {
        // `check` skipped a byte order mark, which JSON.parse would refuse.
        Some(js) if text.len() < bytes.len() => json_parse(&js.slice(1, js.length())),
        Some(js) => json_parse(js),
        None => js_sys::JSON::parse(text),
    };
    let value = parsed.map_err(|e| {
        let why = js_sys::Reflect::get(&e, &JsValue::from_str("message"))
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_default();
        Error::new(
            ErrorCode::InvalidResponse,
            format!("The response could not be parsed as JSON: {why}."),
        )
    })?;
    Ok((captures, value))
}
