//! The gateway's options, read once at creation: a bad one throws then, naming it
//! (`invalid_options`), so a gateway that runs is configured. The API key and the upstream
//! follow the client's own rules (a visible-ASCII key; plain http only to a loopback host).

use super::webhook::{decode_base64, PUBLIC_KEY_BYTES};
use crate::api::operations::OPERATIONS;
use crate::client::error::{Error, ErrorCode};
use crate::client::input::{Input, Opaque};
use crate::client::operation::Operation;
use crate::client::options::{integer, ClientOptions};
use crate::client::read::Reader;

/// The gateway's option names.
pub const GATEWAY_OPTIONS: [&str; 10] = [
    "apiKey",
    "upstream",
    "basePath",
    "allow",
    "authorize",
    "audit",
    "webhook",
    "cors",
    "timeoutMs",
    "maxRetries",
];

/// The keys of `webhook`.
pub const WEBHOOK_OPTIONS: [&str; 3] = ["publicKey", "path", "toleranceSeconds"];

/// The keys of `cors`.
pub const CORS_OPTIONS: [&str; 1] = ["origin"];

/// What `authorize(request, operation)` is told in `operation`: the JS name, and whether it
/// is a write.
pub const AUTHORIZE_KEYS: [&str; 2] = ["name", "write"];

/// Where the gateway answers by default (what the page passes as `baseUrl`).
pub const DEFAULT_BASE_PATH: &str = "/api/telnyx";
/// The webhook signature's default tolerance, as the official SDK's.
pub const DEFAULT_TOLERANCE_SECONDS: u32 = 300;

/// A validated gateway configuration (the JS functions `authorize` and `audit` stay in JS;
/// this says that they were given).
#[derive(Debug)]
pub struct GatewayConfig {
    /// The upstream client's options: the key, the upstream as `baseUrl`, timeout, retries.
    pub client: ClientOptions,
    /// The path prefix the gateway serves (`/api/telnyx`; empty for the root).
    pub base_path: String,
    /// The operations that go through.
    pub allow: Vec<&'static Operation>,
    /// The webhook receiver, when configured.
    pub webhook: Option<WebhookConfig>,
    /// The one origin granted CORS, when configured.
    pub cors_origin: Option<String>,
}

/// The webhook receiver's options.
#[derive(Debug, Clone)]
pub struct WebhookConfig {
    /// The account's Ed25519 public key.
    pub public_key: [u8; 32],
    /// The path Telnyx posts to.
    pub path: String,
    /// How far the signed timestamp may be from now.
    pub tolerance_seconds: u32,
}

const R: Reader = Reader(ErrorCode::InvalidOptions);

impl GatewayConfig {
    /// Reads the options object of `createPortoutsGateway`.
    pub fn from_input(v: &Input) -> Result<GatewayConfig, Error> {
        let members = R
            .object(v, "options", "{ apiKey, authorize, ... }")?
            .unwrap_or_default();
        let mut client = Vec::new();
        let mut config = GatewayConfig {
            client: ClientOptions::default(),
            base_path: DEFAULT_BASE_PATH.to_string(),
            allow: OPERATIONS
                .iter()
                .filter(|op| !op.method.is_write())
                .collect(),
            webhook: None,
            cors_origin: None,
        };
        let mut has_authorize = false;
        for (key, value, at) in R.members(members, "", &GATEWAY_OPTIONS)? {
            if value.is_unset() {
                continue;
            }
            match key {
                "apiKey" | "timeoutMs" | "maxRetries" => {
                    client.push((key.to_string(), value.clone()))
                }
                "upstream" => client.push(("baseUrl".to_string(), value.clone())),
                "basePath" => config.base_path = base_path(value, &at)?,
                "allow" => config.allow = allow(value)?,
                "authorize" | "audit" => {
                    function(value, &at)?;
                    has_authorize |= key == "authorize";
                }
                "webhook" => config.webhook = Some(webhook(value)?),
                _ => config.cors_origin = Some(cors(value)?),
            }
        }
        if !client.iter().any(|(k, _)| k == "apiKey") {
            return Err(Error::invalid_options(
                "apiKey",
                "is required: the Telnyx API key the gateway adds (it never leaves the server)",
            ));
        }
        if !has_authorize {
            return Err(Error::invalid_options("authorize", "is required: (request, operation) => boolean, who may do what (pass () => true to let every caller through)"));
        }
        config.client =
            ClientOptions::from_input(&Input::Object(client), &[]).map_err(upstream_named)?;
        if !config.client.base_url.starts_with("http") {
            return Err(Error::invalid_options(
                "upstream",
                "must be an absolute http(s) URL",
            ));
        }
        config.client.check_transport().map_err(upstream_named)?;
        Ok(config)
    }

    /// True when `op` may go through.
    pub fn allows(&self, op: &Operation) -> bool {
        self.allow.iter().any(|a| std::ptr::eq(*a, op))
    }
}

/// The client's messages about `baseUrl` are about `upstream` here.
fn upstream_named(mut e: Error) -> Error {
    if e.path.as_deref() == Some("baseUrl") {
        e.path = Some("upstream".into());
    }
    e.message = e.message.replace("baseUrl", "upstream");
    e
}

fn function(v: &Input, at: &str) -> Result<(), Error> {
    match v {
        Input::Opaque(Opaque::Function) => Ok(()),
        other => Err(Error::invalid_options(
            at,
            &format!("must be a function, got {}", other.describe()),
        )),
    }
}

/// A path prefix: `/` then segments of letters, digits, `-`, `_`, `.` (no `..`), no trailing `/`.
fn base_path(v: &Input, at: &str) -> Result<String, Error> {
    let s = R.string(v, at)?;
    let path = s.trim_end_matches('/');
    let segment_ok = |seg: &str| {
        !seg.is_empty()
            && seg != ".."
            && seg != "."
            && seg
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
    };
    if !(path.is_empty() || path.starts_with('/') && path.split('/').skip(1).all(segment_ok)) {
        return Err(Error::invalid_options(at, "must be a path like '/api/telnyx' (letters, digits, '-', '_', '.'; or '' or '/' for the root)"));
    }
    Ok(path.to_string())
}

fn allow(v: &Input) -> Result<Vec<&'static Operation>, Error> {
    let names: Vec<(&str, &'static Operation)> =
        OPERATIONS.iter().map(|op| (op.name, op)).collect();
    let ops = R.array(v, "allow", |item, at| {
        R.choice(item, at, &names, "an operation's name")
    })?;
    Ok(ops.unwrap_or_default())
}

fn webhook(v: &Input) -> Result<WebhookConfig, Error> {
    let members = R
        .object(v, "webhook", "{ publicKey, path, toleranceSeconds }")?
        .unwrap_or_default();
    let (mut key, mut path, mut tolerance) = (None, None, DEFAULT_TOLERANCE_SECONDS);
    for (name, value, at) in R.members(members, "webhook.", &WEBHOOK_OPTIONS)? {
        if value.is_unset() {
            continue;
        }
        match name {
            "publicKey" => {
                let s = R.string(value, &at)?;
                let bytes = decode_base64(&s).filter(|b| b.len() == PUBLIC_KEY_BYTES);
                key = Some(bytes.and_then(|b| <[u8; 32]>::try_from(b).ok()).ok_or_else(|| {
                    Error::invalid_options(&at, "must be the account's Ed25519 public key: 32 bytes in padded base64 (Mission Control, Keys & Credentials)")
                })?);
            }
            "path" => {
                let p = base_path(value, &at)?;
                if p.is_empty() {
                    return Err(Error::invalid_options(
                        &at,
                        "must be a path like '/api/telnyx/webhooks'",
                    ));
                }
                path = Some(p);
            }
            _ => tolerance = integer(value, &at, 1, 3600)?,
        }
    }
    Ok(WebhookConfig {
        public_key: key
            .ok_or_else(|| Error::invalid_options("webhook.publicKey", "is required"))?,
        path: path.ok_or_else(|| Error::invalid_options("webhook.path", "is required"))?,
        tolerance_seconds: tolerance,
    })
}

/// `{ origin }`: one exact origin (`https://app.example`), never `*`.
fn cors(v: &Input) -> Result<String, Error> {
    let members = R.object(v, "cors", "{ origin }")?.unwrap_or_default();
    let mut origin = None;
    for (_, value, at) in R.members(members, "cors.", &CORS_OPTIONS)? {
        let s = R.string(value, &at)?;
        let (scheme, host) = s.split_once("://").unwrap_or(("", ""));
        let host_ok = !host.is_empty()
            && host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b));
        if !(matches!(scheme, "http" | "https") && host_ok) {
            return Err(Error::invalid_options(&at, "must be one origin like 'https://app.example' (scheme and host, no path; never '*')"));
        }
        origin = Some(s);
    }
    origin.ok_or_else(|| Error::invalid_options("cors.origin", "is required"))
}

#[cfg(test)]
#[path = "config_tests.rs"]
mod tests;
