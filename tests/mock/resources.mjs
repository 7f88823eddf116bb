// In-memory state and routes for the port-out sub-resources: status updates,
// comments, supporting documents, rejection codes, events and reports.
//
// route() never changes state by itself: a successful write returns a
// `commit()` that the server calls when the answer is really given (so a
// faulted 5xx never half-applies a write; see README "Writes and faults").

import { randomUUID } from 'node:crypto';

import { generateDataset } from './data.mjs';
import { errorBody } from './errors.mjs';
import { field, isObject, jsonBody, reportParamErrors, typeName, unknownKeys, unprocessable } from './bodies.mjs';
import { parseQuerySpec, inRange, pageOf, UUID_RE } from './query.mjs';
import { generateExtras, REJECTION_CODES, makeEvent, statusPayload, eventOrder } from './seed.mjs';

export const STATUS_TARGETS = ['authorized', 'rejected-pending'];
/** Status transitions PATCH /v2/portouts/{id}/{status} allows: from -> [to]. */
export const TRANSITIONS = { pending: ['authorized', 'rejected-pending'], 'rejected-pending': ['authorized'] };
export const EVENT_TYPES = ['portout.status_changed', 'portout.new_comment', 'portout.foc_date_changed'];
export const DEFAULT_REPORT_DELAY_MS = 300;
const DOCUMENT_TYPES = ['loa', 'invoice'];

const iso = (ms) => new Date(ms).toISOString();

function decodeSegment(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Creates the per-server state.
 * @param {{ seed, count, dataset: Array, reportDelayMs?: number }} opts  `dataset` is the live
 *   record array the list/get routes serve; status updates change its records in place.
 */
export function createResources({ seed, count, dataset, reportDelayMs = DEFAULT_REPORT_DELAY_MS, onEvent = () => {} }) {
  const byId = new Map(dataset.map((r) => [r.id, r]));
  let comments;
  let documents;
  let events;
  let eventsById;
  let reports; // newest first
  let pendingReports; // id -> { completeAt, documentId }
  const republishes = new Map(); // event id -> count

  function seedState() {
    ({ comments, documents, events, reports } = generateExtras({ seed, dataset }));
    eventsById = new Map(events.map((e) => [e.id, e]));
    pendingReports = new Map();
    republishes.clear();
  }
  seedState();

  /** Restores the seeded state (records are restored in place, so references stay valid). */
  function reset() {
    const fresh = generateDataset({ seed, count });
    fresh.forEach((r, i) => Object.assign(dataset[i], r));
    seedState();
  }

  function insertEvent(e) {
    let i = 0;
    while (i < events.length && eventOrder(events[i], e) < 0) i++;
    events.splice(i, 0, e);
    eventsById.set(e.id, e);
    onEvent(e);
  }

  // Pending reports turn completed once their delay has passed (checked on every read).
  function settleReports(now = Date.now()) {
    for (const [id, p] of pendingReports) {
      if (now < p.completeAt) continue;
      pendingReports.delete(id);
      const i = reports.findIndex((r) => r.id === id);
      const { document_id: _unused, created_at, updated_at: _old, ...rest } = reports[i];
      reports[i] = { ...rest, status: 'completed', document_id: p.documentId, created_at, updated_at: iso(p.completeAt) };
    }
  }

  const notFound = (what, id) => ({ status: 404, body: errorBody(404, `${what} ${id} not found`, { source: { pointer: '/id' } }) });
  const portout = (id) => byId.get(id);

  // ---- handlers: (ctx) -> { status, body, commit?, wrongType? } -----------

  function updateStatus({ params: [id, status], body }) {
    const rec = portout(id);
    if (!rec) return notFound('Portout', id);
    const parsed = jsonBody(body);
    if (parsed.result) return parsed.result;
    const b = parsed.value;
    const errors = [];
    if (!STATUS_TARGETS.includes(status)) {
      errors.push({
        ...field('', `'${status}' is not a valid status for this endpoint; expected one of ${STATUS_TARGETS.join(', ')}`),
        source: { parameter: 'status' },
      });
    }
    errors.push(...unknownKeys(b, ['reason', 'host_messaging'], ''));
    if (!('reason' in b)) errors.push(field('/reason', 'reason is required'));
    else if (typeof b.reason !== 'string') errors.push(field('/reason', `reason must be a string, not ${typeName(b.reason)}`));
    else if (status === 'rejected-pending' && b.reason.trim() === '') {
      errors.push(field('/reason', 'reason must not be blank when rejecting a port-out (rejected-pending)'));
    }
    if ('host_messaging' in b && typeof b.host_messaging !== 'boolean') {
      errors.push(field('/host_messaging', `host_messaging must be a boolean, not ${typeName(b.host_messaging)}`));
    }
    if (errors.length) return unprocessable(errors);
    if (!TRANSITIONS[rec.status]?.includes(status)) {
      return unprocessable([{ ...field('', `cannot change status from ${rec.status} to ${status}`), source: { parameter: 'status' } }]);
    }

    const nowMs = Date.now();
    const reason = b.reason.trim() === '' ? null : b.reason;
    const patch = { status, reason, updated_at: iso(nowMs) };
    if (status === 'authorized') patch.rejection_code = 0; // no longer rejected
    if ('host_messaging' in b) patch.host_messaging = b.host_messaging;
    const updated = { ...rec, ...patch };
    const event = makeEvent({
      id: randomUUID(),
      eventType: 'portout.status_changed',
      payloadStatus: 'created',
      methods: ['email', 'webhook'],
      portoutId: rec.id,
      createdMs: nowMs,
      updatedMs: nowMs,
      payload: statusPayload(updated, status, status === 'rejected-pending' ? reason : null),
    });
    return {
      status: 200,
      body: { data: updated },
      commit() {
        Object.assign(rec, patch);
        insertEvent(event);
      },
    };
  }

  function listComments({ params: [id] }) {
    if (!portout(id)) return notFound('Portout', id);
    const list = comments.get(id) ?? [];
    const n = list.length;
    return {
      status: 200,
      // Metadata: the whole list is one page (the spec has no page parameters here).
      body: { data: list.slice(), meta: { page_number: 1, page_size: Math.max(20, n), total_pages: n ? 1 : 0, total_results: n } },
      wrongType: ['body', 42],
    };
  }

  function createComment({ params: [id], body }) {
    const rec = portout(id);
    if (!rec) return notFound('Portout', id);
    const parsed = jsonBody(body);
    if (parsed.result) return parsed.result;
    const b = parsed.value;
    const errors = unknownKeys(b, ['body'], '');
    if (!('body' in b)) errors.push(field('/body', 'body is required'));
    else if (typeof b.body !== 'string') errors.push(field('/body', `body must be a string, not ${typeName(b.body)}`));
    else if (b.body.trim() === '') errors.push(field('/body', 'body must not be blank'));
    if (errors.length) return unprocessable(errors);

    const nowMs = Date.now();
    const comment = {
      id: randomUUID(),
      body: b.body,
      portout_id: rec.id,
      user_id: rec.user_id,
      created_at: iso(nowMs),
      record_type: 'portout',
    };
    const event = makeEvent({
      id: randomUUID(),
      eventType: 'portout.new_comment',
      payloadStatus: 'created',
      methods: ['email', 'webhook'],
      portoutId: rec.id,
      createdMs: nowMs,
      updatedMs: nowMs,
      payload: { id: comment.id, portout_id: rec.id, user_id: rec.user_id, comment: comment.body },
    });
    return {
      status: 201,
      body: { data: comment },
      wrongType: ['body', 42],
      commit() {
        if (!comments.has(rec.id)) comments.set(rec.id, []);
        comments.get(rec.id).push(comment);
        insertEvent(event);
      },
    };
  }

  function listDocuments({ params: [id] }) {
    if (!portout(id)) return notFound('Portout', id);
    // The spec documents 201 (sic) as this GET's success status.
    return { status: 201, body: { data: (documents.get(id) ?? []).slice() }, wrongType: ['document_id', 42] };
  }

  function createDocuments({ params: [id], body }) {
    const rec = portout(id);
    if (!rec) return notFound('Portout', id);
    const parsed = jsonBody(body);
    if (parsed.result) return parsed.result;
    const b = parsed.value;
    const errors = unknownKeys(b, ['documents'], '');
    const docs = b.documents;
    if (!('documents' in b)) errors.push(field('/documents', 'documents is required'));
    else if (!Array.isArray(docs)) errors.push(field('/documents', `documents must be an array, not ${typeName(docs)}`));
    else if (docs.length < 1 || docs.length > 10) errors.push(field('/documents', `documents must have 1 to 10 items (got ${docs.length})`));
    else {
      docs.forEach((d, i) => {
        const at = `/documents/${i}`;
        if (!isObject(d)) return errors.push(field(at, `documents[${i}] must be an object, not ${typeName(d)}`));
        errors.push(...unknownKeys(d, ['type', 'document_id'], at));
        if (!DOCUMENT_TYPES.includes(d.type)) {
          errors.push(field(`${at}/type`, `${'type' in d ? `'${d.type}' is not a valid type` : 'type is required'}; expected one of ${DOCUMENT_TYPES.join(', ')}`));
        }
        if (typeof d.document_id !== 'string' || !UUID_RE.test(d.document_id)) {
          errors.push(field(`${at}/document_id`, 'document_id is required and must be a UUID'));
        }
      });
    }
    if (errors.length) return unprocessable(errors);

    const now = iso(Date.now());
    const created = docs.map((d) => ({
      id: randomUUID(),
      record_type: 'supporting_document',
      type: d.type,
      portout_id: rec.id,
      document_id: d.document_id,
      created_at: now,
      updated_at: now,
    }));
    return {
      status: 201,
      body: { data: created },
      wrongType: ['document_id', 42],
      commit() {
        if (!documents.has(rec.id)) documents.set(rec.id, []);
        documents.get(rec.id).push(...created);
      },
    };
  }

  function listRejections({ params: [id], pairs }) {
    if (!portout(id)) return notFound('Portout', id);
    const q = parseQuerySpec(pairs, { paged: false, filters: { code: { kind: 'intList', subkeys: ['in'] } } });
    if (q.errors) return unprocessable(q.errors);
    const codes = q.filter.code;
    const data = REJECTION_CODES.filter((r) => !codes || codes.includes(r.code)).map((r) => ({ ...r }));
    return { status: 200, body: { data }, wrongType: ['code', '42'] };
  }

  function listEvents({ pairs }) {
    const q = parseQuerySpec(pairs, {
      paged: true,
      filters: { event_type: { kind: 'enum', values: EVENT_TYPES }, portout_id: { kind: 'uuid' }, created_at: { kind: 'range' } },
    });
    if (q.errors) return unprocessable(q.errors);
    const f = q.filter;
    const hits = events.filter(
      (e) =>
        (f.event_type === undefined || e.event_type === f.event_type) &&
        (f.portout_id === undefined || e.portout_id === f.portout_id) &&
        inRange(e.created_at, f.created_at),
    );
    return { status: 200, body: pageOf(hits, q.page), wrongType: ['event_type', 42] };
  }

  function showEvent({ params: [id] }) {
    const e = eventsById.get(id);
    if (!e) return notFound('Port-out event', id);
    return { status: 200, body: { data: e }, wrongType: ['event_type', 42] };
  }

  function republish({ params: [id] }) {
    if (!eventsById.has(id)) return notFound('Port-out event', id);
    return {
      status: 204,
      body: undefined,
      commit() {
        const n = (republishes.get(id) ?? 0) + 1;
        republishes.set(id, n);
        return { republish: { event_id: id, count: n } };
      },
    };
  }

  function listReports({ pairs }) {
    const q = parseQuerySpec(pairs, {
      paged: true,
      filters: { report_type: { kind: 'enum', values: ['export_portouts_csv'] }, status: { kind: 'enum', values: ['pending', 'completed'] } },
    });
    if (q.errors) return unprocessable(q.errors);
    settleReports();
    const f = q.filter;
    const hits = reports.filter(
      (r) => (f.report_type === undefined || r.report_type === f.report_type) && (f.status === undefined || r.status === f.status),
    );
    return { status: 200, body: pageOf(hits, q.page), wrongType: ['status', 42] };
  }

  function showReport({ params: [id] }) {
    settleReports();
    const r = reports.find((x) => x.id === id);
    if (!r) return notFound('Report', id);
    return { status: 200, body: { data: r }, wrongType: ['status', 42] };
  }

  function createReport({ body }) {
    const parsed = jsonBody(body);
    if (parsed.result) return parsed.result;
    const b = parsed.value;
    const errors = [...unknownKeys(b, ['report_type', 'params'], ''), ...reportParamErrors(b)];
    if (errors.length) return unprocessable(errors);
    const nowMs = Date.now();
    const report = {
      id: randomUUID(),
      record_type: 'portout_report',
      report_type: b.report_type,
      status: 'pending',
      params: structuredClone(b.params),
      created_at: iso(nowMs),
      updated_at: iso(nowMs),
    };
    return {
      status: 201,
      body: { data: report },
      wrongType: ['status', 42],
      commit() {
        reports.unshift(report);
        pendingReports.set(report.id, { completeAt: nowMs + reportDelayMs, documentId: randomUUID() });
      },
    };
  }

  // ---- routing ------------------------------------------------------------

  const ROUTES = [
    [/^\/v2\/portouts\/events$/, { GET: listEvents }],
    [/^\/v2\/portouts\/events\/([^/]+)$/, { GET: showEvent }],
    [/^\/v2\/portouts\/events\/([^/]+)\/republish$/, { POST: republish }],
    [/^\/v2\/portouts\/reports$/, { GET: listReports, POST: createReport }],
    [/^\/v2\/portouts\/reports\/([^/]+)$/, { GET: showReport }],
    [/^\/v2\/portouts\/rejections\/([^/]+)$/, { GET: listRejections }],
    [/^\/v2\/portouts\/([^/]+)\/comments$/, { GET: listComments, POST: createComment }],
    [/^\/v2\/portouts\/([^/]+)\/supporting_documents$/, { GET: listDocuments, POST: createDocuments }],
    // Any other /v2/portouts/{id}/{x} is the status route for PATCH; for other methods it only
    // exists (405) when x is one of the statuses, otherwise it is an unknown path (404).
    [/^\/v2\/portouts\/([^/]+)\/([^/]+)$/, { PATCH: updateStatus }, (m) => STATUS_TARGETS.includes(decodeSegment(m[2]))],
  ];

  function match(apiPath) {
    for (const [re, methods, existsForOthers] of ROUTES) {
      const m = re.exec(apiPath);
      if (m) return { m, methods, existsForOthers };
    }
    return null;
  }

  /** Methods (besides OPTIONS) a path accepts, or null when it is not one of these routes. */
  function methodsFor(apiPath) {
    const hit = match(apiPath);
    return hit ? Object.keys(hit.methods) : null;
  }

  /**
   * The answer for a request, or null when the path is not one of these routes.
   * `body` is { contentType, text } (text '' when there was none).
   */
  function route(method, apiPath, pairs, body) {
    const hit = match(apiPath);
    if (!hit) return null;
    const handler = hit.methods[method];
    if (!handler) {
      if (hit.existsForOthers && !hit.existsForOthers(hit.m)) return null;
      const allow = [...Object.keys(hit.methods), 'OPTIONS'].join(', ');
      return { status: 405, body: errorBody(405, `${method} is not allowed on ${apiPath}; allowed: ${allow}`), headers: { allow } };
    }
    const params = hit.m.slice(1).map(decodeSegment);
    return { ...handler({ params, pairs, body }), matched: true };
  }

  return {
    route,
    methodsFor,
    reset,
    republishes,
    get comments() {
      return comments;
    },
    get documents() {
      return documents;
    },
    get events() {
      return events;
    },
    get reports() {
      settleReports();
      return reports;
    },
  };
}
