// Types of `telnyx-portouts/gateway` (hand-written; a host test in src/api/contract.rs checks the
// option names against Rust's GATEWAY_OPTIONS and WEBHOOK_OPTIONS in src/gateway/config.rs and
// UNWRAP_OPTIONS in src/gateway/webhook.rs).
import type { PortoutsError } from '../models.js';
import type { PortoutEventPayload, PortoutEventType } from '../responses.js';

/** What `authorize` is told about the request's operation. */
export interface GatewayOperation {
  /** The operation's JS name (`listPortouts`). */
  name: string;
  /** Whether it changes something (POST, PATCH). */
  write: boolean;
}

/** One forwarded write, as `audit` receives it: no key, no body text. */
export interface GatewayAuditEntry {
  time: string;
  operation: string;
  portoutId?: string;
  status: number;
  requestId: string | null;
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

/** The options of `unwrapPortoutWebhook`. */
export interface UnwrapOptions {
  publicKey: string;
  /** Default 300. */
  toleranceSeconds?: number;
  /** A `Date` or epoch milliseconds; default the clock. */
  now?: Date | number;
}

export interface GatewayOptions {
  /** The Telnyx API key; it never leaves the server. */
  apiKey: string;
  /** Default `https://api.telnyx.com/v2`; plain http only to a loopback host. */
  upstream?: string;
  /** Default `/api/telnyx`: what the page passes as `baseUrl`. */
  basePath?: string;
  /** The operations that go through; default the nine reads. */
  allow?: string[];
  /** Who may do what; `false` → 403. An object counts as yes and is the audit entry's `user`. */
  authorize: (request: unknown, operation: GatewayOperation) => boolean | object | Promise<boolean | object>;
  /** Each forwarded write; default one JSON line on stderr. */
  audit?: (entry: GatewayAuditEntry) => void;
  webhook?: GatewayWebhookOptions;
  /** One origin granted CORS (never `*`). */
  cors?: { origin: string };
  timeoutMs?: number;
  maxRetries?: number;
}

export interface PortoutsGateway {
  /** Workers, Deno.serve, Bun.serve. */
  fetch(request: Request): Promise<Response>;
  /** A node:http listener (Express, Fastify's raw handler). */
  node(req: unknown, res: unknown): void;
  readonly basePath: string;
  /** Called with each new verified port-out event; returns an unsubscribe function. */
  onEvent(listener: (id: string, eventType: string, json: string) => void): () => void;
}

export function createPortoutsGateway(options: GatewayOptions): PortoutsGateway;

/** A verified port-out webhook delivery. */
export interface PortoutWebhook {
  /** `payload` has its `event_type`'s fields (the same model as the events API's records). */
  data: { event_type: PortoutEventType; id: string; occurred_at?: string; payload: PortoutEventPayload; record_type: 'event' };
  meta?: { attempt?: number; delivered_to?: string };
}

export function unwrapPortoutWebhook(
  rawBody: string | Uint8Array,
  headers: Record<string, string> | Headers,
  options: UnwrapOptions,
): Promise<PortoutWebhook>;

/** Instantiates the wasm where Node's fs is not available (Workers). */
export function initGateway(module: WebAssembly.Module | BufferSource): void;

export { PortoutsError };
