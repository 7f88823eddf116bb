// CSV export of loaded port-outs (RFC 4180: comma separated, CRLF line ends, fields with a
// comma, quote, CR or LF quoted, quotes doubled). Pure functions, no DOM.

/** The exported columns: [header, value of a port-out]. */
export const CSV_COLUMNS = [
  ['id', (r) => r.id],
  ['phone_numbers', (r) => (Array.isArray(r.phone_numbers) ? r.phone_numbers.join(' ') : r.phone_numbers)],
  ['status', (r) => r.status],
  ['carrier_name', (r) => r.carrier_name],
  ['foc_date', (r) => r.foc_date],
  ['created_at', (r) => r.created_at],
  ['support_key', (r) => r.support_key],
  ['pon', (r) => r.pon],
  ['spid', (r) => r.spid],
  ['end_user_name', (r) => r.end_user_name],
  ['inserted_at', (r) => r.inserted_at],
  ['ported_out_at', (r) => r.ported_out_at],
];

// A cell that a spreadsheet would run as a formula (=, @, a leading tab or CR, or + / - followed
// by something other than a number) gets a leading apostrophe. Phone numbers (+1303…) stay as is.
function defuse(s) {
  if (/^[=@\t\r]/.test(s)) return `'${s}`;
  if (/^[+-]/.test(s) && !/^[+-][\d\s+().-]*$/.test(s)) return `'${s}`;
  return s;
}

/** One CSV field. `null`/`undefined` → empty; objects → JSON. */
export function csvCell(value) {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'object' ? JSON.stringify(value) : String(value);
  s = defuse(s);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The CSV text (header line first, CRLF after every line) of `rows`. */
export function toCsv(rows, columns = CSV_COLUMNS) {
  const lines = [columns.map(([name]) => csvCell(name)).join(',')];
  for (const row of rows) lines.push(columns.map(([, get]) => csvCell(get(row ?? {}))).join(','));
  return lines.join('\r\n') + '\r\n';
}
