//! Telnyx's signed webhooks at the boundary: the gateway's receiver ([`webhook`]) and
//! `unwrapPortoutWebhook` for users with their own server ([`unwrap_webhook`]). The rules
//! are the core's (`crate::gateway::webhook`); the Ed25519 check is WebCrypto's.

use super::convert::to_input;
use super::errors::error_to_js;
use super::gateway::{pairs, read_body, Inner};
use super::js::{ed25519_import, ed25519_verify, json_parse};
use crate::client::error::{Error, ErrorCode};
use crate::gateway::answer::Answer;
use crate::gateway::config::WebhookConfig;
use crate::gateway::refusal::Refusal;
use crate::gateway::webhook::{read_delivery, signed_message, UnwrapOptions};
use js_sys::{Array, JsString, Promise, Uint8Array};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{future_to_promise, JsFuture};

/// A webhook delivery to `hook`'s path: verified, validated, passed on once; a signed delivery
/// that is not a valid port-out event is acknowledged (so Telnyx stops retrying) and logged.
pub(crate) async fn webhook(
    g: &Inner,
    request: &JsValue,
    heads: &[(String, String)],
    hook: &WebhookConfig,
) -> Result<Answer, Refusal> {
    let body = read_body(request).await?;
    let now = js_sys::Date::now() / 1000.0;
    verified(
        heads,
        &body,
        now.floor() as i64,
        hook.tolerance_seconds,
        &hook.public_key,
    )
    .await
    .map_err(|e| Refusal::new(401, "invalid_signature", e.message.clone()))?;
    let ack = Answer::received;
    let Ok(text) = std::str::from_utf8(&body) else {
        web_sys::console::warn_1(&"telnyx-portouts gateway: a signed webhook body is not UTF-8; acknowledged, not passed on".into());
        return Ok(ack("not passed on"));
    };
    match read_delivery(text) {
        Err(e) => {
            web_sys::console::warn_1(
                &format!(
                    "telnyx-portouts gateway: {}; acknowledged, not passed on",
                    e.message
                )
                .into(),
            );
            Ok(ack("not passed on"))
        }
        Ok(None) => Ok(ack("not a port-out event")),
        Ok(Some(d)) => {
            if g.seen.borrow_mut().first_time(&d.id, now) {
                let message = g.live.borrow_mut().push(&d.id, d.event_type, text);
                let args = Array::of4(
                    &d.id.into(),
                    &d.event_type.into(),
                    &text.into(),
                    &message.into(),
                );
                let _ = g.on_event.apply(&JsValue::NULL, &args);
                Ok(ack("passed on"))
            } else {
                Ok(ack("duplicate"))
            }
        }
    }
}

/// Checks that `body` is signed as Telnyx signs it: the headers' signature over
/// `{timestamp}|{body}` with the public key `raw`, the timestamp within `tolerance` seconds of
/// `now`. `invalid_signature`, saying what is wrong, otherwise.
async fn verified(
    heads: &[(String, String)],
    body: &[u8],
    now: i64,
    tolerance: u32,
    raw: &[u8],
) -> Result<(), Error> {
    let signed = signed_message(heads, body, now, tolerance)?;
    let key = kept_key(raw).await?;
    if verify(&key, &signed.signature, &signed.message).await {
        Ok(())
    } else {
        Err(Error::new(
            ErrorCode::InvalidSignature,
            "The webhook is not verified: the signature does not match the body and timestamp.",
        ))
    }
}

/// How many imported public keys `unwrapPortoutWebhook` keeps (an account has one; a server
/// may serve a few).
const KEPT_KEYS: usize = 4;

thread_local! {
    /// The last imported keys, newest last: a WebCrypto key per raw key, so each delivery is
    /// one `verify`, not an `importKey` and a `verify`.
    static KEYS: RefCell<Vec<(Vec<u8>, JsValue)>> = const { RefCell::new(Vec::new()) };
}

/// The WebCrypto key of `raw`, imported once (kept among the last [`KEPT_KEYS`]).
async fn kept_key(raw: &[u8]) -> Result<JsValue, Error> {
    if let Some(key) = KEYS.with(|k| {
        k.borrow()
            .iter()
            .find(|(r, _)| r == raw)
            .map(|(_, key)| key.clone())
    }) {
        return Ok(key);
    }
    let key = import_key(raw).await?;
    KEYS.with(|k| {
        let mut k = k.borrow_mut();
        if k.len() == KEPT_KEYS {
            k.remove(0);
        }
        k.push((raw.to_vec(), key.clone()));
    });
    Ok(key)
}

/// Imports a 32-byte Ed25519 public key.
async fn import_key(raw: &[u8]) -> Result<JsValue, Error> {
    let failed = || {
        Error::new(ErrorCode::InvalidSignature, "The webhook is not verified: this platform's WebCrypto has no Ed25519 (Node >= 20, Deno, Workers have it).")
    };
    let promise = ed25519_import(&Uint8Array::from(raw)).map_err(|_| failed())?;
    JsFuture::from(promise).await.map_err(|_| failed())
}

/// WebCrypto's Ed25519 verdict on `signature` over `message` (false on any error).
async fn verify(key: &JsValue, signature: &[u8], message: &[u8]) -> bool {
    let Ok(promise) = ed25519_verify(
        key,
        &Uint8Array::from(signature),
        &Uint8Array::from(message),
    ) else {
        return false;
    };
    JsFuture::from(promise)
        .await
        .map(|v| v == JsValue::TRUE)
        .unwrap_or(false)
}

/// Verifies and validates one delivery: `body` its raw bytes, `headers` `[name, value]` pairs
/// (any case), `options` `{ publicKey, toleranceSeconds?, now? }`. Resolves to the envelope
/// `{ data, meta }`; rejects with a `PortoutsError` (`invalid_signature`, `invalid_webhook`,
/// `invalid_options`).
#[wasm_bindgen(js_name = unwrapWebhook)]
pub fn unwrap_webhook(body: Uint8Array, headers: Array, options: JsValue) -> Promise {
    let read = to_input(&options, "options", ErrorCode::InvalidOptions)
        .and_then(|o| UnwrapOptions::from_input(&o, js_sys::Date::now()));
    let pairs = pairs(&headers);
    let body = body.to_vec();
    future_to_promise(async move {
        let unwrap = async {
            let o = read?;
            verified(
                &pairs,
                &body,
                o.now_seconds,
                o.tolerance_seconds,
                &o.public_key,
            )
            .await?;
            let text = std::str::from_utf8(&body).map_err(|_| {
                Error::new(
                    ErrorCode::InvalidWebhook,
                    "The webhook delivery is not valid: the body is not UTF-8.",
                )
            })?;
            if read_delivery(text)?.is_none() {
                return Err(Error::new(ErrorCode::InvalidWebhook, "The webhook delivery is not valid: it is not a port-out event (portout.status_changed, portout.new_comment, portout.foc_date_changed)."));
            }
            json_parse(&JsString::from(text)).map_err(|_| {
                Error::new(
                    ErrorCode::InvalidWebhook,
                    "The webhook delivery is not valid JSON.",
                )
            })
        };
        unwrap.await.map_err(|e| error_to_js(&e))
    })
}
