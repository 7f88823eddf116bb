//! The boundary: the only module that imports wasm-bindgen, wasm-bindgen-futures, js-sys,
//! web-sys, gloo-net and serde-wasm-bindgen. It converts JS values into the core's
//! [`Input`](crate::client::input::Input) (serde-wasm-bindgen, behind the `inputOf` guard), runs the
//! core, sends requests with gloo-net ([`transport`]), validates and parses what comes back
//! ([`body`]), and turns core errors into `PortoutsError` instances ([`errors`]).

// The browser build's exports, or (feature `gateway`, the server build) the gateway's: each
// build holds only its own.
#[cfg(not(feature = "gateway"))]
mod body;
#[cfg(not(feature = "gateway"))]
mod call;
mod convert;
mod errors;
#[cfg(not(feature = "gateway"))]
mod exports;
#[cfg(feature = "gateway")]
mod gateway;
mod js;
#[cfg(not(feature = "gateway"))]
mod list_all;
mod transport;
#[cfg(feature = "gateway")]
mod webhook;

#[cfg(not(feature = "gateway"))]
pub use exports::*;
#[cfg(feature = "gateway")]
pub use gateway::*;

/// The wasm module's allocator: talc, growing wasm memory as needed (smaller than dlmalloc).
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
