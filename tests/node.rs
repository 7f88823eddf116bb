//! The wasm suite, run in Node (`cargo test --target wasm32-unknown-unknown`).
#![cfg(target_arch = "wasm32")]

#[path = "wasm_suite/mod.rs"]
mod suite;
