//! Core [`Error`]s into JS `PortoutsError` instances.

use super::convert::to_js;
use super::js::JsPortoutsError;
use crate::error::Error;
use wasm_bindgen::JsValue;

/// A `PortoutsError` carrying everything of `e` (its properties serialized by serde).
pub fn error_to_js(e: &Error) -> JsValue {
    JsPortoutsError::new(e.code.as_str(), &e.message, &to_js(&**e)).into()
}
