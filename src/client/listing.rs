//! A paged list as one type, whatever its query (port-outs, events, reports): the page of its
//! query, the request of that query, the next page's query. It is a trait object, so the code
//! that drives lists (one page, list-all) exists once in the module, not once per list.

use crate::client::encode::ArrayFormat;
use crate::client::error::Error;
use crate::client::input::Input;
use crate::client::paging::{next_query, PageMeta, Paged};
use crate::client::params::Page;
use crate::client::request::Request;
use serde::Serialize;

/// A validated list query and how to request it.
pub trait Listing {
    /// The query's page.
    fn page(&mut self) -> &mut Page;
    /// The request of the query as it is now.
    fn request(&self, format: ArrayFormat) -> Request;
    /// The query of the page after the one `meta` describes (with `items` records), as JSON,
    /// or `None` on the last page.
    fn next_json(&self, meta: &PageMeta, items: usize) -> Option<String>;
}

impl std::fmt::Debug for dyn Listing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Listing")
    }
}

/// A validated query and its operation's request description.
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

    fn next_json(&self, meta: &PageMeta, items: usize) -> Option<String> {
        // Serializing a plain query struct cannot fail.
        next_query(&self.query, meta, items).and_then(|q| serde_json::to_string(&q).ok())
    }
}

/// The listing of a query argument: `read` validates it (`invalid_filter`), `request`
/// describes the operation's request.
pub fn listing<Q: Paged + Serialize + 'static>(
    query: &Input,
    read: fn(&Input) -> Result<Q, Error>,
    request: fn(&Q, ArrayFormat) -> Request,
) -> Result<Box<dyn Listing>, Error> {
    Ok(Box::new(List {
        query: read(query)?,
        request,
    }))
}
