// What the package's TypeScript has no Rust declaration to generate from: the page objects
// (their methods are JS) and the error class (Rust fills its properties; `tsc --noEmit` checks
// tests/types/consumer.ts). What the package takes is generated: inputs.d.ts; the response
// models too: responses.d.ts.
import type { PortoutsErrorCode } from './error-codes.js';
import type { PageMeta, Portout } from './responses.js';

/** One page of a paged list of `T`. */
export interface Page<T> {
  data: T[];
  meta: PageMeta;
  /** The response's `x-request-id`, when the server exposes it. */
  requestId?: string;
  /** `meta.page_number < meta.total_pages` and this page is not empty. */
  hasNextPage(): boolean;
  /** The next page, with the same query and options; rejects (`no_next_page`) after the last. */
  nextPage(): Promise<Page<T>>;
}

/** One page of port-outs. */
export type PortoutPage = Page<Portout>;

/** One entry of a Telnyx `errors[]` array. */
export interface TelnyxApiError {
  code?: string | number;
  title?: string;
  detail?: string;
  source?: { pointer?: string; parameter?: string };
  meta?: Record<string, unknown>;
}

/** The one error type of the package. */
export class PortoutsError extends Error {
  readonly name: 'PortoutsError';
  readonly code: PortoutsErrorCode;
  /** The field, option or response location the error is about (`filter.status_in[1]`, `data[3].id`). */
  readonly path?: string;
  readonly status?: number;
  readonly requestId?: string;
  readonly errors?: TelnyxApiError[];
  /** The page a list-all call failed on. */
  readonly page?: number;
  /** Whether the same call may succeed if tried again. */
  readonly retryable: boolean;
  private constructor();
}
