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
