// Types of `telnyx-portouts/gateway`: the options and what the callbacks receive are generated
// from Rust's lists (./options.d.ts); this file declares the functions (hand-written).
import type { PortoutsError } from '../models.js';
import type { GatewayOptions, UnwrapOptions } from './options.js';
import type { PortoutEventPayload, PortoutEventType } from '../responses.js';

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
export type { GatewayAuditEntry, GatewayCorsOptions, GatewayOperation, GatewayOptions, GatewayWebhookOptions, UnwrapOptions } from './options.js';
