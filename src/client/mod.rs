//! The shared client layer: everything that is the same for every operation. Nothing here
//! knows an endpoint: the options, the JS value as the core sees it ([`input`]) and the
//! readers that validate arguments from it ([`read`]), the request description ([`request`])
//! and query encoding ([`encode`]), response and error-body handling ([`response`]), the one
//! error type ([`error`]), the retry policy ([`retry`]) and paging ([`paging`]).

pub mod datetime;
pub mod deep_object;
pub mod encode;
pub mod error;
pub mod input;
pub mod listing;
pub mod operation;
pub mod options;
pub mod paging;
pub mod params;
pub mod query_string;
pub mod read;
pub mod request;
pub mod response;
pub mod retry;
pub mod suggest;
