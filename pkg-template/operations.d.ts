// Generated from the operation table (src/api/operations.rs) by
// `UPDATE_GENERATED=1 cargo test --lib generated`; a host test fails when this file
// differs from what Rust writes. Do not edit.
import type { ClientOptions, ListAllOptions, NewPortoutReport, PortoutEventQuery, PortoutListQuery, PortoutRejectionQuery, PortoutReportQuery, PortoutStatusChange, PortoutStatusParams } from './inputs.js';
import type { Portout, PortoutComment, PortoutEvent, PortoutRejection, PortoutReport, PortoutSupportingDocument, SupportingDocumentType } from './responses.js';
import type { Page, PortoutPage } from './models.js';

/** Lists one page of port-outs. (`GET {baseUrl}/portouts`) */
export function listPortouts(query?: PortoutListQuery | null, options?: ClientOptions | null): Promise<PortoutPage>;

/** Lists every page of port-outs (page size 250 unless the query sets one), at most
 *  `concurrency` requests in flight, in page order, without repeated ids. */
export function listAllPortouts(query?: PortoutListQuery | null, options?: ListAllOptions | null): Promise<Portout[]>;

/** Iterates over port-outs, page by page, fetching lazily; `break` stops requesting. */
export function iterPortouts(query?: PortoutListQuery | null, options?: ClientOptions | null): AsyncIterable<Portout> & AsyncIterator<Portout>;

/** Fetches one port-out by id. (`GET {baseUrl}/portouts/{id}`) */
export function getPortout(id: string, options?: ClientOptions | null): Promise<Portout>;

/** Authorizes (`'authorized'`) or rejects (`'rejected-pending'`, with a reason) a port-out. (`PATCH {baseUrl}/portouts/{id}/{status}`) */
export function updatePortoutStatus(id: string, status: PortoutStatusChange, params: PortoutStatusParams, options?: ClientOptions | null): Promise<Portout>;

/** The codes a port-out can be rejected with. (`GET {baseUrl}/portouts/rejections/{portout_id}`) */
export function listPortoutRejectionCodes(portoutId: string, query?: PortoutRejectionQuery | null, options?: ClientOptions | null): Promise<PortoutRejection[]>;

/** A port-out's comments. (`GET {baseUrl}/portouts/{id}/comments`) */
export function listPortoutComments(id: string, options?: ClientOptions | null): Promise<PortoutComment[]>;

/** Adds a comment to a port-out. (`POST {baseUrl}/portouts/{id}/comments`) */
export function createPortoutComment(id: string, comment: { body: string }, options?: ClientOptions | null): Promise<PortoutComment>;

/** A port-out's supporting documents. (`GET {baseUrl}/portouts/{id}/supporting_documents`) */
export function listPortoutSupportingDocuments(id: string, options?: ClientOptions | null): Promise<PortoutSupportingDocument[]>;

/** Attaches supporting documents to a port-out. (`POST {baseUrl}/portouts/{id}/supporting_documents`) */
export function createPortoutSupportingDocuments(id: string, params: { documents: { type: SupportingDocumentType; document_id: string }[] }, options?: ClientOptions | null): Promise<PortoutSupportingDocument[]>;

/** Lists one page of port-out events. (`GET {baseUrl}/portouts/events`) */
export function listPortoutEvents(query?: PortoutEventQuery | null, options?: ClientOptions | null): Promise<Page<PortoutEvent>>;

/** Lists every page of port-out events (page size 250 unless the query sets one), at most
 *  `concurrency` requests in flight, in page order, without repeated ids. */
export function listAllPortoutEvents(query?: PortoutEventQuery | null, options?: ListAllOptions | null): Promise<PortoutEvent[]>;

/** Iterates over port-out events, page by page, fetching lazily; `break` stops requesting. */
export function iterPortoutEvents(query?: PortoutEventQuery | null, options?: ClientOptions | null): AsyncIterable<PortoutEvent> & AsyncIterator<PortoutEvent>;

/** Fetches one event. (`GET {baseUrl}/portouts/events/{id}`) */
export function getPortoutEvent(id: string, options?: ClientOptions | null): Promise<PortoutEvent>;

/** Sends an event's webhook again. (`POST {baseUrl}/portouts/events/{id}/republish`) */
export function republishPortoutEvent(id: string, options?: ClientOptions | null): Promise<undefined>;

/** Lists one page of reports. (`GET {baseUrl}/portouts/reports`) */
export function listPortoutReports(query?: PortoutReportQuery | null, options?: ClientOptions | null): Promise<Page<PortoutReport>>;

/** Lists every page of reports (page size 250 unless the query sets one), at most
 *  `concurrency` requests in flight, in page order, without repeated ids. */
export function listAllPortoutReports(query?: PortoutReportQuery | null, options?: ListAllOptions | null): Promise<PortoutReport[]>;

/** Iterates over reports, page by page, fetching lazily; `break` stops requesting. */
export function iterPortoutReports(query?: PortoutReportQuery | null, options?: ClientOptions | null): AsyncIterable<PortoutReport> & AsyncIterator<PortoutReport>;

/** Creates a CSV report (pending until the server has built it). (`POST {baseUrl}/portouts/reports`) */
export function createPortoutReport(report: NewPortoutReport, options?: ClientOptions | null): Promise<PortoutReport>;

/** Fetches one report. (`GET {baseUrl}/portouts/reports/{id}`) */
export function getPortoutReport(id: string, options?: ClientOptions | null): Promise<PortoutReport>;

/** Every operation's functions, as the client object's methods. */
export interface OperationMethods {
  listPortouts: typeof listPortouts;
  listAllPortouts: typeof listAllPortouts;
  iterPortouts: typeof iterPortouts;
  getPortout: typeof getPortout;
  updatePortoutStatus: typeof updatePortoutStatus;
  listPortoutRejectionCodes: typeof listPortoutRejectionCodes;
  listPortoutComments: typeof listPortoutComments;
  createPortoutComment: typeof createPortoutComment;
  listPortoutSupportingDocuments: typeof listPortoutSupportingDocuments;
  createPortoutSupportingDocuments: typeof createPortoutSupportingDocuments;
  listPortoutEvents: typeof listPortoutEvents;
  listAllPortoutEvents: typeof listAllPortoutEvents;
  iterPortoutEvents: typeof iterPortoutEvents;
  getPortoutEvent: typeof getPortoutEvent;
  republishPortoutEvent: typeof republishPortoutEvent;
  listPortoutReports: typeof listPortoutReports;
  listAllPortoutReports: typeof listAllPortoutReports;
  iterPortoutReports: typeof iterPortoutReports;
  createPortoutReport: typeof createPortoutReport;
  getPortoutReport: typeof getPortoutReport;
}
