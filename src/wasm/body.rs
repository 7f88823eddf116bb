//! Response bodies across the boundary: the core validates the text (serde_json, through the
//! schema), then `JSON.parse` builds the JS objects from the same text (V8's parser builds
//! objects faster than anything outside it can).

use crate::error::{Error, ErrorCode};
use crate::response::check;
use telnyx_portouts_schema::{Captures, Schema};
use wasm_bindgen::JsValue;

/// Validates `bytes` against `schema`, then builds the JS value: the counts the schema
/// captured and the parsed body.
pub fn parse_body(bytes: &[u8], schema: &'static Schema) -> Result<(Captures, JsValue), Error> {
    let (text, captures) = check(bytes, schema)?;
    let value = js_sys::JSON::parse(text).map_err(|e| {
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
