//! Core [`Error`]s into JS `PortoutsError` instances.

use super::convert::to_js;
use super::js::JsPortoutsError;
use crate::client::error::Error;
use wasm_bindgen::JsValue;

/// A `PortoutsError` carrying everything of `e`: its properties serialized by serde, and the
/// Telnyx `errors[]` (JSON text, validated by serde_json when it was read) built by
/// `JSON.parse`.
pub fn error_to_js(e: &Error) -> JsValue {
    let props = to_js(&**e);
    if let Some(errors) = e
        .errors
        .as_deref()
        .and_then(|raw| js_sys::JSON::parse(raw).ok())
    {
        let _ = js_sys::Reflect::set(&props, &JsValue::from_str("errors"), &errors);
    }
    JsPortoutsError::new(e.code.as_str(), &e.message, &props).into()
}
