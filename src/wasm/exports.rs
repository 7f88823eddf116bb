//! The exported JS API. Each function converts its arguments into the core's types, calls the
//! core, and turns any [`Error`] into a `PortoutsError`; none of them throws anything else.

use super::body::{validate_and_parse, with_bytes, Body};
use super::call::{list_body, Call, Target};
use super::convert::to_input;
use super::errors::to_js;
use super::js::{drive, drive_all};
use super::list_all::ListAll;
use super::props::{get, set};
use crate::error::{Error, ErrorCode};
use crate::filter::ListQuery;
use crate::options::{build_options, ClientOptions};
use crate::paging::{ListAllOptions, LIST_ALL_OPTION_NAMES};
use crate::query::{build_query, parse_query};
use crate::request::{get_url, list_url};
use js_sys::{JsString, Object, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A string argument (`id`, `search`); anything else is an `invalid_filter` error naming it.
fn string_arg(value: &JsValue, name: &str) -> Result<String, Error> {
    match to_input(value, name, ErrorCode::InvalidFilter)? {
        crate::input::Input::String(s) => Ok(s),
        other => Err(Error::invalid_filter(
            name,
            &cat!["must be a string, got ", other.describe()],
        )),
    }
}

/// Validated options plus the caller's `AbortSignal` (`undefined` when none was given).
#[derive(Debug)]
pub(crate) struct Prepared {
    pub options: ClientOptions,
    pub signal: JsValue,
}

/// Validates `options` (allowing the extra option names of the calling function).
pub(crate) fn prepare(options: &JsValue, extra: &[&str]) -> Result<Prepared, Error> {
    prepare_input(
        options,
        &to_input(options, "options", ErrorCode::InvalidOptions)?,
        extra,
    )
}

/// [`prepare`] for options already converted (`input` is `options` as the core sees it).
fn prepare_input(
    options: &JsValue,
    input: &crate::input::Input,
    extra: &[&str],
) -> Result<Prepared, Error> {
    let options_parsed = ClientOptions::from_input(input, extra)?;
    options_parsed.check_transport()?;
    // The core saw an AbortSignal (`instanceof AbortSignal`) or nothing at all.
    let signal = if options_parsed.has_signal {
        get(options, "signal")
    } else {
        JsValue::UNDEFINED
    };
    Ok(Prepared {
        options: options_parsed,
        signal,
    })
}

/// Validates a JS query object.
pub(crate) fn query_from_js(query: &JsValue) -> Result<ListQuery, Error> {
    ListQuery::from_input(&to_input(query, "query", ErrorCode::InvalidFilter)?)
}

/// `{ data, meta, requestId }` from a parsed list body.
pub(crate) fn page_object(value: &JsValue, request_id: Option<&str>) -> Object {
    let page = Object::new();
    set(&page, "data", &get(value, "data"));
    set(&page, "meta", &get(value, "meta"));
    if let Some(r) = request_id {
        set(&page, "requestId", &JsValue::from_str(r));
    }
    page
}

fn redacted(e: Error, options: &JsValue) -> JsValue {
    let key = get(options, "apiKey").as_string();
    to_js(&e.redact(key.as_deref()))
}

/// A promise of `run`'s call (run by the JS transport with the caller's signal), or rejected
/// with `run`'s error.
fn start(options: &JsValue, run: impl FnOnce() -> Result<(Call, JsValue), Error>) -> Promise {
    match run() {
        Ok((call, signal)) => drive(call.into(), &signal, &JsValue::UNDEFINED),
        Err(e) => Promise::reject(&redacted(e, options)),
    }
}

/// Lists one page of port-outs: validates the query and options, calls
/// `GET {baseUrl}/portouts`, validates the response, and resolves to
/// `{ data, meta, requestId, next }` (`next`: the following page's query, or `null`; the
/// package's JS shell turns it into `hasNextPage()` / `nextPage()`). Rejects with a
/// `PortoutsError`.
#[wasm_bindgen(js_name = listPortouts)]
pub fn list_portouts(query: JsValue, options: JsValue) -> Promise {
    start(&options, || {
        let q = query_from_js(&query)?;
        let prepared = prepare(&options, &[])?;
        let url = list_url(&q, &prepared.options);
        let call = Call::new(url, &prepared.options, Target::List(q));
        Ok((call, prepared.signal))
    })
}

/// Fetches one port-out: `GET {baseUrl}/portouts/{id}`, resolving to the record.
#[wasm_bindgen(js_name = getPortout)]
pub fn get_portout(id: JsValue, options: JsValue) -> Promise {
    start(&options, || {
        let id = string_arg(&id, "id")?;
        let prepared = prepare(&options, &[])?;
        let url = get_url(&id, &prepared.options)?;
        Ok((
            Call::new(url, &prepared.options, Target::One),
            prepared.signal,
        ))
    })
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
    run().map_err(|e| to_js(&e))
}

/// Parses a query string (as built by `buildPortoutsQuery`, any array format, `?` optional)
/// back into a query object. Throws `PortoutsError` (`invalid_filter`).
#[wasm_bindgen(js_name = parsePortoutsQuery)]
pub fn parse_portouts_query(search: JsValue) -> Result<JsValue, JsValue> {
    let run = || -> Result<JsValue, Error> {
        let s = string_arg(&search, "search")?;
        Ok(super::query_js::query_to_js(&parse_query(&s)?))
    };
    run().map_err(|e| to_js(&e))
}

/// Validates a list response body (`string` or `Uint8Array`) and returns `{ data, meta }`.
/// Throws `PortoutsError` (`invalid_response`, with `path`).
#[wasm_bindgen(js_name = parsePortoutsResponse)]
pub fn parse_portouts_response(body: JsValue) -> Result<JsValue, JsValue> {
    let run = || -> Result<JsValue, Error> {
        let (_, value) = if let Some(bytes) = body.dyn_ref::<Uint8Array>() {
            with_bytes(bytes, |b| {
                validate_and_parse(Body::Bytes(b, bytes), list_body)
            })?
        } else if let Some(text) = body.dyn_ref::<JsString>() {
            let rust = text.as_string().unwrap_or_default();
            // JSON.parse does not skip a byte order mark; the validator does.
            let js = if rust.starts_with('\u{feff}') {
                text.slice(1, text.length())
            } else {
                text.clone()
            };
            validate_and_parse(Body::Text(rust.as_bytes(), js), list_body)?
        } else {
            return Err(Error::new(
                ErrorCode::InvalidResponse,
                "parsePortoutsResponse takes the body as a string or a Uint8Array.",
            ));
        };
        Ok(page_object(&value, None).into())
    };
    run().map_err(|e| to_js(&e))
}

/// Lists every page of a query: at most `concurrency` requests in flight, records in page
/// order without duplicate ids, `onProgress` after each page. A page that still fails after
/// its retries rejects the call (with its `page`) and aborts the pages in flight.
#[wasm_bindgen(js_name = listAllPortouts)]
pub fn list_all_portouts(query: JsValue, options: JsValue) -> Promise {
    let setup = || -> Result<_, Error> {
        let q = query_from_js(&query)?;
        // Converted once: the client options and list-all's own read the same values.
        let input = to_input(&options, "options", ErrorCode::InvalidOptions)?;
        let prepared = prepare_input(&options, &input, &LIST_ALL_OPTION_NAMES)?;
        let all = ListAllOptions::from_input(&input)?;
        let on_progress = get(&options, "onProgress")
            .dyn_into::<js_sys::Function>()
            .ok();
        Ok((q, prepared, all, on_progress))
    };
    match setup() {
        Ok((q, prepared, all, on_progress)) => {
            let signal = prepared.signal.clone();
            let list_all = ListAll::new(q, prepared, &all, on_progress);
            drive_all(list_all.into(), &signal)
        }
        Err(e) => Promise::reject(&redacted(e, &options)),
    }
}
