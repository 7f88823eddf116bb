//! `pkg-template/gateway/options.d.ts`, written from Rust: what `telnyx-portouts/gateway`
//! takes and hands to its callbacks. Each interface's members are read from the Rust list its
//! reader takes or its writer writes (`GATEWAY_OPTIONS`, `WEBHOOK_OPTIONS`, `CORS_OPTIONS`,
//! `UNWRAP_OPTIONS`, `AUTHORIZE_KEYS`, the audit entry's serialized keys); their TypeScript
//! types and doc lines are the table below, rendered by the same code as `inputs.d.ts`.
//! Checked current by a host test; `UPDATE_GENERATED=1 cargo test --lib generated` rewrites it.

use super::generated::{check_current, header};
use super::generated_inputs::{names, render, Member, Shape};
use crate::gateway::answer::AuditEntry;
use crate::gateway::config::{AUTHORIZE_KEYS, CORS_OPTIONS, GATEWAY_OPTIONS, WEBHOOK_OPTIONS};
use crate::gateway::webhook::UNWRAP_OPTIONS;

const PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/pkg-template/gateway/options.d.ts"
);

/// The key `audit`'s entry gets in JS beside the serialized ones: what `authorize` returned.
const AUDIT_USER: &str = "user";

/// Every member's TypeScript type, whether it is required, and its doc line.
#[rustfmt::skip]
static MEMBERS: &[Member] = &[
    ("GatewayOperation", "name", "string", true, "The operation's JS name (`listPortouts`), or `'live'` for the live stream."),
    ("GatewayOperation", "write", "boolean", true, "Whether it changes something (POST, PATCH)."),
    ("GatewayAuditEntry", "time", "string", true, "When it was answered (RFC 3339)."),
    ("GatewayAuditEntry", "operation", "string", true, "The operation's JS name."),
    ("GatewayAuditEntry", "portoutId", "string", false, "The port-out it is about, when the path names one."),
    ("GatewayAuditEntry", "status", "number", true, "The status answered (502/504 when upstream gave none)."),
    ("GatewayAuditEntry", "requestId", "string | null", true, "Upstream's `x-request-id`."),
    ("GatewayAuditEntry", "user", "unknown", false, "What `authorize` returned, when it returned an object."),
    ("GatewayWebhookOptions", "publicKey", "string", true, "The account's Ed25519 public key, base64 (Mission Control, Keys & Credentials)."),
    ("GatewayWebhookOptions", "path", "string", true, "Where Telnyx posts, like `/api/telnyx/webhooks`."),
    ("GatewayWebhookOptions", "toleranceSeconds", "number", false, "How far the signed timestamp may be from now; default 300."),
    ("GatewayCorsOptions", "origin", "string", true, "One origin, like `https://app.example` (never `*`)."),
    ("UnwrapOptions", "publicKey", "string", true, "The account's Ed25519 public key, base64."),
    ("UnwrapOptions", "toleranceSeconds", "number", false, "Default 300."),
    ("UnwrapOptions", "now", "Date | number", false, "A `Date` or epoch milliseconds; default the clock."),
    ("GatewayOptions", "apiKey", "string", true, "The Telnyx API key; it never leaves the server."),
    ("GatewayOptions", "upstream", "string", false, "Default `https://api.telnyx.com/v2`; plain http only to a loopback host."),
    ("GatewayOptions", "basePath", "string", false, "Default `/api/telnyx`: what the page passes as `baseUrl`."),
    ("GatewayOptions", "allow", "string[]", false, "The operations that go through (JS names); default the nine reads."),
    ("GatewayOptions", "authorize", "(request: unknown, operation: GatewayOperation) => boolean | object | Promise<boolean | object>", true, "Who may do what; `false` → 403. An object counts as yes and is the audit entry's `user`."),
    ("GatewayOptions", "audit", "(entry: GatewayAuditEntry) => void", false, "Each forwarded write; default one JSON line on stderr."),
    ("GatewayOptions", "webhook", "GatewayWebhookOptions", false, "Receive Telnyx's signed webhooks at `webhook.path`."),
    ("GatewayOptions", "cors", "GatewayCorsOptions", false, "Grant CORS to one origin (none by default)."),
    ("GatewayOptions", "timeoutMs", "number", false, "Per upstream attempt; default 60000."),
    ("GatewayOptions", "maxRetries", "number", false, "For reads (writes are sent once); 0..10, default 2."),
];

/// The audit entry's keys, as `audit` receives them.
fn audit_keys() -> Vec<String> {
    let entry = AuditEntry {
        time: String::new(),
        operation: "",
        portout_id: Some(String::new()),
        status: 200,
        request_id: None,
    };
    let value = serde_json::to_value(entry).unwrap();
    let mut keys: Vec<String> = value.as_object().unwrap().keys().cloned().collect();
    keys.push(AUDIT_USER.into());
    keys
}

/// The text of `pkg-template/gateway/options.d.ts`.
pub fn gateway_options_dts() -> String {
    let mut out = header("the gateway's option lists (src/api/generated_gateway.rs)");
    let interface = |list: &[&str]| Shape::Interface(names(list), None);
    #[rustfmt::skip]
    let declarations = vec![
        ("GatewayOperation", "What `authorize` is told about the request's operation.", interface(&AUTHORIZE_KEYS)),
        ("GatewayAuditEntry", "One forwarded write, as `audit` receives it: no key, no body text.", Shape::Interface(audit_keys(), None)),
        ("GatewayWebhookOptions", "The webhook receiver.", interface(&WEBHOOK_OPTIONS)),
        ("GatewayCorsOptions", "The CORS grant.", interface(&CORS_OPTIONS)),
        ("UnwrapOptions", "The options of `unwrapPortoutWebhook`.", interface(&UNWRAP_OPTIONS)),
        ("GatewayOptions", "The options of `createPortoutsGateway`.", interface(&GATEWAY_OPTIONS)),
    ];
    render(&mut out, declarations, MEMBERS);
    out
}

#[test]
fn generated_gateway_options_dts_is_current() {
    check_current(PATH, &gateway_options_dts());
}
