//! The exported JS API. Each function converts its arguments into the core's types, calls the
//! core, and turns any [`Error`] into a `PortoutsError`; none of them throws anything else.
//! The async ones are `async fn`s (wasm-bindgen-futures makes each a Promise) over the one
//! request path, [`fetch`].

use super::body::parse_body;
use super::convert::{to_input, to_js};
use super::errors::error_to_js;
use super::list_all::list_all;
use super::listing::{listing, Listing};
use super::transport::{send, Call};
use crate::api::events::{self, EventsQuery};
use crate::api::portouts::filter::ListQuery;
use crate::api::portouts::model::LIST_BODY;
use crate::api::portouts::query::{build_query, parse_query, ArrayFormat};
use crate::api::reports::{self, ReportsQuery};
use crate::api::{comments, portouts, rejections, supporting_documents};
use crate::client::error::{Error, ErrorCode};
use crate::client::input::Input;
use crate::client::options::{build_options, ClientOptions};
use crate::client::paging::page_meta;
use crate::client::request::{Expect, Request};
use js_sys::{Array, JsString, Reflect, Uint8Array};
use serde::Serialize;
use std::future::Future;
use std::pin::Pin;
use telnyx_portouts_schema::Captures;
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

/// A path argument (an id), which must be a string; the core checks it is a UUID.
fn id_arg(value: &JsValue, name: &str) -> Result<String, Error> {
    match to_input(value, name, ErrorCode::InvalidParams)? {
        Input::String(s) => Ok(s),
        other => Err(Error::invalid_params(
            name,
            &format!("must be a string (a UUID), got {}", other.describe()),
        )),
    }
}

/// Any other argument (a body, a status), as the core sees it.
fn arg(value: &JsValue, name: &str) -> Result<Input, Error> {
    to_input(value, name, ErrorCode::InvalidParams)
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

/// A validated 2xx response: what the schema captured, the parsed body, the request id.
pub(crate) struct Fetched {
    /// The counts the schema captured.
    pub captures: Captures,
    /// The body as `JSON.parse` built it.
    pub value: JsValue,
    /// The `x-request-id` header.
    pub request_id: Option<String>,
}

/// The one request path of every export: sends `call`, then validates the body as `expect`
/// says and parses it (no body is read for `Expect::Nothing`: `value` is `undefined`).
/// Errors are not yet redacted (the caller does, once).
pub(crate) async fn fetch(
    call: &Call,
    signals: &[AbortSignal],
    expect: Expect,
) -> Result<Fetched, Error> {
    let reply = send(call, signals).await?;
    let schema = match expect {
        Expect::Json(schema) => schema,
        Expect::Nothing => {
            return Ok(Fetched {
                captures: Captures::default(),
                value: JsValue::UNDEFINED,
                request_id: reply.request_id,
            })
        }
    };
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
    /// For a paged list: the next page's query or `null` (left out when `undefined`).
    #[serde(
        with = "serde_wasm_bindgen::preserve",
        skip_serializing_if = "JsValue::is_undefined"
    )]
    pub next: JsValue,
}

impl<'a> PageOut<'a> {
    /// The page of a parsed list body.
    pub(crate) fn of(value: &JsValue, request_id: Option<&'a str>) -> PageOut<'a> {
        PageOut {
            data: get(value, "data"),
            meta: get(value, "meta"),
            request_id,
            next: JsValue::UNDEFINED,
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

/// A call in flight, as the exports await it: boxed, so that the request path below is
/// compiled once, not once per export.
pub(crate) type Pending = Pin<Box<dyn Future<Output = Result<JsValue, JsValue>>>>;

/// One page of a paged list (`listing` is its validated query); resolves to
/// `{ data, meta, requestId, next }`.
fn list_page(listing: Result<Box<dyn Listing>, Error>, options: JsValue) -> Pending {
    Box::pin(async move {
        let run = async {
            let listing = listing?;
            let p = prepare(&options)?;
            let described = listing.request(p.options.array_format);
            let f = fetch(
                &Call::new(&described, &p.options),
                &signals(&p.signal),
                described.expect,
            )
            .await?;
            let mut page = PageOut::of(&f.value, f.request_id.as_deref());
            let items = array_len(&page.data);
            page.next = listing.next(&page_meta(&f.captures), items);
            Ok(to_js(&page))
        };
        run.await.map_err(|e| fail(e, &options))
    })
}

/// Any other operation: `make` validates the arguments and describes the request (with the
/// array format of the options); resolves to the body's `data`, or `undefined` for a `204`.
fn one(options: JsValue, make: impl FnOnce(ArrayFormat) -> Result<Request, Error>) -> Pending {
    let ready = prepare(&options).and_then(|p| Ok((make(p.options.array_format)?, p)));
    Box::pin(perform(ready, options))
}

/// Sends a described request with its prepared options (the one copy of this path).
async fn perform(
    ready: Result<(Request, Prepared), Error>,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let run = async {
        let (described, p) = ready?;
        let f = fetch(
            &Call::new(&described, &p.options),
            &signals(&p.signal),
            described.expect,
        )
        .await?;
        Ok(match described.expect {
            Expect::Json(_) => get(&f.value, "data"),
            Expect::Nothing => JsValue::UNDEFINED,
        })
    };
    run.await.map_err(|e| fail(e, &options))
}

/// Lists one page of port-outs (`GET /portouts`), resolving to
/// `{ data, meta, requestId, next }`. Rejects with a `PortoutsError`.
#[wasm_bindgen(js_name = listPortouts)]
pub async fn list_portouts(query: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    list_page(
        listing(&query, ListQuery::from_input, portouts::list),
        options,
    )
    .await
}

/// Fetches one port-out: `GET /portouts/{id}`, resolving to the record.
#[wasm_bindgen(js_name = getPortout)]
pub async fn get_portout(id: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    one(options, |_| portouts::get(&id_arg(&id, "id")?)).await
}

/// Authorizes or rejects a port-out: `PATCH /portouts/{id}/{status}` with
/// `{ reason, host_messaging }`, resolving to the updated record.
#[wasm_bindgen(js_name = updatePortoutStatus)]
pub async fn update_portout_status(
    id: JsValue,
    status: JsValue,
    params: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    one(options, |_| {
        portouts::update_status(
            &id_arg(&id, "id")?,
            &arg(&status, "status")?,
            &arg(&params, "params")?,
        )
    })
    .await
}

/// The codes a port-out can be rejected with: `GET /portouts/rejections/{portout_id}`.
#[wasm_bindgen(js_name = listPortoutRejectionCodes)]
pub async fn list_portout_rejection_codes(
    portout_id: JsValue,
    query: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    one(options, |format| {
        let id = id_arg(&portout_id, "portoutId")?;
        rejections::list(
            &id,
            &to_input(&query, "query", ErrorCode::InvalidFilter)?,
            format,
        )
    })
    .await
}

/// A port-out's comments: `GET /portouts/{id}/comments`.
#[wasm_bindgen(js_name = listPortoutComments)]
pub async fn list_portout_comments(id: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    one(options, |_| comments::list(&id_arg(&id, "id")?)).await
}

/// Adds a comment: `POST /portouts/{id}/comments` with `{ body }`.
#[wasm_bindgen(js_name = createPortoutComment)]
pub async fn create_portout_comment(
    id: JsValue,
    comment: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    one(options, |_| {
        comments::create(&id_arg(&id, "id")?, &arg(&comment, "comment")?)
    })
    .await
}

/// A port-out's supporting documents: `GET /portouts/{id}/supporting_documents`.
#[wasm_bindgen(js_name = listPortoutSupportingDocuments)]
pub async fn list_portout_supporting_documents(
    id: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    one(options, |_| supporting_documents::list(&id_arg(&id, "id")?)).await
}

/// Attaches documents: `POST /portouts/{id}/supporting_documents` with `{ documents }`.
#[wasm_bindgen(js_name = createPortoutSupportingDocuments)]
pub async fn create_portout_supporting_documents(
    id: JsValue,
    params: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    one(options, |_| {
        supporting_documents::create(&id_arg(&id, "id")?, &arg(&params, "params")?)
    })
    .await
}

/// One page of port-out events: `GET /portouts/events`.
#[wasm_bindgen(js_name = listPortoutEvents)]
pub async fn list_portout_events(query: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    list_page(
        listing(&query, EventsQuery::from_input, events::list),
        options,
    )
    .await
}

/// One event: `GET /portouts/events/{id}`.
#[wasm_bindgen(js_name = getPortoutEvent)]
pub async fn get_portout_event(id: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    one(options, |_| events::get(&id_arg(&id, "id")?)).await
}

/// Sends an event's webhook again: `POST /portouts/events/{id}/republish`; resolves to
/// `undefined`.
#[wasm_bindgen(js_name = republishPortoutEvent)]
pub async fn republish_portout_event(id: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    one(options, |_| events::republish(&id_arg(&id, "id")?)).await
}

/// One page of reports: `GET /portouts/reports`.
#[wasm_bindgen(js_name = listPortoutReports)]
pub async fn list_portout_reports(query: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    list_page(
        listing(&query, ReportsQuery::from_input, reports::list),
        options,
    )
    .await
}

/// Creates a CSV report: `POST /portouts/reports`; resolves to the (pending) report.
#[wasm_bindgen(js_name = createPortoutReport)]
pub async fn create_portout_report(report: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    one(options, |_| reports::create(&arg(&report, "report")?)).await
}

/// One report: `GET /portouts/reports/{id}`.
#[wasm_bindgen(js_name = getPortoutReport)]
pub async fn get_portout_report(id: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    one(options, |_| reports::get(&id_arg(&id, "id")?)).await
}

/// Lists every page of a port-out query: at most `concurrency` requests in flight, records
/// in page order without duplicate ids, `onProgress` after each page. A page that still fails
/// after its retries rejects the call (with its `page`) and aborts the pages in flight.
#[wasm_bindgen(js_name = listAllPortouts)]
pub async fn list_all_portouts(query: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    list_all(
        listing(&query, ListQuery::from_input, portouts::list),
        options,
    )
    .await
}

/// Lists every page of an events query (as `listAllPortouts`).
#[wasm_bindgen(js_name = listAllPortoutEvents)]
pub async fn list_all_portout_events(query: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    list_all(
        listing(&query, EventsQuery::from_input, events::list),
        options,
    )
    .await
}

/// Lists every page of a reports query (as `listAllPortouts`).
#[wasm_bindgen(js_name = listAllPortoutReports)]
pub async fn list_all_portout_reports(
    query: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    list_all(
        listing(&query, ReportsQuery::from_input, reports::list),
        options,
    )
    .await
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
