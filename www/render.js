// Small DOM builders shared by the listing, the detail panel and the reports card.

/** The six port-out statuses, in the order the page shows them. */
export const STATUSES = ['pending', 'authorized', 'ported', 'rejected', 'rejected-pending', 'canceled'];

/** `{ date, time, month }` of an ISO date-time in UTC, or null. */
export function utcParts(iso) {
  if (typeof iso !== 'string') return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const s = d.toISOString();
  return { date: s.slice(0, 10), time: s.slice(11, 16), month: s.slice(0, 7) };
}

/** A muted dash for a missing value. */
export function dash() {
  return Object.assign(document.createElement('span'), { className: 'muted', textContent: '—' });
}

/** A `<time>` for an ISO date-time (UTC date, and time when `withTime`). */
export function timeEl(iso, withTime) {
  const parts = utcParts(iso);
  if (!parts) return iso ? document.createTextNode(String(iso)) : dash();
  const t = document.createElement('time');
  t.dateTime = iso;
  t.title = iso;
  t.textContent = withTime ? `${parts.date} ${parts.time}` : parts.date;
  return t;
}

/** A status chip (`status-<status>` colours; `status-other` for a status the API added later). */
export function statusChip(status, known = STATUSES) {
  if (status == null) return dash();
  const chip = document.createElement('span');
  chip.className = `chip status-${known.includes(status) ? status : 'other'}`;
  chip.textContent = String(status);
  return chip;
}

/** An element with a class and text. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = String(text);
  return node;
}
