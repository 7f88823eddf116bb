//! The server half's rules, pure Rust like the rest of the core: which requests the gateway
//! forwards (exactly the 14 operations of the table, under its `basePath`), what it sends
//! upstream for them (the request the client would send, rebuilt from validated arguments),
//! and how it refuses everything else (Telnyx's error format, with no upstream contact).

pub mod answer;
pub mod config;
pub mod cors;
pub mod forward;
pub mod live;
pub mod refusal;
pub mod route;
pub mod seen;
#[cfg(test)]
mod tests;
pub mod webhook;
