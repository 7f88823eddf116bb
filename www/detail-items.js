// The pieces of the detail panel that depend on nothing but their data: the port-out's field
// labels and values, a comment, a supporting document's row, an event's one-line summary.
import { dash, el, statusChip, timeEl } from './render.js';

/** Labels of the port-out's fields, in the order the panel shows them; other fields follow. */
export const FIELD_LABELS = {
  id: 'Id', status: 'Status', support_key: 'Support key', phone_numbers: 'Phone numbers',
  carrier_name: 'Carrier (gaining)', current_carrier: 'Current carrier', spid: 'SPID', pon: 'PON',
  end_user_name: 'End user', authorized_name: 'Authorized name', service_address: 'Service address',
  city: 'City', state: 'State', zip: 'ZIP', lsr: 'LSR', foc_date: 'FOC date',
  requested_foc_date: 'Requested FOC date', already_ported: 'Already ported',
  host_messaging: 'Host messaging', reason: 'Reason', rejection_code: 'Rejection code',
  vendor: 'Vendor', user_id: 'User id', created_at: 'Created', inserted_at: 'Inserted',
  updated_at: 'Updated', ported_out_at: 'Ported out', record_type: 'Record type',
};

/** A field's value as the panel shows it (a dash when empty, a chip for the status). */
export function fieldValue(key, value) {
  if (value === null || value === undefined || value === '') return dash();
  if (key === 'status') return statusChip(value);
  if (Array.isArray(value)) {
    if (!value.length) return dash();
    const ul = el('ul', 'plain-list');
    for (const v of value) ul.append(el('li', '', typeof v === 'object' ? JSON.stringify(v) : v));
    return ul;
  }
  if (typeof value === 'boolean') return document.createTextNode(value ? 'yes' : 'no');
  if (typeof value === 'object') return el('code', '', JSON.stringify(value));
  if (/_at$/.test(key)) return timeEl(String(value), true);
  return document.createTextNode(String(value));
}

/** A comment as a list item. */
export function commentItem(c) {
  const li = el('li', 'comment');
  if (c.id) li.dataset.id = c.id;
  const head = el('p', 'comment-head');
  head.append(el('span', 'comment-author', c.user_id ? `User ${String(c.user_id).slice(0, 8)}` : 'Telnyx'), ' · ', timeEl(c.created_at, true));
  li.append(head, el('p', 'comment-body', c.body ?? ''));
  return li;
}

/** A supporting document as a table row. */
export function documentRow(d) {
  const tr = el('tr');
  if (d.id) tr.dataset.id = d.id;
  const cells = [el('td', '', d.type ?? '—'), el('td'), el('td')];
  cells[1].append(d.document_id ? el('code', '', d.document_id) : dash());
  cells[2].append(timeEl(d.created_at, true));
  tr.append(...cells);
  return tr;
}

/** What an event says, in one line. */
export function eventSummary(ev) {
  const p = ev.payload ?? {};
  switch (ev.event_type) {
    case 'portout.status_changed':
      return `Status changed to ${p.status ?? 'unknown'}${p.rejection_reason ? `: ${p.rejection_reason}` : ''}`;
    case 'portout.new_comment':
      return `New comment: “${p.comment ?? ''}”`;
    case 'portout.foc_date_changed':
      return `FOC date changed to ${p.foc_date ?? 'unknown'}`;
    default:
      return String(ev.event_type ?? 'Event');
  }
}
