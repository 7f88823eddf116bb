//! One request, as a state machine the JS transport drives (`drive` in `js/boundary.js`):
//! [`Call`] holds the URL, headers and options, and its `step` judges each attempt by the
//! core's rules: a 2xx body is validated and built by `JSON.parse`, a failure is turned into
//! the right [`Error`], and the [`retry`](crate::retry) policy says whether and when to try
//! again. No Rust future is involved: the async version (wasm-bindgen-futures, closures for
//! timers and listeners, web-sys) made the module 21 KB larger.

use super::body::{validate_and_parse, with_bytes, Body};
use super::errors::to_js;
use super::props::{get, set};
use crate::error::{Error, ErrorCode};
use crate::model::PageMeta;
use crate::options::ClientOptions;
use crate::request;
use crate::response::{http_error, validate_list, validate_one, ErrorContext};
use crate::retry::{delay_ms, parse_retry_after, should_retry};
use js_sys::{Array, Uint8Array};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// How an attempt failed before a response arrived (`failure` of [`Call::step`]).
const NO_FAILURE: u8 = 0;
const ABORTED: u8 = 1;
const TIMED_OUT: u8 = 2;

/// The metas of the pages list-all has received, shared between its page calls and itself.
pub(crate) type PageMetas = Rc<RefCell<Vec<(u32, PageMeta)>>>;

/// What a call fetches, and so how its body is checked and what it resolves to.
#[derive(Debug)]
pub(crate) enum Target {
    /// `GET /portouts`: resolves to `{ data, meta, requestId, next }`; `next` is this query
    /// with the following page's number, or `null`.
    List(crate::filter::ListQuery),
    /// `GET /portouts/{id}`: resolves to the record.
    One,
    /// Page `number` of a list-all: resolves to `{ data, meta, requestId }`, its meta kept in
    /// the shared list; its errors carry the page number.
    Page(u32, PageMetas),
}

/// One request in flight (exported to the JS transport only; not part of the public API).
#[derive(Debug)]
#[wasm_bindgen(js_name = PortoutsCall)]
pub struct Call {
    url: String,
    headers: Vec<(String, String)>,
    timeout_ms: u32,
    max_retries: u32,
    secret: Option<String>,
    target: Target,
    attempts: u32,
}

impl Call {
    /// A call of `url` with `options`, resolving as `target` says.
    pub(crate) fn new(url: String, options: &ClientOptions, target: Target) -> Call {
        Call {
            url,
            headers: request::headers(options),
            timeout_ms: options.timeout_ms,
            max_retries: options.max_retries,
            secret: options.api_key.clone(),
            target,
            attempts: 0,
        }
    }

    /// The final error of this call, as the `PortoutsError` JS receives: the apiKey removed,
    /// and for a list-all page, the page number.
    fn fail(&self, mut e: Error) -> JsValue {
        if let Target::Page(n, _) = &self.target {
            e.page.get_or_insert(*n);
        }
        to_js(&e.redact(self.secret.as_deref()))
    }

    /// The value a validated 2xx body resolves to.
    fn finish(
        &mut self,
        meta: Option<PageMeta>,
        value: &JsValue,
        request_id: Option<&str>,
    ) -> JsValue {
        match &mut self.target {
            Target::One => get(value, "data"),
            Target::Page(n, metas) => {
                metas.borrow_mut().push((*n, meta.unwrap_or_default()));
                super::exports::page_object(value, request_id).into()
            }
            Target::List(query) => {
                let page = super::exports::page_object(value, request_id);
                let next = next_query(query, &meta.unwrap_or_default(), &page);
                set(&page, "next", &next);
                page.into()
            }
        }
    }

    /// Judges a 2xx body: `Ok` with the result, or the error (not retried: the server answered).
    fn success(
        &mut self,
        status: u16,
        body: &Uint8Array,
        request_id: Option<String>,
    ) -> Result<JsValue, JsValue> {
        let validate = match self.target {
            Target::One => one_body,
            _ => list_body,
        };
        let parsed = with_bytes(body, |bytes| {
            validate_and_parse(Body::Bytes(bytes, body), validate)
        });
        match parsed {
            Ok((meta, value)) => Ok(self.finish(meta, &value, request_id.as_deref())),
            Err(mut e) => {
                e.status = Some(status);
                e.request_id = request_id;
                Err(self.fail(e))
            }
        }
    }
}

#[wasm_bindgen(js_class = PortoutsCall)]
impl Call {
    /// The URL to `GET`.
    #[wasm_bindgen(getter)]
    pub fn url(&self) -> String {
        self.url.clone()
    }

    /// The request headers, as `[name, value]` pairs.
    #[wasm_bindgen(getter)]
    pub fn headers(&self) -> Array {
        self.headers
            .iter()
            .map(|(k, v)| -> JsValue {
                [JsValue::from_str(k), JsValue::from_str(v)]
                    .iter()
                    .collect::<Array>()
                    .into()
            })
            .collect()
    }

    /// Milliseconds an attempt may take, body included.
    #[wasm_bindgen(getter, js_name = timeoutMs)]
    pub fn timeout_ms(&self) -> u32 {
        self.timeout_ms
    }

    /// Judges one attempt. `status` is the HTTP status, or 0 when `failure` says why no
    /// response came (1 aborted, 2 timed out, 3 network; `detail` is the JS error's message).
    /// Returns the call's result, or the milliseconds to wait before the next attempt; throws
    /// the call's final `PortoutsError`.
    pub fn step(
        &mut self,
        status: u16,
        failure: u8,
        detail: String,
        request_id: Option<String>,
        retry_after: Option<String>,
        body: Option<Uint8Array>,
    ) -> Result<JsValue, JsValue> {
        self.attempts += 1;
        let error = match (failure, body) {
            (NO_FAILURE, Some(body)) if (200..300).contains(&status) => {
                return self.success(status, &body, request_id)
            }
            (NO_FAILURE, Some(body)) => {
                let ctx = ErrorContext {
                    request_id: request_id.as_deref(),
                    attempts: self.attempts,
                    secret: self.secret.as_deref(),
                };
                http_error(status, &body.to_vec(), ctx)
            }
            (ABORTED, _) => return Err(self.fail(aborted())),
            (TIMED_OUT, _) => Error::new(
                ErrorCode::Timeout,
                cat!["No complete response from ", self.url, " within ", crate::text::num(self.timeout_ms), " ms. Raise timeoutMs, or check that the server is up."],
            ),
            _ => Error::new(
                ErrorCode::Network,
                cat!["Could not reach ", self.url, " (", detail, "). Check baseUrl and the network; in a browser the server must allow this origin (CORS: Access-Control-Allow-Origin, and Authorization in Access-Control-Allow-Headers)."],
            ),
        };
        if self.attempts > self.max_retries || !should_retry(&error) {
            return Err(self.fail(error));
        }
        let wait_ms = retry_after
            .as_deref()
            .and_then(|v| parse_retry_after(v, js_sys::Date::now()));
        let wait = delay_ms(self.attempts - 1, js_sys::Math::random(), wait_ms);
        Ok(JsValue::from_f64(wait))
    }
}

/// The error for a request the caller aborted.
fn aborted() -> Error {
    let mut e = Error::new(
        ErrorCode::Aborted,
        "The request was aborted by the caller's AbortSignal.",
    );
    e.retryable = false;
    e
}

/// The query of the page after `page`, as a JS object, or `null` on the last page.
/// (The query is the call's own, which is done: it is updated in place, not copied.)
fn next_query(
    query: &mut crate::filter::ListQuery,
    meta: &PageMeta,
    page: &js_sys::Object,
) -> JsValue {
    let items = get(page, "data")
        .dyn_ref::<Array>()
        .map_or(0, |a| a.length() as usize);
    if !crate::paging::has_next_page(meta, items) {
        return JsValue::NULL;
    }
    query.page.number = Some(
        u32::try_from(meta.page_number)
            .unwrap_or(u32::MAX)
            .saturating_add(1),
    );
    super::query_js::query_to_js(query)
}

/// Checks a `GET /portouts` body: its page meta.
pub fn list_body(bytes: &[u8]) -> Result<Option<PageMeta>, Error> {
    validate_list(bytes).map(Some)
}

/// Checks a `GET /portouts/{id}` body.
fn one_body(bytes: &[u8]) -> Result<Option<PageMeta>, Error> {
    validate_one(bytes).map(|()| None)
}
