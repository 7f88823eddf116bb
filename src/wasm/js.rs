//! Everything Rust imports from JS, in one place: the two functions of `js/boundary.js` (the
//! glue imports the snippet once; separate blocks become duplicate keys in its import object,
//! which bundlers warn about) and the global timers.

#[cfg(feature = "gateway")]
use js_sys::{Array, Promise, Uint8Array};
use js_sys::{Function, JsString};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/boundary.js")]
extern "C" {
    /// The `PortoutsError` class (an `Error` subclass).
    #[wasm_bindgen(js_name = PortoutsError)]
    pub type JsPortoutsError;

    /// `new PortoutsError(code, message, props)`.
    #[wasm_bindgen(constructor, js_class = PortoutsError)]
    pub fn new(code: &str, message: &str, props: &JsValue) -> JsPortoutsError;

    /// The guard: any JS value as serde's tagged form of [`Input`](crate::client::input::Input);
    /// never throws.
    #[wasm_bindgen(js_name = inputOf)]
    pub fn input_of(v: &JsValue) -> JsValue;
}

#[wasm_bindgen]
extern "C" {
    /// The global `setTimeout` (windows, workers and Node alike).
    #[wasm_bindgen(js_name = setTimeout)]
    pub fn set_timeout(callback: &Function, ms: f64) -> JsValue;

    /// The global `clearTimeout`.
    #[wasm_bindgen(js_name = clearTimeout)]
    pub fn clear_timeout(id: &JsValue);

    /// `JSON.parse` of a JS string as it is (js-sys's binding takes a Rust `&str`, which
    /// would copy the text out of wasm again).
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    pub fn json_parse(text: &JsString) -> Result<JsValue, JsValue>;

    /// `f.bind(this, arg)` (as `Function.prototype.bind.call(f, this, arg)`): `f` called on
    /// `this` with `arg` first, whatever its caller passes.
    #[wasm_bindgen(js_namespace = ["Function", "prototype", "bind"], js_name = call)]
    pub fn bind_with(f: &Function, this: &JsValue, arg: &JsValue) -> Function;
}

#[cfg(feature = "gateway")]
#[wasm_bindgen]
extern "C" {
    /// WebCrypto's `crypto.subtle.importKey` (Node >= 20, Deno, Workers, browsers).
    #[wasm_bindgen(js_namespace = ["crypto", "subtle"], js_name = importKey, catch)]
    fn import_key(
        format: &str,
        key: &Uint8Array,
        algorithm: &str,
        extractable: bool,
        usages: &Array,
    ) -> Result<Promise, JsValue>;

    /// WebCrypto's `crypto.subtle.verify`.
    #[wasm_bindgen(js_namespace = ["crypto", "subtle"], js_name = verify, catch)]
    fn subtle_verify(
        algorithm: &str,
        key: &JsValue,
        signature: &Uint8Array,
        data: &Uint8Array,
    ) -> Result<Promise, JsValue>;
}

/// Imports a raw Ed25519 public key for verifying.
#[cfg(feature = "gateway")]
pub fn ed25519_import(raw: &Uint8Array) -> Result<Promise, JsValue> {
    import_key("raw", raw, "Ed25519", false, &Array::of1(&"verify".into()))
}

/// Verifies an Ed25519 `signature` of `data` with `key`: a Promise of a boolean.
#[cfg(feature = "gateway")]
pub fn ed25519_verify(
    key: &JsValue,
    signature: &Uint8Array,
    data: &Uint8Array,
) -> Result<Promise, JsValue> {
    subtle_verify("Ed25519", key, signature, data)
}
