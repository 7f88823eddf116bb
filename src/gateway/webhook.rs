//! Telnyx's signed webhooks, the rules before and after the signature check: the headers
//! (`telnyx-signature-ed25519`, `telnyx-timestamp`, any letter case, the first one given), the
//! strict padded base64 of the key and the signature, the digits-only timestamp within the
//! tolerance, the signed message (`{timestamp}|{raw body}`), then the delivered envelope and its
//! payload, validated by the library's one validator. The decisions are the official SDK's
//! (`TelnyxWebhook.verify`, telnyx 7.24.0); the Ed25519 check itself is the platform's
//! (WebCrypto), done by the boundary between [`signed_message`] and [`read_delivery`].

use crate::client::datetime::{parse_instant, DayEnd};
use crate::client::error::{Error, ErrorCode};
use crate::client::input::Input;
use crate::client::options::integer;
use crate::client::read::Reader;
use serde::Deserialize;
use telnyx_portouts_schema::{validate, Field, Schema, Ty};

/// The length of an Ed25519 public key.
pub const PUBLIC_KEY_BYTES: usize = 32;
/// The length of an Ed25519 signature.
pub const SIGNATURE_BYTES: usize = 64;
/// The signature header.
pub const SIGNATURE_HEADER: &str = "telnyx-signature-ed25519";
/// The timestamp header.
pub const TIMESTAMP_HEADER: &str = "telnyx-timestamp";

/// Strict, padded base64 (the standard alphabet, length a multiple of 4, `=` only at the end,
/// at most two), as the SDK decodes it; `None` otherwise.
pub fn decode_base64(s: &str) -> Option<Vec<u8>> {
    let b = s.as_bytes();
    let padding = b.iter().rev().take_while(|c| **c == b'=').count();
    if b.is_empty() || b.len() % 4 != 0 || padding > 2 {
        return None;
    }
    let digit = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => 0,
            _ => return None,
        } as u32)
    };
    let body = b.len() - padding;
    if b.get(..body)?.contains(&b'=') {
        return None;
    }
    let mut out = Vec::with_capacity(b.len() / 4 * 3);
    for chunk in b.chunks(4) {
        let mut n = 0u32;
        for c in chunk {
            n = (n << 6) | digit(*c)?;
        }
        out.extend_from_slice(&[(n >> 16) as u8, (n >> 8) as u8, n as u8]);
    }
    out.truncate(b.len() / 4 * 3 - padding);
    Some(out)
}

/// The first header named `name` in any letter case (the SDK's lookup).
pub fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

fn bad_signature(why: &str) -> Error {
    Error::new(
        ErrorCode::InvalidSignature,
        format!("The webhook is not verified: {why}."),
    )
}

/// What the Ed25519 check needs: the signed message and the signature.
#[derive(Debug, PartialEq, Eq)]
pub struct Signed {
    /// `{timestamp}|{raw body}`, the bytes Telnyx signed.
    pub message: Vec<u8>,
    /// The 64-byte signature.
    pub signature: Vec<u8>,
}

/// Checks the headers of a delivery of `body` received at `now` (Unix seconds) and returns
/// what to verify; `invalid_signature` on a missing or malformed header or a timestamp more
/// than `tolerance` seconds from now.
pub fn signed_message(
    headers: &[(String, String)],
    body: &[u8],
    now: i64,
    tolerance: u32,
) -> Result<Signed, Error> {
    let signature = header(headers, SIGNATURE_HEADER)
        .filter(|v| !v.is_empty())
        .ok_or_else(|| bad_signature("the Telnyx-Signature-Ed25519 header is missing"))?;
    let timestamp = header(headers, TIMESTAMP_HEADER)
        .filter(|v| !v.is_empty())
        .ok_or_else(|| bad_signature("the Telnyx-Timestamp header is missing"))?;
    let seconds = Some(timestamp)
        .filter(|t| t.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|t| t.parse::<u64>().ok())
        .filter(|n| *n <= telnyx_portouts_schema::MAX_SAFE_INTEGER)
        .ok_or_else(|| bad_signature("Telnyx-Timestamp is not a number of seconds"))?;
    if (i128::from(now) - i128::from(seconds)).unsigned_abs() > u128::from(tolerance) {
        return Err(bad_signature(&format!(
            "Telnyx-Timestamp is more than {tolerance} s from now (a replay, or a clock off)"
        )));
    }
    let signature = decode_base64(signature)
        .filter(|s| s.len() == SIGNATURE_BYTES)
        .ok_or_else(|| {
            bad_signature("Telnyx-Signature-Ed25519 is not 64 bytes of padded base64")
        })?;
    let mut message = Vec::with_capacity(timestamp.len() + 1 + body.len());
    message.extend_from_slice(timestamp.as_bytes());
    message.push(b'|');
    message.extend_from_slice(body);
    Ok(Signed { message, signature })
}

/// `portout.status_changed`'s payload.
static STATUS_CHANGED: Schema = Schema::new(
    "a portout.status_changed payload",
    &[
        Field::optional("attempted_pin", Ty::Str),
        Field::optional("carrier_name", Ty::Str),
        Field::required("id", Ty::Str),
        Field::optional("phone_numbers", Ty::StrList),
        Field::optional("rejection_reason", Ty::Str),
        Field::optional("spid", Ty::Str),
        Field::required("status", Ty::Str),
        Field::optional("subscriber_name", Ty::Str),
        Field::optional("user_id", Ty::Str),
    ],
);
/// `portout.new_comment`'s payload.
static NEW_COMMENT: Schema = Schema::new(
    "a portout.new_comment payload",
    &[
        Field::required("comment", Ty::Str),
        Field::required("id", Ty::Str),
        Field::required("portout_id", Ty::Str),
        Field::optional("user_id", Ty::Str),
    ],
);
/// `portout.foc_date_changed`'s payload.
static FOC_DATE_CHANGED: Schema = Schema::new(
    "a portout.foc_date_changed payload",
    &[
        Field::required("foc_date", Ty::Str),
        Field::required("id", Ty::Str),
        Field::optional("user_id", Ty::Str),
    ],
);

/// The data and envelope of a delivery whose payload has the type `payload`.
macro_rules! envelope {
    ($data:ident, $envelope:ident, $payload:expr) => {
        static $data: Schema = Schema::new(
            "the delivery's data",
            &[
                Field::required("event_type", Ty::Str),
                Field::required("id", Ty::Str),
                Field::optional("occurred_at", Ty::Str),
                Field::required("payload", $payload),
                Field::required("record_type", Ty::Str),
            ],
        );
        static $envelope: Schema = Schema::new(
            "a webhook delivery",
            &[
                Field::required("data", Ty::Object(&$data)),
                Field::optional("meta", Ty::Object(&META)),
            ],
        );
    };
}
envelope!(
    STATUS_CHANGED_DATA,
    STATUS_CHANGED_DELIVERY,
    Ty::Object(&STATUS_CHANGED)
);
envelope!(
    NEW_COMMENT_DATA,
    NEW_COMMENT_DELIVERY,
    Ty::Object(&NEW_COMMENT)
);
envelope!(
    FOC_DATE_CHANGED_DATA,
    FOC_DATE_CHANGED_DELIVERY,
    Ty::Object(&FOC_DATE_CHANGED)
);
// Any delivery, before its type is known (its payload is then checked by its type's schema).
envelope!(DATA, ENVELOPE, Ty::Any);

/// The port-out event types, with the schema of a delivery of each.
pub const EVENT_TYPES: [(&str, &Schema); 3] = [
    ("portout.status_changed", &STATUS_CHANGED_DELIVERY),
    ("portout.new_comment", &NEW_COMMENT_DELIVERY),
    ("portout.foc_date_changed", &FOC_DATE_CHANGED_DELIVERY),
];

static META: Schema = Schema::new(
    "the delivery's meta",
    &[
        Field::optional("attempt", Ty::Int),
        Field::optional("delivered_to", Ty::Str),
    ],
);

fn invalid(path: &str, why: &str) -> Error {
    let what = if path.is_empty() {
        "the delivery"
    } else {
        path
    };
    let mut e = Error::new(
        ErrorCode::InvalidWebhook,
        format!("The webhook delivery is not valid: {what} {why}."),
    );
    e.path = Some(path.to_string());
    e
}

/// Validates `body` as a delivery of the port-out event type `event_type` (envelope and
/// payload); returns the type's name. `invalid_webhook`, naming the bad value, otherwise. The
/// gateway runs it after reading the type from the body, before an event reaches the stream.
pub fn check_event(event_type: &str, body: &str) -> Result<&'static str, Error> {
    let (name, schema) = EVENT_TYPES
        .iter()
        .find(|(t, _)| *t == event_type)
        .ok_or_else(|| invalid("data.event_type", "is not a port-out event type"))?;
    validate(body, schema).map_err(|f| invalid(&f.path, &f.reason))?;
    Ok(name)
}

#[derive(Deserialize)]
struct Head {
    data: HeadData,
}
#[derive(Deserialize)]
struct HeadData {
    event_type: String,
    id: String,
    record_type: String,
}

/// A verified delivery's event, as the gateway passes it on.
#[derive(Debug, PartialEq, Eq)]
pub struct Delivery {
    /// `data.id`: the event's id (deliveries of one event share it).
    pub id: String,
    /// `data.event_type`.
    pub event_type: &'static str,
}

/// Validates a verified delivery's body: the envelope, then the payload of its event type.
/// `Ok(None)` for a valid delivery of another event type (acknowledged, not passed on);
/// `invalid_webhook` naming the bad value otherwise.
pub fn read_delivery(body: &str) -> Result<Option<Delivery>, Error> {
    // Any delivery's envelope, with the path of what is wrong (the port-out types' own
    // schemas check theirs below, so a port-out delivery is parsed twice, not three times).
    let envelope = || validate(body, &ENVELOPE).map_err(|f| invalid(&f.path, &f.reason));
    let head: Head = match serde_json::from_str(body) {
        Ok(head) => head,
        Err(e) => {
            envelope()?;
            // What the schema lets pass and this does not: `data` or one of its `event_type`,
            // `id` and `record_type` given twice (which one would count is ambiguous).
            return Err(invalid("data", &format!("cannot be read ({e})")));
        }
    };
    let port_out = EVENT_TYPES.iter().any(|(t, _)| *t == head.data.event_type);
    if !port_out {
        envelope()?;
    }
    if head.data.record_type != "event" {
        return Err(invalid("data.record_type", "must be 'event'"));
    }
    if !port_out {
        return Ok(None);
    }
    Ok(Some(Delivery {
        event_type: check_event(&head.data.event_type, body)?,
        id: head.data.id,
    }))
}

/// The options of `unwrapPortoutWebhook`: `{ publicKey, toleranceSeconds?, now? }` (`now` a
/// `Date` or epoch milliseconds, as `Date.now()`; default: the clock).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnwrapOptions {
    /// The account's Ed25519 public key.
    pub public_key: Vec<u8>,
    /// How far the signed timestamp may be from now.
    pub tolerance_seconds: u32,
    /// Now, in Unix seconds.
    pub now_seconds: i64,
}

/// The keys of [`UnwrapOptions`].
pub const UNWRAP_OPTIONS: [&str; 3] = ["publicKey", "toleranceSeconds", "now"];

impl UnwrapOptions {
    /// Reads the options; `clock_ms` is now by the platform's clock.
    pub fn from_input(v: &Input, clock_ms: f64) -> Result<UnwrapOptions, Error> {
        const R: Reader = Reader(ErrorCode::InvalidOptions);
        let members = R
            .object(v, "options", "{ publicKey, toleranceSeconds, now }")?
            .unwrap_or_default();
        let mut o = UnwrapOptions {
            public_key: Vec::new(),
            tolerance_seconds: crate::gateway::config::DEFAULT_TOLERANCE_SECONDS,
            now_seconds: (clock_ms / 1000.0).floor() as i64,
        };
        for (key, value, at) in R.members(members, "", &UNWRAP_OPTIONS)? {
            if value.is_unset() {
                continue;
            }
            match key {
                "publicKey" => {
                    o.public_key = decode_base64(&R.string(value, &at)?)
                        .filter(|k| k.len() == PUBLIC_KEY_BYTES)
                        .ok_or_else(|| Error::invalid_options(&at, "must be the account's Ed25519 public key: 32 bytes in padded base64"))?;
                }
                "toleranceSeconds" => o.tolerance_seconds = integer(value, &at, 1, 3600)?,
                _ => {
                    let ms = match value {
                        Input::Number(n) if n.is_finite() => *n,
                        Input::Date(Some(iso)) => parse_instant(iso, DayEnd::Start)
                            .map_err(|why| Error::invalid_options(&at, why))?
                            as f64,
                        other => {
                            return Err(Error::invalid_options(
                                &at,
                                &format!(
                                    "must be a Date or epoch milliseconds, got {}",
                                    other.describe()
                                ),
                            ))
                        }
                    };
                    o.now_seconds = (ms / 1000.0).floor() as i64;
                }
            }
        }
        if o.public_key.is_empty() {
            return Err(Error::invalid_options(
                "publicKey",
                "is required: the account's Ed25519 public key (base64)",
            ));
        }
        Ok(o)
    }
}

#[cfg(test)]
#[path = "webhook_tests.rs"]
mod tests;
