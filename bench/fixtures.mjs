// Deterministic (seeded) response bodies for the decode benchmark: pages of N port-outs of
// ~1 KB each with all 27 PortoutDetails fields, a string-heavy variant (long names and
// addresses with escapes and non-ASCII), and pages with one invalid record.
// Works in Node and in browsers (no Node APIs).

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATUSES = ['pending', 'authorized', 'ported', 'rejected', 'rejected-pending', 'canceled'];
const CARRIERS = ['Verizon Wireless', 'AT&T Mobility', 'T-Mobile USA', 'Vodafone UK', 'Deutsche Telekom', 'Orange France', 'Rogers', 'Telstra'];
const CITIES = ['Chicago', 'Toronto', 'London', 'München', 'Paris', 'Dublin', 'Amsterdam', 'Sydney'];
const NAMES = ['McPortersen', 'Ada Lovelace', 'Grace Hopper', 'Zoë Ångström', 'Jean-Luc Picard', 'Siobhán Ní Bhriain'];

function uuid(r) {
  const h = () => Math.floor(r() * 16).toString(16);
  const s = (n) => Array.from({ length: n }, h).join('');
  return `${s(8)}-${s(4)}-4${s(3)}-a${s(3)}-${s(12)}`;
}

function iso(r) {
  const t = Date.UTC(2024, 0, 1) + Math.floor(r() * 700 * 86400000);
  return new Date(t).toISOString();
}

function record(r, heavy) {
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const status = pick(STATUSES);
  const long = (s) => (heavy ? `${s} — «${s}» \\ "quoted" ${s.repeat(6)} 日本語テキスト\n\t€` : s);
  return {
    already_ported: r() < 0.3,
    authorized_name: long(pick(NAMES)),
    carrier_name: pick(CARRIERS),
    city: long(pick(CITIES)),
    created_at: iso(r),
    current_carrier: 'telnyx',
    end_user_name: long(pick(NAMES)),
    foc_date: iso(r),
    host_messaging: r() < 0.5,
    id: uuid(r),
    inserted_at: iso(r),
    lsr: [`https://example.com/files/lsr-${Math.floor(r() * 1e6)}.pdf`],
    phone_numbers: Array.from({ length: 1 + Math.floor(r() * 3) }, () => `+1${Math.floor(2e9 + r() * 7e9)}`),
    pon: String(Math.floor(r() * 1e8)).padStart(8, '0'),
    reason: status.startsWith('rejected') ? long('Customer name does not match the account') : null,
    record_type: 'portout',
    rejection_code: status.startsWith('rejected') ? 1000 + Math.floor(r() * 20) : 0,
    requested_foc_date: iso(r),
    service_address: long(`${Math.floor(r() * 9000) + 100} Example Street, Suite ${Math.floor(r() * 900)}`),
    spid: Math.floor(r() * 9999).toString(36).toUpperCase().padStart(4, '0'),
    state: pick(['IL', 'ON', 'NY', 'CA', 'TX', 'BY']),
    status,
    support_key: `PO_${String(Math.floor(r() * 1e6)).padStart(6, '0')}`,
    updated_at: iso(r),
    user_id: uuid(r),
    vendor: uuid(r),
    zip: String(Math.floor(r() * 1e5)).padStart(5, '0'),
  };
}

/** A list response body of `n` records. `invalidAt`: index of a record whose phone_numbers[0] is a number. */
export function page(n, { seed = 7, heavy = false, invalidAt = -1 } = {}) {
  const r = mulberry32(seed);
  const data = Array.from({ length: n }, () => record(r, heavy));
  if (invalidAt >= 0 && data[invalidAt]) data[invalidAt].phone_numbers = [42];
  return JSON.stringify({ data, meta: { page_number: 1, page_size: n, total_pages: 1, total_results: n } });
}

/** The fixtures the decode benchmark runs. */
export function fixtures() {
  return {
    'page of 10': page(10),
    'page of 100': page(100),
    'page of 250': page(250),
    'string-heavy page of 250': page(250, { heavy: true }),
    'invalid record at 0 (of 250)': page(250, { invalidAt: 0 }),
    'invalid record at 249 (of 250)': page(250, { invalidAt: 249 }),
  };
}
