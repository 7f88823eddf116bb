//! # telnyx-portouts
//!
//! A strict, small client for the Telnyx port-outs API (`GET /v2/portouts`), compiled to
//! WebAssembly for browsers and Node. The crate has two layers:
//!
//! - a pure-Rust core (every module but `wasm`), with no wasm imports, tested on the host:
//!   the filter model and its validation ([`filter`]), the JS value as the core sees it
//!   ([`input`], a serde `Deserialize` type), query building and parsing ([`query`]), the
//!   response schemas ([`model`], data for the one validator of the `telnyx-portouts-schema`
//!   crate, run by serde_json), response and error-body handling ([`response`]), the error
//!   type ([`error`]), the retry policy ([`retry`]), options ([`options`]), the exact request
//!   ([`request`]) and list-all's page planner ([`paging`]);
//! - the boundary (`wasm`, only on `wasm32`), which exports the JS API (`listPortouts`,
//!   `listAllPortouts`, `getPortout` as `async fn`s, `buildPortoutsQuery`,
//!   `parsePortoutsQuery`, `parsePortoutsResponse`), sends requests with gloo-net, converts
//!   values with serde-wasm-bindgen and rejects with `PortoutsError`s.
//!
//! Responses are validated in Rust (serde_json over the text, building nothing) and built into
//! JS objects by `JSON.parse`, the fastest way to make JS objects.
#![deny(missing_docs, missing_debug_implementations)]
#![forbid(unsafe_code)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

pub mod datetime;
pub mod error;
pub mod filter;
pub mod input;
pub mod model;
pub mod options;
pub mod paging;
pub mod query;
pub mod request;
pub mod response;
pub mod retry;
pub mod suggest;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{Error, ErrorCode, ErrorInfo};
pub use filter::{DateRange, ListQuery, Page, PortoutFilter};
pub use input::Input;
pub use model::{PageMeta, Status};
pub use options::ClientOptions;
pub use query::{build_query, parse_query, ArrayFormat};
