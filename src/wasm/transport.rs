//! The one request path: [`send`] performs a [`Call`] with gloo-net, attempt after attempt,
//! as the core's rules say (the [`retry`](crate::client::retry) policy, error classification in
//! [`http_error`]). Each attempt owns an [`AbortGuard`] (reqwest's pattern): the attempt's own
//! `AbortController`, aborted by its timeout, by any of the caller's signals, and when the
//! guard is dropped, so a finished, failed or abandoned attempt never leaves a fetch running.

use super::js::{bind_with, clear_timeout, set_timeout};
use crate::client::error::{Error, ErrorCode};
use crate::client::options::ClientOptions;
use crate::client::request;
use crate::client::response::{http_error, ErrorContext};
use crate::client::retry::{after_write, delay_ms, parse_retry_after, should_retry};
use gloo_net::http::Request;
use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal};

/// One request to make: what goes on the wire and how hard to try.
#[derive(Debug, Clone)]
pub(crate) struct Call {
    /// The URL.
    pub url: String,
    method: &'static str,
    body: Option<String>,
    /// For a write, what may have happened when it fails (empty for a read).
    effect: &'static str,
    write: bool,
    headers: Vec<(String, String)>,
    timeout_ms: u32,
    max_retries: u32,
}

impl Call {
    /// The call of `request` with `options`.
    pub(crate) fn new(request: &request::Request, options: &ClientOptions) -> Call {
        Call {
            url: request.url(options),
            method: request.method.as_str(),
            body: request.body.clone(),
            effect: request.effect,
            write: request.method.is_write(),
            headers: request.headers(options),
            timeout_ms: options.timeout_ms,
            max_retries: options.max_retries,
        }
    }
}

impl Call {
    /// The same call, tried once (the gateway never retries a write).
    #[cfg(feature = "gateway")]
    pub(crate) fn once(mut self) -> Call {
        self.max_retries = 0;
        self
    }
}

/// A 2xx answer, its body read whole.
#[derive(Debug)]
pub(crate) struct Reply {
    /// The HTTP status.
    pub status: u16,
    /// The `x-request-id` header.
    pub request_id: Option<String>,
    retry_after: Option<String>,
    /// The body's bytes.
    pub body: Vec<u8>,
}

/// Why an attempt got no response.
enum NoResponse {
    Aborted,
    TimedOut,
    Network(String),
}

/// Performs `call` to its end: its 2xx reply, or the final error (not yet redacted). Waits
/// between attempts as the retry policy says; any of `signals` aborting stops everything.
#[cfg(not(feature = "gateway"))]
pub(crate) async fn send(call: &Call, signals: &[AbortSignal]) -> Result<Reply, Error> {
    exchange(call, signals, false).await
}

/// [`send`], but a final answer of any status is a reply (`any_status`: the gateway passes
/// upstream's answer on); only a missing answer is an error.
pub(crate) async fn exchange(
    call: &Call,
    signals: &[AbortSignal],
    any_status: bool,
) -> Result<Reply, Error> {
    let mut attempts = 0;
    loop {
        attempts += 1;
        let (error, retry_after) = match attempt(call, signals).await {
            Ok(reply) if (200..300).contains(&reply.status) => return Ok(reply),
            Ok(reply) => {
                let ctx = ErrorContext {
                    request_id: reply.request_id.as_deref(),
                    attempts,
                };
                let error = http_error(reply.status, &reply.body, ctx);
                if any_status && (attempts > call.max_retries || !should_retry(&error, call.write)) {
                    return Ok(reply);
                }
                (error, reply.retry_after.clone())
            }
            Err(NoResponse::Aborted) => return Err(aborted()),
            Err(NoResponse::TimedOut) => (Error::new(
                ErrorCode::Timeout,
                format!("No complete response from {} within {} ms. Raise timeoutMs, or check that the server is up.", call.url, call.timeout_ms),
            ), None),
            Err(NoResponse::Network(detail)) => (Error::new(
                ErrorCode::Network,
                format!("Could not reach {} ({detail}). Check baseUrl and the network; in a browser the server must allow this origin (CORS: Access-Control-Allow-Origin, and Authorization in Access-Control-Allow-Headers).", call.url),
            ), None),
        };
        if attempts > call.max_retries || !should_retry(&error, call.write) {
            return Err(if call.write {
                after_write(error, call.effect)
            } else {
                error
            });
        }
        let asked = retry_after
            .as_deref()
            .and_then(|v| parse_retry_after(v, js_sys::Date::now()));
        let wait = delay_ms(attempts - 1, js_sys::Math::random(), asked);
        if !sleep(wait, signals).await {
            return Err(aborted());
        }
    }
}

/// The error for a request the caller aborted.
pub(crate) fn aborted() -> Error {
    Error::new(
        ErrorCode::Aborted,
        "The request was aborted by the caller's AbortSignal.",
    )
}

/// One attempt: the request sent and its whole body read within the timeout.
async fn attempt(call: &Call, signals: &[AbortSignal]) -> Result<Reply, NoResponse> {
    if signals.iter().any(AbortSignal::aborted) {
        return Err(NoResponse::Aborted);
    }
    let mut guard = AbortGuard::new(call.timeout_ms, signals)
        .map_err(|_| NoResponse::Network("AbortController is not available".into()))?;
    let signal = guard.controller.signal();
    let read = async {
        // One `Request`, built from the finished URL: gloo-net's builder would build it twice
        // and re-parse the URL to merge query parameters the URL already carries.
        let request = Request::from(web_request(call, &signal).map_err(js_error)?);
        let response = request.send().await?;
        let body = response.binary().await?;
        Ok::<_, gloo_net::Error>((response, body))
    };
    match read.await {
        Ok((response, body)) => {
            guard.finished = true;
            let headers = response.headers();
            Ok(Reply {
                status: response.status(),
                request_id: headers.get("x-request-id"),
                retry_after: headers.get("retry-after"),
                body,
            })
        }
        // The caller's signals first: the guard is also aborted when one of them is.
        Err(_) if signals.iter().any(AbortSignal::aborted) => Err(NoResponse::Aborted),
        Err(_) if signal.aborted() => Err(NoResponse::TimedOut),
        Err(e) => Err(NoResponse::Network(e.to_string())),
    }
}

/// The `Request` of one attempt: the call's method, headers and body, aborted by `signal`.
fn web_request(call: &Call, signal: &AbortSignal) -> Result<web_sys::Request, JsValue> {
    let headers = web_sys::Headers::new()?;
    for (name, value) in &call.headers {
        headers.set(name, value)?;
    }
    let init = web_sys::RequestInit::new();
    init.set_method(call.method);
    init.set_headers(&headers);
    if let Some(body) = &call.body {
        init.set_body(&JsValue::from_str(body));
    }
    init.set_signal(Some(signal));
    web_sys::Request::new_with_str_and_init(&call.url, &init)
}

/// A JS exception (an invalid URL, a header the platform refuses) as gloo-net's error.
fn js_error(e: JsValue) -> gloo_net::Error {
    let message = js_sys::Reflect::get(&e, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| "the request could not be built".into());
    gloo_net::Error::GlooError(message)
}

/// A JS function called after `ms` or as soon as one of `signals` aborts; both the timer and
/// the listeners are removed when it is dropped.
struct Timer {
    id: JsValue,
    callback: Function,
    signals: Vec<AbortSignal>,
}

impl Timer {
    fn new(callback: Function, ms: f64, signals: &[AbortSignal]) -> Timer {
        let id = set_timeout(&callback, ms);
        for s in signals {
            let _ = s.add_event_listener_with_callback("abort", &callback);
        }
        Timer {
            id,
            callback,
            signals: signals.to_vec(),
        }
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        clear_timeout(&self.id);
        for s in &self.signals {
            let _ = s.remove_event_listener_with_callback("abort", &self.callback);
        }
    }
}

/// The `AbortController` of one attempt: aborted by its timeout, by any of the caller's
/// signals, and on drop unless the attempt finished (its body read whole: nothing is left
/// running, and aborting would only make an `AbortError` for nobody).
struct AbortGuard {
    controller: AbortController,
    _timer: Timer,
    finished: bool,
}

impl AbortGuard {
    fn new(timeout_ms: u32, signals: &[AbortSignal]) -> Result<AbortGuard, JsValue> {
        let controller = AbortController::new()?;
        // `controller.abort(undefined)`: an event listener passes the event, which would
        // become the abort reason (fetch rejects with its reason, and gloo-net expects an
        // `Error`; with no reason it is the standard `AbortError`).
        let abort =
            Reflect::get(&controller, &JsValue::from_str("abort"))?.dyn_into::<Function>()?;
        let abort = bind_with(&abort, &controller, &JsValue::UNDEFINED);
        let timer = Timer::new(abort, f64::from(timeout_ms), signals);
        Ok(AbortGuard {
            controller,
            _timer: timer,
            finished: false,
        })
    }
}

impl Drop for AbortGuard {
    fn drop(&mut self) {
        if !self.finished {
            self.controller.abort();
        }
    }
}

/// Waits `ms`; `false` when one of `signals` aborted first.
async fn sleep(ms: f64, signals: &[AbortSignal]) -> bool {
    let mut timer = None;
    let promise = Promise::new(&mut |resolve, _reject| {
        timer = Some(Timer::new(resolve, ms, signals));
    });
    let _ = JsFuture::from(promise).await;
    drop(timer);
    !signals.iter().any(AbortSignal::aborted)
}
