//! # telnyx-portouts
//!
//! A strict, small client for the Telnyx port-outs API (the 14 operations of `/v2/portouts`),
//! compiled to WebAssembly for browsers and Node. The crate has two layers:
//!
//! - a pure-Rust core (every module but `wasm`), with no wasm imports, tested on the host:
//!   [`api`], one module per part of the port-outs API (its parameters and their validation,
//!   its request descriptions, its response schemas) and the table of operations
//!   ([`api::operations`]), over [`client`], the shared layer (what an operation is, options,
//!   the JS value as the core sees it, the request description, paging and listings,
//!   response and error-body handling, the error type, the retry policy);
//! - the boundary (`wasm`, only on `wasm32`), which exports one function that runs any
//!   operation of the table (`callOperation`, a Promise made by `future_to_promise`), list-all
//!   of any paged list (`listAllOperation`) and the synchronous helpers (`buildPortoutsQuery`,
//!   `parsePortoutsQuery`, `parsePortoutsResponse`); it sends requests with gloo-net, converts
//!   values with serde-wasm-bindgen and rejects with `PortoutsError`s. The package's JS shell
//!   (`pkg-template/`) names the functions users call.
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

pub mod api;
pub mod client;
pub mod gateway;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use api::portouts::filter::{DateRange, ListQuery, Page, PortoutFilter};
pub use api::portouts::model::Status;
pub use api::portouts::query::{build_query, parse_query, ArrayFormat};
pub use client::error::{Error, ErrorCode, ErrorInfo};
pub use client::input::Input;
pub use client::options::ClientOptions;
pub use client::paging::PageMeta;
