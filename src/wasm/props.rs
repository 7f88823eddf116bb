//! Reading and writing one property of a JS object, never throwing: the objects the boundary
//! builds (pages, errors, query objects) and the values it reads from (`JSON.parse` results,
//! caught errors, options).

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

/// `obj[key] = value` (on objects the boundary created, which cannot refuse).
pub(crate) fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

/// `obj[key]`, or `undefined` when reading it throws.
pub(crate) fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}
