//! The port-outs API, one module per part of it. Each holds its parameters (validated from
//! an [`Input`](crate::client::input::Input)), the [`Request`](crate::client::request::Request)
//! of each operation, and the schemas its responses are checked against.

pub mod comments;
#[cfg(test)]
mod contract;
pub mod events;
#[cfg(test)]
mod generated;
#[cfg(test)]
mod generated_gateway;
#[cfg(test)]
mod generated_inputs;
#[cfg(test)]
mod generated_models;
pub mod operations;
pub mod portouts;
pub mod rejections;
pub mod reports;
pub mod supporting_documents;
