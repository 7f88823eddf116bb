//! A paged list as the boundary drives it, whatever its query type (port-outs, events,
//! reports): the page of its query, the request of that query, the next page's query. It is
//! a trait object, so the async code that drives lists (one page, list-all) exists once in
//! the module, not once per list.

use super::convert::{to_input, to_js};
use crate::client::encode::ArrayFormat;
use crate::client::error::{Error, ErrorCode};
use crate::client::input::Input;
use crate::client::paging::{next_query, PageMeta, Paged};
use crate::client::params::Page;
use crate::client::request::Request;
use serde::Serialize;
use wasm_bindgen::JsValue;

/// A list query and how to request it.
pub(crate) trait Listing {
    /// The query's page.
    fn page(&mut self) -> &mut Page;
    /// The request of the query as it is now.
    fn request(&self, format: ArrayFormat) -> Request;
    /// The query of the page after the one `meta` describes (with `items` records), as JS,
    /// or `null` on the last page.
    fn next(&self, meta: &PageMeta, items: usize) -> JsValue;
}

/// A validated query and the operation's request description.
struct List<Q> {
    query: Q,
    request: fn(&Q, ArrayFormat) -> Request,
}

impl<Q: Paged + Serialize> Listing for List<Q> {
    fn page(&mut self) -> &mut Page {
        self.query.page()
    }

    fn request(&self, format: ArrayFormat) -> Request {
        (self.request)(&self.query, format)
    }

    fn next(&self, meta: &PageMeta, items: usize) -> JsValue {
        match next_query(&self.query, meta, items) {
            Some(q) => to_js(&q),
            None => JsValue::NULL,
        }
    }
}

/// The listing of a JS query argument: `read` validates it (`invalid_filter`), `request`
/// describes the operation's request.
pub(crate) fn listing<Q: Paged + Serialize + 'static>(
    query: &JsValue,
    read: fn(&Input) -> Result<Q, Error>,
    request: fn(&Q, ArrayFormat) -> Request,
) -> Result<Box<dyn Listing>, Error> {
    let query = read(&to_input(query, "query", ErrorCode::InvalidFilter)?)?;
    Ok(Box::new(List { query, request }))
}
