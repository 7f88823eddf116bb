//! The boundary: the only module that imports wasm-bindgen and js-sys. It converts JS values
//! into the core's [`Input`](crate::input::Input), runs the core, hands requests to the JS
//! transport (`js/boundary.js`) and judges what comes back, and turns core errors into
//! `PortoutsError` instances.

mod body;
mod call;
mod convert;
mod errors;
mod exports;
mod js;
mod list_all;
mod props;
mod query_js;

pub use exports::*;

/// The wasm module's allocator: talc, growing wasm memory as needed (smaller than dlmalloc).
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
