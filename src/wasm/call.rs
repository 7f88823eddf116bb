//! The one request path every export takes: options validated ([`prepare`]), the request
//! sent ([`fetch`]: the transport, then the body validated and parsed), errors redacted once
//! ([`fail`]); and [`start`], which runs any operation of the table
//! (`crate::api::operations`): one page of a paged list, or one request resolving to its
//! `data`.

use super::body::parse_body;
use super::convert::to_js;
use super::convert::{get, to_input};
use super::errors::error_to_js;
use super::js::json_parse;
use super::transport::{send, Call};
use crate::client::error::{Error, ErrorCode};
use crate::client::input::Input;
use crate::client::listing::Listing;
use crate::client::operation::{Args, Operation, Run};
use crate::client::options::ClientOptions;
use crate::client::paging::page_meta;
use crate::client::request::{Expect, Request};
use js_sys::{Array, JsString};
use serde::Serialize;
use std::future::Future;
use std::pin::Pin;
use telnyx_portouts_schema::Captures;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::AbortSignal;

/// The length of a JS array (0 for anything else).
pub(crate) fn array_len(v: &JsValue) -> usize {
    v.dyn_ref::<Array>().map_or(0, |a| a.length() as usize)
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
pub(crate) fn prepare(options: &JsValue) -> Result<Prepared, Error> {
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

/// The listing of a paged list's arguments (its query, the one argument): `read` validates it.
pub(crate) fn listing_of(
    read: fn(&Input) -> Result<Box<dyn Listing>, Error>,
    values: &[Input],
) -> Result<Box<dyn Listing>, Error> {
    read(values.first().unwrap_or(&Input::Undefined))
}

/// Sends `request` with its prepared options, through the one request path ([`fetch`]).
async fn fetch_prepared(request: &Request, p: &Prepared) -> Result<Fetched, Error> {
    fetch(
        &Call::new(request, &p.options),
        &signals(&p.signal),
        request.expect,
    )
    .await
}

/// The arguments of `op` read from JS (`args`, one per parameter; missing ones are
/// `undefined`), each named in its errors.
pub(crate) fn read_args(op: &Operation, args: &Array) -> Result<Vec<Input>, Error> {
    op.params
        .iter()
        .enumerate()
        .map(|(i, p)| to_input(&args.get(i as u32), p.name(), p.code()))
        .collect()
}

/// Runs `op` with `args` (its arguments, then the options, as JS passed them): a paged list
/// resolves to `{ data, meta, requestId, next }`, anything else to the body's `data` (or
/// `undefined` for a `204`). The arguments are read now; nothing is sent before the Promise
/// is awaited. Rejects with a `PortoutsError`.
pub(crate) fn start(op: &'static Operation, args: &Array) -> Pending {
    let options = args.get(op.params.len() as u32);
    let values = read_args(op, args);
    match op.run {
        Run::Page(read) => list_page(values.and_then(|v| listing_of(read, &v)), options),
        Run::Data(make) => {
            let ready = prepare(&options).and_then(|p| {
                let values = values?;
                Ok((
                    make(&Args::new(op.params, &values), p.options.array_format)?,
                    p,
                ))
            });
            Box::pin(perform(ready, options))
        }
    }
}

/// One page of a paged list (`listing` is its validated query).
fn list_page(listing: Result<Box<dyn Listing>, Error>, options: JsValue) -> Pending {
    Box::pin(async move {
        let run = async {
            let listing = listing?;
            let p = prepare(&options)?;
            let f = fetch_prepared(&listing.request(p.options.array_format), &p).await?;
            let mut page = PageOut::of(&f.value, f.request_id.as_deref());
            let items = array_len(&page.data);
            page.next = match listing.next_json(&page_meta(&f.captures), items) {
                Some(json) => json_parse(&JsString::from(json)).unwrap_or(JsValue::NULL),
                None => JsValue::NULL,
            };
            Ok(to_js(&page))
        };
        run.await.map_err(|e| fail(e, &options))
    })
}

/// Sends a described request with its prepared options; resolves to the body's `data`.
async fn perform(
    ready: Result<(Request, Prepared), Error>,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let run = async {
        let (request, p) = ready?;
        let f = fetch_prepared(&request, &p).await?;
        Ok(match request.expect {
            Expect::Json(_) => get(&f.value, "data"),
            Expect::Nothing => JsValue::UNDEFINED,
        })
    };
    run.await.map_err(|e| fail(e, &options))
}
