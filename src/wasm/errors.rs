//! Core [`Error`]s into JS `PortoutsError` instances.

use super::js::JsPortoutsError;
use super::props::set;
use crate::error::Error;
use crate::json::Value;
use js_sys::{Array, Object};
use wasm_bindgen::prelude::*;

/// A JSON [`Value`] as a JS value.
pub fn value_to_js(v: &Value) -> JsValue {
    match v {
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(*b),
        Value::Num(text) => JsValue::from_f64(js_sys::Number::parse_float(text)),
        Value::Str(s) => JsValue::from_str(s),
        Value::Arr(items) => items.iter().map(value_to_js).collect::<Array>().into(),
        Value::Obj(members) => {
            let o = Object::new();
            for (k, v) in members {
                set(&o, k, &value_to_js(v));
            }
            o.into()
        }
    }
}

/// A `PortoutsError` carrying everything of `e`.
pub fn to_js(e: &Error) -> JsValue {
    let props = Object::new();
    if let Some(p) = &e.path {
        set(&props, "path", &JsValue::from_str(p));
    }
    if let Some(s) = e.status {
        set(&props, "status", &JsValue::from(s));
    }
    if let Some(r) = &e.request_id {
        set(&props, "requestId", &JsValue::from_str(r));
    }
    if let Some(errors) = &e.errors {
        set(&props, "errors", &value_to_js(errors));
    }
    if let Some(p) = e.page {
        set(&props, "page", &JsValue::from(p));
    }
    set(&props, "retryable", &JsValue::from_bool(e.retryable));
    JsPortoutsError::new(e.code.as_str(), &e.message, &props).into()
}
