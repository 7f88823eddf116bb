//! The exported JS API: one export that runs any operation of the table
//! ([`call_operation`]), list-all of any paged list ([`list_all_operation`]), and the
//! synchronous helpers. Each converts its arguments into the core's types, runs the core, and
//! turns any [`Error`] into a `PortoutsError`; none of them throws anything else. The async
//! ones return Promises made by wasm-bindgen-futures' `future_to_promise` from one boxed
//! future per call, over the one request path ([`call`](super::call)).

use super::body::parse_body;
use super::call::{listing_of, read_args, start, PageOut};
use super::convert::{get, to_input, to_js};
use super::errors::error_to_js;
use super::list_all::list_all;
use crate::api::events::{EventType, EVENT_BODY};
use crate::api::operations::find;
use crate::api::portouts::filter::ListQuery;
use crate::api::portouts::model::LIST_BODY;
use crate::api::portouts::query::{build_query, parse_query};
use crate::client::error::{Error, ErrorCode};
use crate::client::input::Input;
use crate::client::operation::{Operation, Run};
use crate::client::options::build_options;
use js_sys::{Array, JsString, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::future_to_promise;

/// The operation named `name`, or the `PortoutsError` saying there is none.
fn operation(name: &JsValue) -> Result<&'static Operation, JsValue> {
    let name = name.as_string().unwrap_or_default();
    find(&name).ok_or_else(|| {
        error_to_js(&Error::new(
            ErrorCode::InvalidOptions,
            format!("No operation is named \"{name}\"."),
        ))
    })
}

/// Runs the operation named `name` (its JS name, `listPortouts`) with `args`: its arguments
/// in order, then the options. Resolves as the operation does (a page, the record, or
/// `undefined`); rejects with a `PortoutsError`.
#[wasm_bindgen(js_name = callOperation)]
pub fn call_operation(name: JsValue, args: Array) -> Promise {
    match operation(&name) {
        Ok(op) => future_to_promise(start(op, &args)),
        Err(e) => Promise::reject(&e),
    }
}

/// Lists every page of the paged list named `name` (`listPortouts`, `listPortoutEvents`,
/// `listPortoutReports`) with `args` (the query, then the options): at most `concurrency`
/// requests in flight, records in page order without duplicate ids, `onProgress` after each
/// page. A page that still fails after its retries rejects the call (with its `page`) and
/// aborts the pages in flight.
#[wasm_bindgen(js_name = listAllOperation)]
pub fn list_all_operation(name: JsValue, args: Array) -> Promise {
    let op = match operation(&name) {
        Ok(op) => op,
        Err(e) => return Promise::reject(&e),
    };
    let Run::Page(read) = op.run else {
        return Promise::reject(&error_to_js(&Error::new(
            ErrorCode::InvalidOptions,
            format!("{} is not a paged list.", op.name),
        )));
    };
    let listing = read_args(op, &args).and_then(|v| listing_of(read, &v));
    future_to_promise(list_all(listing, args.get(1)))
}

/// The query string for a query (no leading `?`). Throws `PortoutsError` (`invalid_filter`,
/// `invalid_options`).
#[wasm_bindgen(js_name = buildPortoutsQuery)]
pub fn build_portouts_query(query: JsValue, options: JsValue) -> Result<String, JsValue> {
    let run = || -> Result<String, Error> {
        let q = ListQuery::from_input(&to_input(&query, "query", ErrorCode::InvalidFilter)?)?;
        let format = build_options(&to_input(&options, "options", ErrorCode::InvalidOptions)?)?;
        Ok(build_query(&q, format))
    };
    run().map_err(|e| error_to_js(&e))
}

/// Parses a query string (as built by `buildPortoutsQuery`, any array format, `?` optional)
/// back into a query object. Throws `PortoutsError` (`invalid_filter`).
#[wasm_bindgen(js_name = parsePortoutsQuery)]
pub fn parse_portouts_query(search: JsValue) -> Result<JsValue, JsValue> {
    let run = || -> Result<JsValue, Error> {
        let s = match to_input(&search, "search", ErrorCode::InvalidFilter)? {
            Input::String(s) => s,
            other => {
                return Err(Error::invalid_filter(
                    "search",
                    &format!("must be a string, got {}", other.describe()),
                ))
            }
        };
        Ok(to_js(&parse_query(&s)?))
    };
    run().map_err(|e| error_to_js(&e))
}

/// Validates a list response body (`string` or `Uint8Array`) and returns `{ data, meta }`.
/// Throws `PortoutsError` (`invalid_response`, with `path`).
#[wasm_bindgen(js_name = parsePortoutsResponse)]
pub fn parse_portouts_response(body: JsValue) -> Result<JsValue, JsValue> {
    let run = || -> Result<JsValue, Error> {
        let (bytes, text) = if let Some(bytes) = body.dyn_ref::<Uint8Array>() {
            (bytes.to_vec(), None)
        } else if let Some(text) = body.dyn_ref::<JsString>() {
            (String::from(text).into_bytes(), Some(text))
        } else {
            return Err(Error::new(
                ErrorCode::InvalidResponse,
                "parsePortoutsResponse takes the body as a string or a Uint8Array.",
            ));
        };
        let (_, value) = parse_body(&bytes, &LIST_BODY, text)?;
        Ok(to_js(&PageOut::of(&value, None)))
    };
    run().map_err(|e| error_to_js(&e))
}

/// Validates one event of the gateway's live stream (the `{ data, meta }` of a Telnyx webhook
/// delivery of the port-out event type `event_type`, as the gateway passed it on) and returns
/// its `data`. `data` is checked by the events API's own record schema (`EVENT_BODY`), so a
/// live event and a polled one pass the same rules; it must also be of the stream's event
/// type, a port-out one, with an `id`, and `record_type` `event`. Throws `PortoutsError`
/// (`invalid_webhook`) otherwise.
#[wasm_bindgen(js_name = readLiveEvent)]
pub fn read_live_event(event_type: &JsValue, json: &JsString) -> Result<JsValue, JsValue> {
    let event_type = event_type.as_string().unwrap_or_default();
    let invalid = |mut e: Error| {
        e.code = ErrorCode::InvalidWebhook;
        error_to_js(&e)
    };
    let (_, envelope) =
        parse_body(String::from(json).as_bytes(), &EVENT_BODY, Some(json)).map_err(invalid)?;
    let data = get(&envelope, "data");
    let is = |key: &str, want: &str| get(&data, key).as_string().as_deref() == Some(want);
    let port_out = EventType::CHOICES.iter().any(|(t, _)| *t == event_type);
    if !port_out
        || !is("event_type", &event_type)
        || !is("record_type", "event")
        || !get(&data, "id").is_string()
    {
        return Err(invalid(Error::new(
            ErrorCode::InvalidWebhook,
            "The live event is not a valid port-out event.",
        )));
    }
    Ok(data)
}
