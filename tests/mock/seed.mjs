// Seeded comments, supporting documents, events and reports for the port-out
// data set. They come from their own mulberry32 stream (derived from the data
// set seed), read the records but never consume the records' stream, so the
// port-outs themselves are byte-identical to what generateDataset() always
// produced. Same (seed, count) => identical extras.

import { DATASET_END, REJECTIONS, helpers, mulberry32, normalizeSeed } from './data.mjs';

const DAY = 24 * 60 * 60 * 1000;
const iso = (ms) => new Date(ms).toISOString();

/**
 * The rejection codes GET /v2/portouts/rejections/{id} offers (PortoutRejection).
 * Every code a seeded record can carry is here, plus 1001 ("other").
 */
const REASON_REQUIRED = new Set([1001, 1007, 1010]);
export const REJECTION_CODES = [[1001, 'Other: the reason must be given in the reason field'], ...REJECTIONS].map(
  ([code, description]) => ({ code, description, reason_required: REASON_REQUIRED.has(code) }),
);

const COMMENT_BODIES = [
  'Customer confirmed the port-out request by phone.',
  'Please provide an updated LOA — the signature is missing.',
  'PIN mismatch; asked the gaining carrier to resubmit.',
  'FOC date moved at the request of the "gaining" carrier.',
  'Merci de confirmer l’adresse de service.',
  'Account number verified against C:\\billing\\export.csv',
  'Multi-line note:\nline 2\twith a tab',
  'Rückfrage beim Kunden läuft 📞',
  'Escalated to the porting team (ticket #4471 / ref 12&13).',
];

export const NOTIFICATION_METHODS = [['email', 'webhook'], ['webhook'], ['email']];

/** A portout.status_changed payload (WebhookPortoutStatusChanged.payload) for a record. */
export function statusPayload(record, status, rejectionReason, attemptedPin) {
  const p = {
    id: record.id,
    user_id: record.user_id,
    status,
    rejection_reason: rejectionReason,
    carrier_name: record.carrier_name,
    spid: record.spid,
    phone_numbers: [...record.phone_numbers],
    subscriber_name: record.end_user_name,
  };
  if (attemptedPin !== undefined) p.attempted_pin = attemptedPin;
  return p;
}

/** A PortoutEvent object; key order fixed. */
export function makeEvent({ id, eventType, payloadStatus, methods, portoutId, createdMs, updatedMs, payload }) {
  return {
    id,
    record_type: 'portout_event',
    event_type: eventType,
    payload_status: payloadStatus,
    available_notification_methods: methods,
    portout_id: portoutId,
    created_at: iso(createdMs),
    updated_at: iso(updatedMs),
    payload,
  };
}

/** Newest created_at first; equal timestamps by id, so the order is total. */
export function eventOrder(a, b) {
  if (a.created_at !== b.created_at) return a.created_at < b.created_at ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Builds the seeded extras for a data set.
 * Returns { comments: Map<portoutId, PortoutComment[]> (oldest first),
 *           documents: Map<portoutId, PortOutSupportingDocument[]> (oldest first),
 *           events: PortoutEvent[] (eventOrder), reports: PortoutReport-like[] (newest first) }.
 */
export function generateExtras({ seed = 42, dataset }) {
  const h = helpers(mulberry32(normalizeSeed(seed) ^ 0x27d4eb2f));
  const between = (a, b) => a + Math.floor(h.rng() * (b - a + 1));
  const supportUser = h.uuid(); // "Telnyx support" author of some comments
  const comments = new Map();
  const documents = new Map();
  const events = [];

  const event = (r, eventType, createdMs, payload) =>
    events.push(
      makeEvent({
        id: h.uuid(),
        eventType,
        payloadStatus: 'completed',
        methods: [...h.pick(NOTIFICATION_METHODS)],
        portoutId: r.id,
        createdMs,
        updatedMs: createdMs + h.int(0, 5000),
        payload,
      }),
    );

  for (const r of dataset) {
    const t0 = Date.parse(r.inserted_at);
    const t1 = Date.parse(r.updated_at);

    // 0-3 comments, about half of the records have none.
    const n = h.weighted([[0, 10], [1, 6], [2, 3], [3, 1]]);
    const times = Array.from({ length: n }, () => between(t0, t1)).sort((a, b) => a - b);
    const list = times.map((t) => ({
      id: h.uuid(),
      body: h.pick(COMMENT_BODIES),
      portout_id: r.id,
      user_id: h.chance(0.7) ? r.user_id : supportUser,
      created_at: iso(t),
      record_type: 'portout',
    }));
    if (list.length) comments.set(r.id, list);

    // Supporting documents on some records: an LOA, sometimes an invoice too.
    if (h.chance(0.3)) {
      const docs = [];
      for (const type of h.chance(0.4) ? ['loa', 'invoice'] : ['loa']) {
        const t = between(t0, t1);
        docs.push({
          id: h.uuid(),
          record_type: 'supporting_document',
          type,
          portout_id: r.id,
          document_id: h.uuid(),
          created_at: iso(t),
          updated_at: iso(t),
        });
      }
      documents.set(r.id, docs);
    }

    // Events: the status history, an FOC change, one per comment.
    const pin = () => (h.chance(0.3) ? h.digits(4) : undefined);
    if (r.status === 'ported') {
      const portedMs = Date.parse(r.ported_out_at);
      event(r, 'portout.status_changed', between(t0, portedMs), statusPayload(r, 'authorized', null, pin()));
      event(r, 'portout.status_changed', portedMs, statusPayload(r, 'ported', null, pin()));
    } else if (r.status !== 'pending') {
      event(r, 'portout.status_changed', t1, statusPayload(r, r.status, r.reason, pin()));
    }
    if (r.foc_date !== r.requested_foc_date) {
      event(r, 'portout.foc_date_changed', between(t0, t1), { id: r.id, user_id: r.user_id, foc_date: r.foc_date });
    }
    for (const c of list) {
      event(r, 'portout.new_comment', Date.parse(c.created_at), {
        id: c.id,
        portout_id: r.id,
        user_id: c.user_id,
        comment: c.body,
      });
    }
  }
  events.sort(eventOrder);

  // A few completed reports from the last weeks of the data set.
  const filterSets = [
    { status__in: ['ported', 'canceled'], created_at__gt: '2025-01-01T00:00:00.000Z' },
    { phone_numbers__overlaps: dataset.slice(0, 2).map((r) => r.phone_numbers[0]) },
    { end_user_name: 'McPortersen', customer_reference__in: ['my-customer-reference'], created_at__lt: '2026-06-30T23:59:59.000Z' },
  ];
  const reports = filterSets.map((filters, i) => {
    const created = DATASET_END - (i + 1) * 7 * DAY - h.int(0, DAY);
    return {
      id: h.uuid(),
      record_type: 'portout_report',
      report_type: 'export_portouts_csv',
      status: 'completed',
      params: { filters },
      document_id: h.uuid(),
      created_at: iso(created),
      updated_at: iso(created + h.int(2000, 60000)),
    };
  });
  return { comments, documents, events, reports };
}
