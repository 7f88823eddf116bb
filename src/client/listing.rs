//! The one paging trait: a paged list's query, whatever the list (port-outs, events, reports),
//! with its page, the request of the query as it is, and the next page's query. The drivers of
//! lists (one page, list-all) take it as a trait object, so they exist once in the module.

use crate::client::encode::ArrayFormat;
use crate::client::error::Error;
use crate::client::input::Input;
use crate::client::paging::{next_page_number, PageMeta};
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

/// [`Listing::next_json`] of any query: the same query with the following page number, as
/// JSON, or `None` on the last page.
pub fn next_json<Q: Listing + Clone + Serialize>(
    query: &Q,
    meta: &PageMeta,
    items: usize,
) -> Option<String> {
    let number = next_page_number(meta, items)?;
    let mut next = query.clone();
    next.page().number = Some(number);
    // Serializing a plain query struct cannot fail.
    serde_json::to_string(&next).ok()
}

/// The listing of a query argument: `read` validates it (`invalid_filter`).
pub fn listing<Q: Listing + 'static>(
    query: &Input,
    read: fn(&Input) -> Result<Q, Error>,
) -> Result<Box<dyn Listing>, Error> {
    Ok(Box::new(read(query)?))
}
