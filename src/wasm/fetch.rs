//! One HTTP attempt with `fetch`: an [`AbortGuard`] owns the request's `AbortController`,
//! aborts it when the timeout fires or the caller's signal aborts, and clears both on drop.
//! The body is read as bytes (a `Uint8Array`), which the core validates without copying
//! into a JS string first.

use super::timers::{AbortListener, Flag, Timer};
use crate::error::{Error, ErrorCode};
use js_sys::{Promise, Uint8Array};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, Headers, RequestInit, Response};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = fetch, catch)]
    fn fetch_with_init(url: &str, init: &RequestInit) -> Result<Promise, JsValue>;
}

/// The parts of a response the client uses.
pub struct HttpResponse {
    /// HTTP status.
    pub status: u16,
    /// `x-request-id`, when sent and readable (CORS must expose it).
    pub request_id: Option<String>,
    /// `retry-after`, when sent and readable.
    pub retry_after: Option<String>,
    /// The body bytes, still in JS.
    pub body: Uint8Array,
}

/// Owns an attempt's AbortController: aborts it on timeout or when any caller signal aborts;
/// dropping it clears the timer and removes the listeners.
struct AbortGuard {
    controller: AbortController,
    timed_out: Flag,
    _timer: Timer,
    _listeners: Vec<AbortListener>,
}

impl AbortGuard {
    fn new(timeout_ms: u32, signals: &[&AbortSignal]) -> Result<AbortGuard, Error> {
        let controller = AbortController::new().map_err(|_| {
            Error::new(
                ErrorCode::Network,
                "AbortController is not available in this environment.",
            )
        })?;
        let timed_out: Flag = Rc::new(Cell::new(false));
        let (c, flag) = (controller.clone(), timed_out.clone());
        let timer = Timer::start(f64::from(timeout_ms), move || {
            flag.set(true);
            c.abort();
        });
        let listeners = signals
            .iter()
            .map(|s| {
                let c = controller.clone();
                AbortListener::new(s, move || c.abort())
            })
            .collect();
        Ok(AbortGuard {
            controller,
            timed_out,
            _timer: timer,
            _listeners: listeners,
        })
    }
}

/// The error for a request the caller aborted.
pub fn aborted() -> Error {
    let mut e = Error::new(
        ErrorCode::Aborted,
        "The request was aborted by the caller's AbortSignal.",
    );
    e.retryable = false;
    e
}

/// Sends one `GET` and reads the whole body, within `timeout_ms`. `signals` are the caller's
/// (and, for list-all, the group's) abort signals.
pub async fn get(
    url: &str,
    headers: &[(String, String)],
    timeout_ms: u32,
    signals: &[&AbortSignal],
) -> Result<HttpResponse, Error> {
    if signals.iter().any(|s| s.aborted()) {
        return Err(aborted());
    }
    let guard = AbortGuard::new(timeout_ms, signals)?;
    let fail = |e: JsValue| classify(&e, &guard, signals, timeout_ms, url);
    let h = Headers::new().map_err(&fail)?;
    for (k, v) in headers {
        h.set(k, v).map_err(&fail)?;
    }
    let init = RequestInit::new();
    init.set_method("GET");
    init.set_headers(&h);
    init.set_signal(Some(&guard.controller.signal()));
    let response: Response = JsFuture::from(fetch_with_init(url, &init).map_err(&fail)?)
        .await
        .map_err(&fail)?
        .unchecked_into();
    let header = |name: &str| response.headers().get(name).ok().flatten();
    let request_id = header("x-request-id");
    let retry_after = header("retry-after");
    let buffer = JsFuture::from(response.array_buffer().map_err(&fail)?)
        .await
        .map_err(&fail)?;
    Ok(HttpResponse {
        status: response.status(),
        request_id,
        retry_after,
        body: Uint8Array::new(&buffer),
    })
}

fn classify(
    e: &JsValue,
    guard: &AbortGuard,
    signals: &[&AbortSignal],
    timeout_ms: u32,
    url: &str,
) -> Error {
    if signals.iter().any(|s| s.aborted()) {
        return aborted();
    }
    if guard.timed_out.get() {
        return Error::new(
            ErrorCode::Timeout,
            format!("No complete response from {url} within {timeout_ms} ms. Raise timeoutMs, or check that the server is up."),
        );
    }
    let detail = js_sys::Reflect::get(e, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_default();
    Error::new(
        ErrorCode::Network,
        format!(
            "Could not reach {url} ({detail}). Check baseUrl and the network; in a browser the server must allow this origin (CORS: Access-Control-Allow-Origin, and Authorization in Access-Control-Allow-Headers)."
        ),
    )
}
