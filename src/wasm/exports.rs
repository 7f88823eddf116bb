//! The exported JS API. Each function converts its arguments into the core's types, calls the
//! core, and turns any [`Error`] into a `PortoutsError`; none of them throws anything else.
//! The async ones are `async fn`s (wasm-bindgen-futures makes each a Promise) over the one
//! request path, [`fetch`].

use super::body::parse_body;
use super::convert::{to_input, to_js};
use super::errors::error_to_js;
use super::list_all::list_all;
use super::transport::{send, Call};
use crate::error::{Error, ErrorCode};
use crate::filter::ListQuery;
use crate::input::Input;
use crate::model::{LIST_BODY, ONE_BODY};
use crate::options::{build_options, ClientOptions};
use crate::paging::next_query;
use crate::query::{build_query, parse_query};
use crate::request::{get_url, list_url};
use crate::response::page_meta;
use js_sys::{Array, JsString, Reflect, Uint8Array};
use serde::Serialize;
use telnyx_portouts_schema::{Captures, Schema};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::AbortSignal;

/// `obj[key]`, or `undefined` when reading it throws.
pub(crate) fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// The length of a JS array (0 for anything else).
pub(crate) fn array_len(v: &JsValue) -> usize {
    v.dyn_ref::<Array>().map_or(0, |a| a.length() as usize)
}

/// A string argument (`id`, `search`); anything else is an `invalid_filter` error naming it.
fn string_arg(value: &JsValue, name: &str) -> Result<String, Error> {
    match to_input(value, name, ErrorCode::InvalidFilter)? {
        Input::String(s) => Ok(s),
        other => Err(Error::invalid_filter(
            name,
            &format!("must be a string, got {}", other.describe()),
        )),
    }
}

/// Validated options plus the caller's `AbortSignal`.
#[derive(Debug)]
pub(crate) struct Prepared {
    /// The options.
    pub options: ClientOptions,
    /// The caller's signal, if one was given.
    pub signal: Option<AbortSignal>,
}

/// Validates the client options of one request.
fn prepare(options: &JsValue) -> Result<Prepared, Error> {
    let input = to_input(options, "options", ErrorCode::InvalidOptions)?;
    prepare_input(options, &input, &[])
}

/// Validates options already converted (`input` is `options` as the core sees it), allowing
/// the extra option names of the calling function.
pub(crate) fn prepare_input(
    options: &JsValue,
    input: &Input,
    extra: &[&str],
) -> Result<Prepared, Error> {
    let parsed = ClientOptions::from_input(input, extra)?;
    parsed.check_transport()?;
    // The guard saw an AbortSignal (`instanceof AbortSignal`) or nothing at all.
    let signal = if parsed.has_signal {
        get(options, "signal").dyn_into::<AbortSignal>().ok()
    } else {
        None
    };
    Ok(Prepared {
        options: parsed,
        signal,
    })
}

/// Validates a JS query object.
pub(crate) fn query_from_js(query: &JsValue) -> Result<ListQuery, Error> {
    ListQuery::from_input(&to_input(query, "query", ErrorCode::InvalidFilter)?)
}

/// A validated 2xx response: what the schema captured, the parsed body, the request id.
pub(crate) struct Fetched {
    /// The counts the schema captured.
    pub captures: Captures,
    /// The body as `JSON.parse` built it.
    pub value: JsValue,
    /// The `x-request-id` header.
    pub request_id: Option<String>,
}

/// The one request path of every export: sends `call`, then validates the body against
/// `schema` and parses it. Errors are not yet redacted (the caller does, once).
pub(crate) async fn fetch(
    call: &Call,
    signals: &[AbortSignal],
    schema: &'static Schema,
) -> Result<Fetched, Error> {
    let reply = send(call, signals).await?;
    match parse_body(&reply.body, schema, None) {
        Ok((captures, value)) => Ok(Fetched {
            captures,
            value,
            request_id: reply.request_id,
        }),
        Err(mut e) => {
            e.status = Some(reply.status);
            e.request_id = reply.request_id;
            Err(e)
        }
    }
}

/// A page as JS receives it: `{ data, meta, requestId?, next? }` (`next`: the following
/// page's query, or `null` on the last page; the package's JS shell turns it into
/// `hasNextPage()` / `nextPage()`).
#[derive(Serialize)]
pub(crate) struct PageOut<'a> {
    /// The records, as parsed.
    #[serde(with = "serde_wasm_bindgen::preserve")]
    pub data: JsValue,
    /// The page metadata, as parsed.
    #[serde(with = "serde_wasm_bindgen::preserve")]
    pub meta: JsValue,
    /// The `x-request-id` header.
    #[serde(rename = "requestId", skip_serializing_if = "Option::is_none")]
    pub request_id: Option<&'a str>,
    /// For `listPortouts`: the next page's query or `null`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<Option<ListQuery>>,
}

impl<'a> PageOut<'a> {
    /// The page of a parsed list body.
    pub(crate) fn of(value: &JsValue, request_id: Option<&'a str>) -> PageOut<'a> {
        PageOut {
            data: get(value, "data"),
            meta: get(value, "meta"),
            request_id,
            next: None,
        }
    }
}

/// The `PortoutsError` of `e`, the apiKey of `options` removed from every text.
pub(crate) fn fail(e: Error, options: &JsValue) -> JsValue {
    let key = get(options, "apiKey").as_string();
    error_to_js(&e.redact(key.as_deref()))
}

/// The caller's signal, as the list of signals a request watches.
pub(crate) fn signals(signal: &Option<AbortSignal>) -> Vec<AbortSignal> {
    signal.iter().cloned().collect()
}

/// Lists one page of port-outs: validates the query and options, calls
/// `GET {baseUrl}/portouts`, validates the response, and resolves to
/// `{ data, meta, requestId, next }`. Rejects with a `PortoutsError`.
#[wasm_bindgen(js_name = listPortouts)]
pub async fn list_portouts(query: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let run = async {
        let q = query_from_js(&query)?;
        let p = prepare(&options)?;
        let call = Call::new(list_url(&q, &p.options), &p.options);
        let f = fetch(&call, &signals(&p.signal), &LIST_BODY).await?;
        let mut page = PageOut::of(&f.value, f.request_id.as_deref());
        let items = array_len(&page.data);
        page.next = Some(next_query(&q, &page_meta(&f.captures), items));
        Ok(to_js(&page))
    };
    run.await.map_err(|e| fail(e, &options))
}

/// Fetches one port-out: `GET {baseUrl}/portouts/{id}`, resolving to the record.
#[wasm_bindgen(js_name = getPortout)]
pub async fn get_portout(id: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let run = async {
        let id = string_arg(&id, "id")?;
        let p = prepare(&options)?;
        let call = Call::new(get_url(&id, &p.options)?, &p.options);
        let f = fetch(&call, &signals(&p.signal), &ONE_BODY).await?;
        Ok(get(&f.value, "data"))
    };
    run.await.map_err(|e| fail(e, &options))
}

/// Lists every page of a query: at most `concurrency` requests in flight, records in page
/// order without duplicate ids, `onProgress` after each page. A page that still fails after
/// its retries rejects the call (with its `page`) and aborts the pages in flight.
#[wasm_bindgen(js_name = listAllPortouts)]
pub async fn list_all_portouts(query: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    list_all(query, &options).await
}

/// The query string for a query (no leading `?`). Throws `PortoutsError` (`invalid_filter`,
/// `invalid_options`).
#[wasm_bindgen(js_name = buildPortoutsQuery)]
pub fn build_portouts_query(query: JsValue, options: JsValue) -> Result<String, JsValue> {
    let run = || -> Result<String, Error> {
        let q = query_from_js(&query)?;
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
        let s = string_arg(&search, "search")?;
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
