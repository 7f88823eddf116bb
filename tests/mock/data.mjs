// Deterministic port-out data set for the mock Telnyx server.
//
// Everything here is derived from a seeded PRNG (mulberry32), so the same
// (seed, count) always produces byte-identical records. The list order is
// newest `inserted_at` first, which is also the order the API lists them in.

export const STATUSES = ['pending', 'authorized', 'ported', 'rejected', 'rejected-pending', 'canceled'];

/** End of the data set's time span (inclusive). Records span the two years before it. */
export const DATASET_END = Date.parse('2026-10-31T23:59:59.999Z');
export const DATASET_START = Date.parse('2024-11-01T00:00:00.000Z');
/** Records added by the `grow=N` directive are inserted after this instant, one minute apart. */
export const GROW_START = Date.parse('2026-11-01T00:00:00.000Z');

const DAY = 24 * 60 * 60 * 1000;

// ---------------------------------------------------------------------------
// PRNG

/** mulberry32: tiny, fast, good enough for test data, identical on every platform. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Turns any seed (number or string) into a 32-bit integer. */
export function normalizeSeed(seed) {
  if (typeof seed === 'number' && Number.isFinite(seed)) return Math.trunc(seed) >>> 0;
  const s = String(seed ?? '42');
  if (/^-?\d+$/.test(s)) return Number(s) >>> 0;
  // FNV-1a over the string.
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function helpers(rng) {
  const int = (lo, hi) => lo + Math.floor(rng() * (hi - lo + 1)); // inclusive
  const pick = (arr) => arr[Math.floor(rng() * arr.length)];
  const chance = (p) => rng() < p;
  const digits = (n) => {
    let s = '';
    for (let i = 0; i < n; i++) s += String(int(0, 9));
    return s;
  };
  const hex = (n) => {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[int(0, 15)];
    return s;
  };
  const uuid = () =>
    `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(0, 3)]}${hex(3)}-${hex(12)}`;
  const weighted = (entries) => {
    // entries: [[value, weight], ...]
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = rng() * total;
    for (const [v, w] of entries) {
      if ((r -= w) < 0) return v;
    }
    return entries[entries.length - 1][0];
  };
  return { rng, int, pick, chance, digits, hex, uuid, weighted };
}

// ---------------------------------------------------------------------------
// Reference tables

const US_AREA_CODES = ['212', '646', '303', '312', '415', '512', '617', '702', '206', '305', '404', '713'];
const CA_AREA_CODES = ['416', '647', '604', '778', '514', '438', '403', '587', '613', '902', '204', '306'];

// Each country: weight, E.164 number generator (returns the national significant
// number, i.e. without the country calling code), carriers, addresses.
const COUNTRIES = {
  US: {
    weight: 30,
    cc: '1',
    national: (h) => `${h.pick(US_AREA_CODES)}${h.int(2, 9)}${h.digits(2)}${h.digits(4)}`, // 10 digits
    carriers: ['AT&T', 'Verizon Wireless', 'T-Mobile USA', 'Bandwidth.com CLEC'],
    places: [
      { city: 'Chicago', state: 'IL', zip: () => '60601' },
      { city: 'New York', state: 'NY', zip: () => '10001' },
      { city: 'San José', state: 'CA', zip: () => '95113' },
      { city: 'Denver', state: 'CO', zip: () => '80202' },
      { city: 'Austin', state: 'TX', zip: () => '78701' },
    ],
    streets: ['Main St', 'Market Street', 'Broadway', 'Elm Ave', 'Peachtree Rd NE'],
  },
  CA: {
    weight: 10,
    cc: '1',
    national: (h) => `${h.pick(CA_AREA_CODES)}${h.int(2, 9)}${h.digits(2)}${h.digits(4)}`, // 10 digits
    carriers: ['Rogers Communications', 'Bell Canada', 'TELUS'],
    places: [
      { city: 'Montréal', state: 'QC', zip: () => 'H2X 1Y4' },
      { city: 'Toronto', state: 'ON', zip: () => 'M5V 2T6' },
      { city: 'Vancouver', state: 'BC', zip: () => 'V6B 1A1' },
    ],
    streets: ['Rue Sainte-Catherine O', 'King St W', 'Granville St'],
  },
  GB: {
    weight: 10,
    cc: '44',
    // mobile 7xxx xxxxxx or London 20 xxxx xxxx: 10 digits
    national: (h) => (h.chance(0.5) ? `7${h.int(4, 9)}${h.digits(8)}` : `20${h.int(3, 8)}${h.digits(7)}`),
    carriers: ['BT Group', 'Vodafone UK'],
    places: [
      { city: 'London', state: 'Greater London', zip: () => 'SW1A 1AA' },
      { city: 'Manchester', state: 'Greater Manchester', zip: () => 'M1 1AE' },
    ],
    streets: ["King's Road", 'High Street', 'Baker Street'],
  },
  DE: {
    weight: 8,
    cc: '49',
    // Berlin 30 + 8 digits (10) or mobile 15x/16x/17x + 8 digits (11)
    national: (h) => (h.chance(0.5) ? `30${h.digits(8)}` : `1${h.pick(['51', '52', '60', '62', '70', '76'])}${h.digits(8)}`),
    carriers: ['Deutsche Telekom', 'Vodafone GmbH'],
    places: [
      { city: 'München', state: 'BY', zip: () => '80331' },
      { city: 'Berlin', state: 'BE', zip: () => '10117' },
      { city: 'Köln', state: 'NW', zip: () => '50667' },
    ],
    streets: ['Königstraße', 'Hauptstraße', 'Friedrichstraße'],
  },
  FR: {
    weight: 8,
    cc: '33',
    // 9 digits: geographic 1-5 or mobile 6/7
    national: (h) => `${h.pick(['1', '4', '6', '7'])}${h.digits(8)}`,
    carriers: ['Orange', 'SFR'],
    places: [
      { city: 'Paris', state: 'IDF', zip: () => '75001' },
      { city: 'Besançon', state: 'BFC', zip: () => '25000' },
    ],
    streets: ["Rue de l'Église", 'Avenue des Champs-Élysées', 'Boulevard Saint-Germain'],
  },
  IE: {
    weight: 6,
    cc: '353',
    // Dublin 1 + 7 digits (8) or mobile 83/85/86/87/89 + 7 digits (9)
    national: (h) => (h.chance(0.5) ? `1${h.digits(7)}` : `8${h.pick(['3', '5', '6', '7', '9'])}${h.digits(7)}`),
    carriers: ['Eir', 'Three Ireland'],
    places: [
      { city: 'Dublin', state: 'Co. Dublin', zip: () => 'D02 X285' },
      { city: 'Dún Laoghaire', state: 'Co. Dublin', zip: () => 'A96 K7W2' },
    ],
    streets: ["O'Connell Street", 'Grafton Street'],
  },
  NL: {
    weight: 6,
    cc: '31',
    // Amsterdam 20 + 7 digits or mobile 6 + 8 digits: 9 digits
    national: (h) => (h.chance(0.5) ? `20${h.digits(7)}` : `6${h.digits(8)}`),
    carriers: ['KPN'],
    places: [
      { city: 'Amsterdam', state: 'NH', zip: () => '1012 AB' },
      { city: "'s-Hertogenbosch", state: 'NB', zip: () => '5211 AA' },
    ],
    streets: ['Damrak', 'Keizersgracht'],
  },
  AU: {
    weight: 8,
    cc: '61',
    // 9 digits: geographic 2/3/7/8 or mobile 4
    national: (h) => `${h.pick(['2', '3', '4', '7', '8'])}${h.digits(8)}`,
    carriers: ['Telstra', 'Optus'],
    places: [
      { city: 'Sydney', state: 'NSW', zip: () => '2000' },
      { city: 'Melbourne', state: 'VIC', zip: () => '3000' },
    ],
    streets: ['George Street', 'Collins Street'],
  },
  ES: {
    weight: 7,
    cc: '34',
    // 9 digits: mobile 6/7 or Madrid 91
    national: (h) => (h.chance(0.5) ? `${h.pick(['6', '7'])}${h.digits(8)}` : `91${h.digits(7)}`),
    carriers: ['Telefónica España'],
    places: [
      { city: 'Málaga', state: 'AN', zip: () => '29001' },
      { city: 'A Coruña', state: 'GA', zip: () => '15001' },
    ],
    streets: ['Calle Larios', 'Calle de Alcalá'],
  },
  MX: {
    weight: 7,
    cc: '52',
    // 10 digits: Mexico City 55 + 8 digits
    national: (h) => `${h.pick(['55', '33', '81'])}${h.digits(8)}`,
    carriers: ['Telcel'],
    places: [
      { city: 'Ciudad de México', state: 'CDMX', zip: () => '06600' },
      { city: 'Guadalajara', state: 'JAL', zip: () => '44100' },
    ],
    streets: ['Avenida Reforma', 'Calle Morelos'],
  },
};

export const COUNTRY_CODES = Object.keys(COUNTRIES);

const FIRST_NAMES = [
  'Alice', 'Bob', 'José', 'Zoë', 'Björn', 'François', 'Siobhán', 'Łukasz', 'Ngozi', 'Mei',
  'Renée', 'Jürgen', 'Ana', 'Raj', 'Olga', 'Kwame',
];
const LAST_NAMES = [
  'Smith', 'Núñez', "O'Brien", 'Müller', 'Lefèvre', 'Ní Bhriain', 'Żółć', 'Okafor', '渡辺',
  'García', 'Jensen', 'Patel', 'Иванова', 'Mensah', 'McPortersen',
];
const COMPANIES = [
  'Acme "Widgets" LLC',
  'C:\\Ports\\R Us Ltd',
  "O'Reilly & Sons",
  'Café Müller GmbH',
  'Tab\tSeparated Inc.',
  'Straße & Söhne KG',
  '株式会社テレ',
  'Naïve Solutions S.A.',
  'Emoji Telecom 📞',
  'Back\\slash "Quoted" Co.',
];

export const REJECTIONS = [
  [1002, 'Account number does not match'],
  [1003, 'PIN/passcode is invalid'],
  [1004, 'Authorized name does not match "account holder"'],
  [1005, 'Service address mismatch: expected C:\\billing\\address'],
  [1006, 'Number is not active on the account'],
  [1007, 'Customer requested cancellation (ticket #4471)'],
  [1010, 'Résumé of owner missing — please resubmit'],
];

const PON_FORMATS = [
  (h) => h.digits(8),
  (h) => `ATT-${h.digits(6)}`,
  (h) => `PON${h.digits(5)}`,
  (h) => `VZ ${h.digits(6)}`, // contains a space
  (h) => `ORD#${h.digits(5)}`, // contains '#', which must be percent-encoded in a query
  (h) => `TX/${h.digits(4)}/${h.hex(2).toUpperCase()}`, // contains '/'
];

// ---------------------------------------------------------------------------
// Country lookup from an E.164 number (used by the country filters).

// All current Canadian NANP area codes; any other +1 number is treated as US.
const CANADIAN_NPAS = new Set(
  ('204 226 236 249 250 257 263 289 306 343 354 365 367 368 382 387 403 416 418 428 431 437 438 ' +
    '450 460 468 474 506 514 519 548 579 581 584 587 604 613 639 647 672 683 705 709 742 753 778 ' +
    '780 782 807 819 825 867 873 879 902 905').split(' '),
);
const PREFIXES = [
  ['+353', 'IE'],
  ['+44', 'GB'],
  ['+49', 'DE'],
  ['+33', 'FR'],
  ['+31', 'NL'],
  ['+61', 'AU'],
  ['+34', 'ES'],
  ['+52', 'MX'],
];

/** Country (ISO 3166-1 alpha-2) of an E.164 number, or null if unknown. */
export function countryOfNumber(e164) {
  if (typeof e164 !== 'string') return null;
  if (e164.startsWith('+1') && e164.length === 12) {
    return CANADIAN_NPAS.has(e164.slice(2, 5)) ? 'CA' : 'US';
  }
  for (const [prefix, cc] of PREFIXES) if (e164.startsWith(prefix)) return cc;
  return null;
}

// ---------------------------------------------------------------------------
// Record generation

const iso = (ms) => new Date(ms).toISOString();

function pickStatus(h, insertedMs) {
  const ageDays = (DATASET_END - insertedMs) / DAY;
  if (ageDays < 30) {
    return h.weighted([['pending', 35], ['authorized', 25], ['ported', 10], ['rejected', 8], ['rejected-pending', 12], ['canceled', 10]]);
  }
  return h.weighted([['pending', 3], ['authorized', 4], ['ported', 60], ['rejected', 15], ['rejected-pending', 3], ['canceled', 15]]);
}

function personName(h) {
  return `${h.pick(FIRST_NAMES)} ${h.pick(LAST_NAMES)}`;
}

/**
 * Builds one record. `ctx` carries shared pools (user ids, vendors) and the
 * support-key generator so keys stay unique.
 */
function makeRecord(h, insertedMs, ctx) {
  const countryCode = h.weighted(COUNTRY_CODES.map((c) => [c, COUNTRIES[c].weight]));
  const country = COUNTRIES[countryCode];
  const nNumbers = h.weighted([[1, 6], [2, 3], [3, 1]]);
  const phoneNumbers = [];
  while (phoneNumbers.length < nNumbers) {
    const n = `+${country.cc}${country.national(h)}`;
    if (!phoneNumbers.includes(n)) phoneNumbers.push(n);
  }

  let status = pickStatus(h, insertedMs);
  const requestedFoc = insertedMs + h.int(3, 21) * DAY;
  // FOC dates fall on a whole hour.
  const requestedFocMs = requestedFoc - (requestedFoc % (60 * 60 * 1000));
  const focMs = h.chance(0.7) ? requestedFocMs : requestedFocMs + h.int(1, 10) * DAY;
  if (status === 'ported' && focMs > DATASET_END) status = h.pick(['pending', 'authorized']);

  let portedOutMs = null;
  if (status === 'ported') portedOutMs = focMs + h.int(0, 6 * 60) * 60 * 1000 + h.int(0, 59999);

  const lastEvent = Math.max(insertedMs, portedOutMs ?? 0);
  const updatedMs = Math.min(
    Math.max(lastEvent, insertedMs + h.int(0, 30) * DAY + h.int(0, DAY - 1)),
    Math.max(DATASET_END, lastEvent),
  );

  const rejected = status === 'rejected' || status === 'rejected-pending';
  const [rejectionCode, reason] = rejected ? h.pick(REJECTIONS) : [0, null];

  const place = h.pick(country.places);
  const endUser = h.chance(0.5) ? h.pick(COMPANIES) : personName(h);
  const carrier = h.pick(country.carriers);

  const lsr = [];
  const nLsr = h.weighted([[0, 1], [1, 6], [2, 2]]);
  for (let i = 0; i < nLsr; i++) lsr.push(`https://api.telnyx.com/v2/documents/${h.uuid()}/download`);

  // Key order is fixed: it is part of the byte-identical output.
  return {
    id: h.uuid(),
    record_type: 'portout',
    status,
    phone_numbers: phoneNumbers,
    carrier_name: carrier,
    current_carrier: 'telnyx',
    spid: Array.from({ length: 4 }, () => h.pick('0123456789ABCDEFGHJKLMNPQRSTUVWXYZ'.split(''))).join(''),
    pon: h.pick(PON_FORMATS)(h),
    support_key: ctx.nextSupportKey(h),
    authorized_name: personName(h),
    end_user_name: endUser,
    service_address: `${h.int(1, 9999)} ${h.pick(country.streets)}`,
    city: place.city,
    state: place.state,
    zip: place.zip(),
    already_ported: status === 'ported' ? h.chance(0.3) : false,
    host_messaging: h.chance(0.25),
    reason,
    rejection_code: rejectionCode,
    requested_foc_date: iso(requestedFocMs),
    foc_date: iso(focMs),
    ported_out_at: portedOutMs === null ? null : iso(portedOutMs),
    lsr,
    user_id: h.pick(ctx.userIds),
    vendor: h.pick(ctx.vendors),
    created_at: iso(insertedMs),
    inserted_at: iso(insertedMs),
    updated_at: iso(updatedMs),
  };
}

function makeContext(seed, supportKeyBase) {
  // The user/vendor pools come from their own PRNG stream so base and grown
  // records share them.
  const p = helpers(mulberry32(normalizeSeed(seed) ^ 0x5bd1e995));
  const used = new Set();
  return {
    userIds: Array.from({ length: 5 }, () => p.uuid()),
    vendors: Array.from({ length: 3 }, () => p.uuid()),
    nextSupportKey(hh) {
      // Base records use 100000-899999; grown records use 900000+ (see makeGrownRecord).
      for (;;) {
        const k = `PO_${supportKeyBase + hh.int(0, 799999)}`;
        if (!used.has(k)) {
          used.add(k);
          return k;
        }
      }
    },
  };
}

/**
 * Generates `count` records sorted newest `inserted_at` first.
 * Same (seed, count) => byte-identical JSON.
 */
export function generateDataset({ seed = 42, count = 1000 } = {}) {
  const h = helpers(mulberry32(normalizeSeed(seed)));
  const ctx = makeContext(seed, 100000);
  const span = DATASET_END - DATASET_START;
  const times = new Set();
  while (times.size < count) times.add(DATASET_START + Math.floor(h.rng() * span));
  const sorted = [...times].sort((a, b) => b - a);
  return sorted.map((t) => makeRecord(h, t, ctx));
}

/**
 * Records inserted "later" by the grow=N directive. Grown record i (0-based)
 * is inserted at GROW_START + i minutes, so higher i is newer. Deterministic
 * per (seed, i); memoised per server through `cache`.
 */
export function makeGrownRecord(seed, i, cache = new Map()) {
  if (cache.has(i)) return cache.get(i);
  const h = helpers(mulberry32((normalizeSeed(seed) ^ 0x9e3779b9) + i * 7919));
  const ctx = makeContext(seed, 900000);
  ctx.nextSupportKey = () => `PO_${900000 + (i % 100000)}`;
  const rec = makeRecord(h, GROW_START + i * 60 * 1000, ctx);
  cache.set(i, rec);
  return rec;
}
