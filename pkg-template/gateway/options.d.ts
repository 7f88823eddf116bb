// Generated from the gateway's option lists (src/api/generated_gateway.rs) by
// `UPDATE_GENERATED=1 cargo test --lib generated`; a host test fails when this file
// differs from what Rust writes. Do not edit.

/** What `authorize` is told about the request's operation. */
export interface GatewayOperation {
  /** The operation's JS name (`listPortouts`), or `'live'` for the live stream. */
  name: string;
  /** Whether it changes something (POST, PATCH). */
  write: boolean;
}

/** One forwarded write, as `audit` receives it: no key, no body text. */
export interface GatewayAuditEntry {
  /** The operation's JS name. */
  operation: string;
  /** The port-out it is about, when the path names one. */
  portoutId?: string;
  /** Upstream's `x-request-id`. */
  requestId: string | null;
  /** The status answered (502/504 when upstream gave none). */
  status: number;
  /** When it was answered (RFC 3339). */
  time: string;
  /** What `authorize` returned, when it returned an object. */
  user?: unknown;
}

/** The webhook receiver. */
export interface GatewayWebhookOptions {
  /** The account's Ed25519 public key, base64 (Mission Control, Keys & Credentials). */
  publicKey: string;
  /** Where Telnyx posts, like `/api/telnyx/webhooks`. */
  path: string;
  /** How far the signed timestamp may be from now; default 300. */
  toleranceSeconds?: number;
}

/** The CORS grant. */
export interface GatewayCorsOptions {
  /** One origin, like `https://app.example` (never `*`). */
  origin: string;
}

/** The options of `unwrapPortoutWebhook`. */
export interface UnwrapOptions {
  /** The account's Ed25519 public key, base64. */
  publicKey: string;
  /** Default 300. */
  toleranceSeconds?: number;
  /** A `Date` or epoch milliseconds; default the clock. */
  now?: Date | number;
}

/** The options of `createPortoutsGateway`. */
export interface GatewayOptions {
  /** The Telnyx API key; it never leaves the server. */
  apiKey: string;
  /** Default `https://api.telnyx.com/v2`; plain http only to a loopback host. */
  upstream?: string;
  /** Default `/api/telnyx`: what the page passes as `baseUrl`. */
  basePath?: string;
  /** The operations that go through (JS names); default the nine reads. */
  allow?: string[];
  /** Who may do what; `false` → 403. An object counts as yes and is the audit entry's `user`. */
  authorize: (request: unknown, operation: GatewayOperation) => boolean | object | Promise<boolean | object>;
  /** Each forwarded write; default one JSON line on stderr. */
  audit?: (entry: GatewayAuditEntry) => void;
  /** Receive Telnyx's signed webhooks at `webhook.path`. */
  webhook?: GatewayWebhookOptions;
  /** Grant CORS to one origin (none by default). */
  cors?: GatewayCorsOptions;
  /** Per upstream attempt; default 60000. */
  timeoutMs?: number;
  /** For reads (writes are sent once); 0..10, default 2. */
  maxRetries?: number;
}
