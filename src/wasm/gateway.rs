//! The server build's boundary (feature `gateway`): [`create_gateway`] reads the options once,
//! and [`Gateway::handle`] answers one request described by the JS shell (`{ method, target,
//! headers, original, readBody }`, the same for `node:http` and for web `Request`s) with
//! `{ status, headers, body }`. Every decision is the core's (`crate::gateway`); this file
//! only waits: for `authorize`, for the body, for upstream (the client's one transport), and
//! for WebCrypto's Ed25519 check of a webhook.

use super::convert::{get, to_input, to_js};
use super::errors::error_to_js;
use super::transport::{exchange, Call};
use super::webhook::webhook;
use crate::client::error::ErrorCode;
use crate::gateway::answer::{Answer, AuditEntry};
use crate::gateway::config::{GatewayConfig, AUTHORIZE_KEYS};
use crate::gateway::cors::{grant, preflight};
use crate::gateway::forward::{check_body_headers, prepare, too_large, MAX_BODY};
use crate::gateway::live::{LiveBuffer, HEARTBEAT, HEARTBEAT_MS};
use crate::gateway::refusal::Refusal;
use crate::gateway::route::route;
use crate::gateway::seen::Seen;
use crate::gateway::webhook::header;
use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{future_to_promise, JsFuture};

/// A configured gateway.
#[wasm_bindgen]
pub struct Gateway {
    inner: Rc<Inner>,
}

impl std::fmt::Debug for Gateway {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Gateway")
    }
}

pub(crate) struct Inner {
    pub(crate) config: GatewayConfig,
    authorize: Function,
    audit: Function,
    /// Called with `(id, eventType, json)` for each new verified port-out event.
    pub(crate) on_event: Function,
    pub(crate) seen: RefCell<Seen>,
    /// The live stream's recent events.
    pub(crate) live: RefCell<LiveBuffer>,
}

/// Reads the gateway's options (throws a `PortoutsError` naming a bad one). `audit` is the
/// shell's default when the options have none; `on_event` receives accepted webhook events.
#[wasm_bindgen(js_name = createGateway)]
pub fn create_gateway(
    options: JsValue,
    audit: Function,
    on_event: Function,
) -> Result<Gateway, JsValue> {
    let input =
        to_input(&options, "options", ErrorCode::InvalidOptions).map_err(|e| error_to_js(&e))?;
    let config = GatewayConfig::from_input(&input).map_err(|e| error_to_js(&e))?;
    let function = |key: &str| get(&options, key).dyn_into::<Function>().ok();
    Ok(Gateway {
        inner: Rc::new(Inner {
            authorize: function("authorize")
                .unwrap_or_else(|| Function::new_no_args("return false")),
            audit: function("audit").unwrap_or(audit),
            on_event,
            config,
            seen: RefCell::new(Seen::default()),
            live: RefCell::new(LiveBuffer::default()),
        }),
    })
}

#[wasm_bindgen]
impl Gateway {
    /// Answers one request: resolves to `{ status, headers, body }` (`body` a `Uint8Array`);
    /// never rejects.
    pub fn handle(&self, request: JsValue) -> Promise {
        let inner = self.inner.clone();
        future_to_promise(async move {
            let answer = answer(&inner, &request).await;
            // The body as bytes (not serialized with the rest): the shell writes them as they
            // are (a string would be decoded from UTF-8 here and encoded again by the server).
            let out = to_js(&answer);
            let _ = Reflect::set(
                &out,
                &"body".into(),
                &Uint8Array::from(answer.body.as_bytes()),
            );
            Ok(out)
        })
    }

    /// The path prefix it serves.
    #[wasm_bindgen(getter, js_name = basePath)]
    pub fn base_path(&self) -> String {
        self.inner.config.base_path.clone()
    }

    /// What the shell writes to each live stream when nothing else was written, and how often
    /// (milliseconds): `[text, every]`.
    #[wasm_bindgen(getter)]
    pub fn heartbeat(&self) -> Array {
        Array::of2(&HEARTBEAT.into(), &HEARTBEAT_MS.into())
    }
}

fn string(request: &JsValue, key: &str) -> String {
    get(request, key).as_string().unwrap_or_default()
}

/// The request's headers as pairs (names lower-cased by the shell).
fn headers(request: &JsValue) -> Vec<(String, String)> {
    pairs(&get(request, "headers"))
}

/// An array of `[name, value]` pairs (pairs that are not two strings are left out).
pub(crate) fn pairs(list: &JsValue) -> Vec<(String, String)> {
    Array::from(list)
        .iter()
        .filter_map(|pair| {
            let pair = Array::from(&pair);
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect()
}

pub(crate) async fn read_body(request: &JsValue) -> Result<Vec<u8>, Refusal> {
    let unreadable = |_| Refusal::new(400, "unreadable_body", "the body could not be read");
    let read = get(request, "readBody")
        .dyn_into::<Function>()
        .map_err(unreadable)?;
    let promise = read
        .call0(request)
        .map(|p| Promise::resolve(&p))
        .map_err(unreadable)?;
    let bytes = Uint8Array::new(&JsFuture::from(promise).await.map_err(unreadable)?);
    if bytes.length() as usize > MAX_BODY {
        return Err(too_large());
    }
    Ok(bytes.to_vec())
}

/// Answers a request as the core decides; a request from the configured CORS origin gets its
/// grant on every answer.
async fn answer(g: &Inner, request: &JsValue) -> Answer {
    let heads = headers(request);
    let origin = header(&heads, "origin");
    let allowed = g.config.cors_origin.as_deref();
    let mut answer = decide(g, request, &heads, allowed, origin).await;
    if !answer
        .headers
        .iter()
        .any(|(k, _)| k == "access-control-allow-origin")
    {
        answer.headers.extend(grant(allowed, origin));
    }
    answer
}

async fn decide(
    g: &Inner,
    request: &JsValue,
    heads: &[(String, String)],
    allowed: Option<&str>,
    origin: Option<&str>,
) -> Answer {
    let method = string(request, "method");
    let target = string(request, "target");
    let path = target.split('?').next().unwrap_or("");
    if method == "OPTIONS" {
        let requested = header(heads, "access-control-request-method");
        let base = &g.config.base_path;
        if let Some(answer) = preflight(allowed, origin, base, &target, requested) {
            return answer;
        }
    }
    if let Some(hook) = g.config.webhook.as_ref().filter(|w| w.path == path) {
        if method != "POST" {
            return Answer::refusal(&Refusal {
                allow: Some("POST".into()),
                ..Refusal::new(405, "method_not_allowed", "the webhook path takes POST")
            });
        }
        return webhook(g, request, heads, hook)
            .await
            .unwrap_or_else(|r| Answer::refusal(&r));
    }
    if path.strip_prefix(g.config.base_path.as_str()) == Some("/live") {
        return live(g, request, heads, &method)
            .await
            .unwrap_or_else(|r| Answer::refusal(&r));
    }
    match forward(g, request, heads, &method, &target).await {
        Ok(answer) | Err(answer) => answer,
    }
}

/// `GET {basePath}/live`, authorized like a read (`{ name: 'live', write: false }`): the start
/// of the stream (what a reconnect with `Last-Event-ID` missed); the shell writes the rest.
async fn live(
    g: &Inner,
    request: &JsValue,
    heads: &[(String, String)],
    method: &str,
) -> Result<Answer, Refusal> {
    if method != "GET" {
        return Err(Refusal {
            allow: Some("GET".into()),
            ..Refusal::new(405, "method_not_allowed", "the live stream takes GET")
        });
    }
    if authorize(g, request, "live", false).await.is_none() {
        return Err(Refusal::new(
            403,
            "forbidden",
            "authorize refused the live stream for this request",
        ));
    }
    let last = header(heads, "last-event-id");
    Ok(Answer::live(g.live.borrow().since(last)))
}

/// `authorize(request, { name, write })`: `Some(verdict)` when it said yes (`true` or an
/// object, the audit's `user`), `None` otherwise (also when it threw).
async fn authorize(g: &Inner, request: &JsValue, name: &str, write: bool) -> Option<JsValue> {
    let described = Object::new();
    let [name_key, write_key] = AUTHORIZE_KEYS;
    let _ = Reflect::set(&described, &name_key.into(), &name.into());
    let _ = Reflect::set(&described, &write_key.into(), &write.into());
    let verdict = match g
        .authorize
        .call2(&JsValue::NULL, &get(request, "original"), &described)
    {
        // A thenable is awaited; a plain answer (`true`, an object) is taken as it is.
        Ok(v) if get(&v, "then").is_function() => JsFuture::from(Promise::resolve(&v))
            .await
            .unwrap_or(JsValue::FALSE),
        Ok(v) => v,
        Err(_) => JsValue::FALSE,
    };
    (verdict == JsValue::TRUE || verdict.is_object()).then_some(verdict)
}

async fn forward(
    g: &Inner,
    request: &JsValue,
    heads: &[(String, String)],
    method: &str,
    target: &str,
) -> Result<Answer, Answer> {
    let refused = |r: Refusal| Answer::refusal(&r);
    let route = route(&g.config.base_path, method, target).map_err(refused)?;
    let op = route.operation;
    if !g.config.allows(op) {
        return Err(refused(Refusal::new(
            403,
            "operation_not_allowed",
            format!(
                "{} is not allowed through this gateway (its allow option)",
                op.name
            ),
        )));
    }
    let write = op.method.is_write();
    let Some(verdict) = authorize(g, request, op.name, write).await else {
        return Err(refused(Refusal::new(
            403,
            "forbidden",
            format!("authorize refused {} for this request", op.name),
        )));
    };
    let length = header(heads, "content-length").and_then(|v| v.parse::<u64>().ok());
    check_body_headers(&route, header(heads, "content-type"), length).map_err(refused)?;
    let body = if write {
        read_body(request).await.map_err(refused)?
    } else {
        Vec::new()
    };
    let upstream = prepare(&route, &body).map_err(refused)?;
    let mut call = Call::new(&upstream, &g.config.client);
    if write {
        call = call.once();
    }
    let key = g.config.client.api_key.as_deref().unwrap_or_default();
    let answer = match exchange(&call, &[], true).await {
        Ok(reply) => Answer::upstream(reply.status, &reply.body, reply.request_id.as_deref(), key),
        Err(e) => Answer::no_answer(&e, op.name),
    };
    if write {
        let entry = AuditEntry {
            time: js_sys::Date::new_0().to_iso_string().into(),
            operation: op.name,
            portout_id: route.segments.first().cloned(),
            status: answer.status,
            request_id: answer
                .headers
                .iter()
                .find(|(k, _)| k == "x-request-id")
                .map(|(_, v)| v.clone()),
        };
        let entry = to_js(&entry);
        if verdict.is_object() {
            let _ = Reflect::set(&entry, &"user".into(), &verdict);
        }
        let _ = g.audit.call1(&JsValue::NULL, &entry);
    }
    Ok(answer)
}
