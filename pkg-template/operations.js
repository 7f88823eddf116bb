// Generated from the operation table (src/api/operations.rs) by
// `UPDATE_GENERATED=1 cargo test --lib generated`; a host test fails when this file
// differs from what Rust writes. Do not edit.
import { allPages, loaded, paged, recordsOf } from './shell.js';

/** Every operation: its JS name, HTTP method, path template, arguments before the
 *  options, whether it is a paged list, and a paged list's list-all and iterator. */
export const OPERATIONS = Object.freeze([
  { name: 'listPortouts', method: 'GET', path: '/portouts', params: ['query'], paged: true, listAll: 'listAllPortouts', iter: 'iterPortouts' },
  { name: 'getPortout', method: 'GET', path: '/portouts/{id}', params: ['id'], paged: false },
  { name: 'updatePortoutStatus', method: 'PATCH', path: '/portouts/{id}/{status}', params: ['id', 'status', 'params'], paged: false },
  { name: 'listPortoutRejectionCodes', method: 'GET', path: '/portouts/rejections/{portout_id}', params: ['portoutId', 'query'], paged: false },
  { name: 'listPortoutComments', method: 'GET', path: '/portouts/{id}/comments', params: ['id'], paged: false },
  { name: 'createPortoutComment', method: 'POST', path: '/portouts/{id}/comments', params: ['id', 'comment'], paged: false },
  { name: 'listPortoutSupportingDocuments', method: 'GET', path: '/portouts/{id}/supporting_documents', params: ['id'], paged: false },
  { name: 'createPortoutSupportingDocuments', method: 'POST', path: '/portouts/{id}/supporting_documents', params: ['id', 'params'], paged: false },
  { name: 'listPortoutEvents', method: 'GET', path: '/portouts/events', params: ['query'], paged: true, listAll: 'listAllPortoutEvents', iter: 'iterPortoutEvents' },
  { name: 'getPortoutEvent', method: 'GET', path: '/portouts/events/{id}', params: ['id'], paged: false },
  { name: 'republishPortoutEvent', method: 'POST', path: '/portouts/events/{id}/republish', params: ['id'], paged: false },
  { name: 'listPortoutReports', method: 'GET', path: '/portouts/reports', params: ['query'], paged: true, listAll: 'listAllPortoutReports', iter: 'iterPortoutReports' },
  { name: 'createPortoutReport', method: 'POST', path: '/portouts/reports', params: ['report'], paged: false },
  { name: 'getPortoutReport', method: 'GET', path: '/portouts/reports/{id}', params: ['id'], paged: false },
]);

/** Lists one page of port-outs. */
export const listPortouts = paged('listPortouts');
/** Lists every page of port-outs, concurrently (`concurrency`, default 4), in page order. */
export const listAllPortouts = allPages('listPortouts');
/** Iterates over port-outs, page by page, fetching lazily; `break` stops requesting. */
export const iterPortouts = (query, options) => recordsOf(listPortouts, query, options);

/** Fetches one port-out by id. */
export const getPortout = loaded('getPortout');

/** Authorizes (`'authorized'`) or rejects (`'rejected-pending'`, with a reason) a port-out. */
export const updatePortoutStatus = loaded('updatePortoutStatus');

/** The codes a port-out can be rejected with. */
export const listPortoutRejectionCodes = loaded('listPortoutRejectionCodes');

/** A port-out's comments. */
export const listPortoutComments = loaded('listPortoutComments');

/** Adds a comment to a port-out. */
export const createPortoutComment = loaded('createPortoutComment');

/** A port-out's supporting documents. */
export const listPortoutSupportingDocuments = loaded('listPortoutSupportingDocuments');

/** Attaches supporting documents to a port-out. */
export const createPortoutSupportingDocuments = loaded('createPortoutSupportingDocuments');

/** Lists one page of port-out events. */
export const listPortoutEvents = paged('listPortoutEvents');
/** Lists every page of port-out events, concurrently (`concurrency`, default 4), in page order. */
export const listAllPortoutEvents = allPages('listPortoutEvents');
/** Iterates over port-out events, page by page, fetching lazily; `break` stops requesting. */
export const iterPortoutEvents = (query, options) => recordsOf(listPortoutEvents, query, options);

/** Fetches one event. */
export const getPortoutEvent = loaded('getPortoutEvent');

/** Sends an event's webhook again. */
export const republishPortoutEvent = loaded('republishPortoutEvent');

/** Lists one page of reports. */
export const listPortoutReports = paged('listPortoutReports');
/** Lists every page of reports, concurrently (`concurrency`, default 4), in page order. */
export const listAllPortoutReports = allPages('listPortoutReports');
/** Iterates over reports, page by page, fetching lazily; `break` stops requesting. */
export const iterPortoutReports = (query, options) => recordsOf(listPortoutReports, query, options);

/** Creates a CSV report (pending until the server has built it). */
export const createPortoutReport = loaded('createPortoutReport');

/** Fetches one report. */
export const getPortoutReport = loaded('getPortoutReport');
