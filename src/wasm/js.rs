//! Everything Rust imports from `js/boundary.js`, the JS half of the boundary, in one block:
//! the glue then imports the snippet once (separate blocks become duplicate keys in its
//! import object, which bundlers warn about).

use js_sys::{Array, Object, Promise};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/boundary.js")]
extern "C" {
    /// The `PortoutsError` class (an `Error` subclass).
    #[wasm_bindgen(js_name = PortoutsError)]
    pub type JsPortoutsError;

    /// `new PortoutsError(code, message, props)`.
    #[wasm_bindgen(constructor, js_class = PortoutsError)]
    pub fn new(code: &str, message: &str, props: &Object) -> JsPortoutsError;

    /// The kind of a JS value as a small number (see `kindOf`); never throws.
    #[wasm_bindgen(js_name = kindOf)]
    pub fn kind_of(v: &JsValue) -> u8;

    /// `Object.keys(v)`, or `None` when the object refuses to list them.
    #[wasm_bindgen(js_name = keysOf)]
    pub fn keys_of(v: &JsValue) -> Option<Array>;

    /// `toISOString()` of a valid Date, or `None`.
    #[wasm_bindgen(js_name = isoOf)]
    pub fn iso_of(v: &JsValue) -> Option<String>;

    /// Runs a `PortoutsCall` to its end: resolves to its result or rejects with its error.
    /// Signals that are `undefined` are ignored.
    pub fn drive(call: JsValue, signal: &JsValue, group: &JsValue) -> Promise;

    /// Runs a `PortoutsListAll` to its end: resolves to its records or rejects with the first
    /// error.
    #[wasm_bindgen(js_name = driveAll)]
    pub fn drive_all(all: JsValue, signal: &JsValue) -> Promise;
}
