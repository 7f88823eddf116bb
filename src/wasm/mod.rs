//! The boundary: the only module that imports wasm-bindgen, wasm-bindgen-futures, js-sys,
//! web-sys, gloo-net and serde-wasm-bindgen. It converts JS values into the core's
//! [`Input`](crate::client::input::Input) (serde-wasm-bindgen, behind the `inputOf` guard), runs the
//! core, sends requests with gloo-net ([`transport`]), validates and parses what comes back
//! ([`body`]), and turns core errors into `PortoutsError` instances ([`errors`]).

mod body;
mod call;
mod convert;
mod errors;
mod exports;
mod js;
mod list_all;
mod transport;

pub use exports::*;

/// The wasm module's allocator: talc, growing wasm memory as needed (smaller than dlmalloc).
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
