//! The boundary: the only module that imports wasm-bindgen, js-sys and web-sys. It converts
//! JS values into the core's [`Input`](crate::input::Input), runs the core, performs the
//! fetches, and turns core errors into `PortoutsError` instances.

mod client;
mod convert;
mod errors;
mod exports;
mod fetch;
mod list_all;
mod query_js;
mod timers;

pub use exports::*;

/// The wasm module's allocator: talc, growing wasm memory as needed (smaller than dlmalloc).
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

use std::future::Future;
use std::pin::Pin;

/// A boxed future of an exported async function.
pub(crate) type BoxFuture =
    Pin<Box<dyn Future<Output = Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>>>>;

/// Runs a future as a JS `Promise`. Every async export goes through this one instantiation of
/// `future_to_promise` (each instantiation costs ~5 KB of wasm).
pub(crate) fn spawn(future: BoxFuture) -> js_sys::Promise {
    wasm_bindgen_futures::future_to_promise(future)
}
