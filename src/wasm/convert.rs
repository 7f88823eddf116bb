//! JS values in and out, through serde-wasm-bindgen: arguments into the core's [`Input`]
//! (after the `inputOf` guard, so that nothing can throw through wasm), and core values out
//! as plain JS objects.

use super::js::input_of;
use crate::client::error::{Error, ErrorCode};
use crate::client::input::Input;
use js_sys::Reflect;
use serde::Serialize;
use wasm_bindgen::JsValue;

/// Converts `v`; `what` says which argument it is (`query`, `options`) for error paths and
/// `code` which error code a failure gets.
pub fn to_input(v: &JsValue, what: &str, code: ErrorCode) -> Result<Input, Error> {
    let input: Input = serde_wasm_bindgen::from_value(input_of(v))
        .map_err(|_| Error::at(code, what, "could not be read; pass a plain object"))?;
    input.check_readable(what, code)?;
    Ok(input)
}

/// A core value as a JS value: structs and maps as plain objects, `None` as `null` (for
/// fields that are not skipped), 64-bit integers as numbers.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::UNDEFINED)
}

/// `obj[key]`, or `undefined` when reading it throws.
pub fn get(obj: &JsValue, key: &str) -> JsValue {
    // `Reflect.get` throws on a primitive (`true`, `undefined`): the exception, caught, would
    // cost more than the lookup (a gateway request asked `authorize`'s `true` for `then`).
    if !obj.is_object() && !obj.is_function() {
        return JsValue::UNDEFINED;
    }
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}
