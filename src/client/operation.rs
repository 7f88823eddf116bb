//! What an operation is, as data: its JS name, HTTP method and path template, the arguments
//! it takes before the options, and how it turns them into a [`Request`] (or, for a paged
//! list, into a [`Listing`]). The table of the 14 operations is `crate::api::operations`;
//! the boundary has one export that runs any entry of it.

use crate::client::encode::ArrayFormat;
use crate::client::error::{Error, ErrorCode};
use crate::client::input::Input;
use crate::client::listing::Listing;
use crate::client::query_string::QueryShape;
use crate::client::request::{Method, Request};

/// One argument an operation takes before the options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Param {
    /// A path id (a UUID string), by its argument name (`id`, `portoutId`).
    Id(&'static str),
    /// A query object (`invalid_filter` when it is wrong), of a list whose query string has
    /// this shape (read back by the gateway).
    Query(&'static QueryShape),
    /// Any other value (a status, a body), by its argument name (`invalid_params`).
    Value(&'static str),
}

impl Param {
    /// The argument's name, as error messages and the TypeScript call it.
    pub fn name(self) -> &'static str {
        match self {
            Param::Id(name) | Param::Value(name) => name,
            Param::Query(_) => "query",
        }
    }

    /// The error code of a value that cannot be read at all.
    pub fn code(self) -> ErrorCode {
        match self {
            Param::Query(_) => ErrorCode::InvalidFilter,
            Param::Id(_) | Param::Value(_) => ErrorCode::InvalidParams,
        }
    }
}

/// An operation's arguments, read (one [`Input`] per [`Param`]).
#[derive(Debug)]
pub struct Args<'a> {
    params: &'static [Param],
    values: &'a [Input],
}

impl<'a> Args<'a> {
    /// The arguments `values` of an operation taking `params`.
    pub fn new(params: &'static [Param], values: &'a [Input]) -> Args<'a> {
        Args { params, values }
    }

    /// Argument `i` (`undefined` when it was not given).
    pub fn value(&self, i: usize) -> &'a Input {
        self.values.get(i).unwrap_or(&Input::Undefined)
    }

    /// Argument `i` as a path id's text; anything but a string is `invalid_params`, naming
    /// the argument (the request description checks that it is a UUID).
    pub fn id(&self, i: usize) -> Result<&'a str, Error> {
        match self.value(i) {
            Input::String(s) => Ok(s),
            other => Err(Error::invalid_params(
                self.params.get(i).map_or("id", |p| p.name()),
                &format!("must be a string (a UUID), got {}", other.describe()),
            )),
        }
    }
}

/// How an operation runs.
#[derive(Debug, Clone, Copy)]
pub enum Run {
    /// A paged list: its query (the one argument) becomes a [`Listing`], which describes
    /// each page's request and the next page's query.
    Page(fn(&Input) -> Result<Box<dyn Listing>, Error>),
    /// Anything else: its arguments become one request; it resolves to the body's `data`
    /// (or nothing, for a `204`).
    Data(fn(&Args, ArrayFormat) -> Result<Request, Error>),
}

/// The TypeScript of an operation's signature, for the generated declarations.
#[cfg(test)]
#[derive(Debug)]
pub struct Ts {
    /// Each argument's type, in the order of `params` (a query is optional).
    pub params: &'static [&'static str],
    /// What the Promise resolves to.
    pub returns: &'static str,
    /// For a paged list: its record's type (list-all resolves to an array of them, the iterator
    /// yields them); empty otherwise.
    pub record: &'static str,
}

/// One operation of the port-outs API.
#[derive(Debug)]
pub struct Operation {
    /// The JS function's name (`listPortouts`).
    pub name: &'static str,
    /// What it does, one sentence: the doc comment of the generated JS (test builds only, so
    /// the texts stay out of the module).
    #[cfg(test)]
    pub doc: &'static str,
    /// Its TypeScript signature (test builds only): the generated declarations' source.
    #[cfg(test)]
    pub ts: Ts,
    /// The HTTP method.
    pub method: Method,
    /// The path template below `baseUrl` (`/portouts/{id}/comments`).
    pub path: &'static str,
    /// The arguments before the options.
    pub params: &'static [Param],
    /// How it runs.
    pub run: Run,
}

impl Operation {
    /// The request for the argument values `values` (one per [`Param`]; a paged list's for
    /// its query as given), after each is validated.
    pub fn request(&self, values: &[Input], format: ArrayFormat) -> Result<Request, Error> {
        match self.run {
            Run::Page(read) => {
                Ok(read(values.first().unwrap_or(&Input::Undefined))?.request(format))
            }
            Run::Data(make) => make(&Args::new(self.params, values), format),
        }
    }

    /// True for a paged list (it has list-all and iterators in JS).
    pub fn is_page(&self) -> bool {
        matches!(self.run, Run::Page(_))
    }
}
