// The case tables. Plain JSON (Dates as `{ $date }`) so the same tables run in the browser page.

export const STATUSES = ['pending', 'authorized', 'ported', 'rejected', 'rejected-pending', 'canceled'];
export const ARRAY_FORMATS = ['comma', 'brackets', 'repeat'];

/** One representative, spec-valid value per filter. */
export const VALUES = {
  carrier_name: 'Telnyx',
  country_code: 'US',
  country_code_in: ['CA', 'US'],
  foc_date: '2024-09-04T00:00:00.000Z',
  inserted_at: { gte: '2024-09-01T00:00:00Z', lte: '2024-09-30T23:59:59Z' },
  phone_number: '+13035551212',
  pon: '00000000',
  ported_out_at: { gte: '2024-01-01T00:00:00+02:00', lte: '2024-12-31T23:59:59.999-08:00' },
  spid: '0ccc7b54-4df3-4bca-a65a-3da1ecc777f0',
  status: 'pending',
  status_in: ['pending', 'authorized'],
  support_key: 'PO_abc123',
};
export const FILTERS = Object.keys(VALUES);

/**
 * Requests that must be accepted by Prism (2xx), each sent by `listPortouts` in all three array
 * formats. `group` is the table's category.
 */
export function requestCases() {
  const cases = [];
  const add = (group, name, query) => cases.push({ group, name, query });

  for (const k of FILTERS) add('filter alone', k, { filter: { [k]: VALUES[k] } });
  add('filter alone', 'carrier_name with reserved characters', { filter: { carrier_name: "A&B, Inc. +1/é [x]=#%?~*'()!" } });
  add('filter alone', 'carrier_name with spaces and emoji', { filter: { carrier_name: 'New  Carrier 📞 Ltd' } });
  add('filter alone', 'pon with + / and space', { filter: { pon: 'PON 1+2/3' } });
  add('filter alone', 'support_key with & = ?', { filter: { support_key: 'PO_ä?&=' } });
  add('filter alone', 'spid with comma', { filter: { spid: 'a,b' } });
  add('filter alone', 'country_code lower case (normalised to GB)', { filter: { country_code: 'gb' } });
  add('filter alone', 'country_code_in one member', { filter: { country_code_in: ['US'] } });
  add('filter alone', 'country_code_in three members, one lower case', { filter: { country_code_in: ['CA', 'US', 'gb'] } });
  add('filter alone', 'phone_number non-US E.164', { filter: { phone_number: '+35312345678' } });
  add('filter alone', 'foc_date as a Date', { filter: { foc_date: { $date: '2024-09-04T12:34:56.789Z' } } });
  add('filter alone', 'foc_date with offset', { filter: { foc_date: '2024-09-04T00:00:00+05:30' } });
  add('filter alone', 'foc_date lower-case t and z', { filter: { foc_date: '2024-09-04t00:00:00z' } });
  add('filter alone', 'foc_date with microseconds', { filter: { foc_date: '2024-09-04T00:00:00.123456Z' } });
  add('filter alone', 'foc_date leap second 23:59:60Z (RFC 3339 section 5.8 example)', { filter: { foc_date: '1990-12-31T23:59:60Z' } });
  for (const k of ['inserted_at', 'ported_out_at']) {
    add('filter alone', `${k}.gte only`, { filter: { [k]: { gte: VALUES[k].gte } } });
    add('filter alone', `${k}.lte only`, { filter: { [k]: { lte: VALUES[k].lte } } });
    add('filter alone', `${k} as Dates`, { filter: { [k]: { gte: { $date: '2024-01-01T00:00:00.000Z' }, lte: { $date: '2024-02-01T00:00:00.000Z' } } } });
  }
  for (const s of STATUSES) add('status values', `status=${s}`, { filter: { status: s } });
  for (const s of STATUSES) add('status values', `status_in=[${s}]`, { filter: { status_in: [s] } });
  add('status values', 'status_in all six', { filter: { status_in: STATUSES } });
  add('status values', 'status_in all six reversed', { filter: { status_in: [...STATUSES].reverse() } });

  add('page bounds', 'page.number=1', { page: { number: 1 } });
  add('page bounds', 'page.size=1', { page: { size: 1 } });
  add('page bounds', 'page.size=250', { page: { size: 250 } });
  add('page bounds', 'page 1 x 1', { page: { number: 1, size: 1 } });
  add('page bounds', 'page 1 x 250', { page: { number: 1, size: 250 } });
  add('page bounds', "SDK flat keys 'page[number]'=1 'page[size]'=250", { 'page[number]': 1, 'page[size]': 250 });
  add('page bounds', "SDK flat keys 'page[size]'=1", { 'page[size]': 1 });
  add('page bounds', 'page.number=2147483647', { page: { number: 2147483647, size: 250 } });
  add('page bounds', 'no query at all', {});

  const all = { ...VALUES };
  add('combinations', 'all 12 filters, page 1 x 250', { filter: all, page: { number: 1, size: 250 } });
  add('combinations', 'all 12 filters, page 1 x 1', { filter: all, page: { number: 1, size: 1 } });
  add('combinations', 'all 12 filters, six statuses, three countries', { filter: { ...all, status_in: STATUSES, country_code_in: ['CA', 'US', 'GB'] }, page: { size: 250 } });
  let i = 0;
  for (let a = 0; a < FILTERS.length; a++) {
    for (let b = a + 1; b < FILTERS.length; b++) {
      const [ka, kb] = [FILTERS[a], FILTERS[b]];
      const page = i % 2 === 0 ? { number: 1, size: 1 } : { size: 250 };
      add('combinations', `${ka} + ${kb}`, { filter: { [ka]: VALUES[ka], [kb]: VALUES[kb] }, page });
      i++;
    }
  }
  return cases;
}

/**
 * Inputs the library accepts and sends, but which the spec does not allow (Prism answers 422).
 * These were library deviations from the contract found by this suite, now fixed; kept as tests.
 */
export function deviationCases() {
  return [
    { group: 'library deviation', name: 'foc_date as a bare date', query: { filter: { foc_date: '2024-09-04' } } },
    { group: 'library deviation', name: 'inserted_at.gte as a bare date', query: { filter: { inserted_at: { gte: '2024-09-01' } } } },
    { group: 'library deviation', name: 'ported_out_at.lte as a bare date', query: { filter: { ported_out_at: { lte: '2024-12-31' } } } },
    { group: 'library deviation', name: 'foc_date leap second not at 23:59 UTC', query: { filter: { foc_date: '2024-06-30T12:59:60Z' } } },
  ];
}

/** Hand-built requests that break the spec: Prism must refuse each (the suite can fail). */
export const NEGATIVE_CONTROLS = [
  { name: 'status not in the enum', search: 'filter%5Bstatus%5D=bogus', expect: 422 },
  { name: 'status_in member not in the enum (indexed form)', search: 'filter%5Bstatus_in%5D%5B0%5D=bogus', expect: 422 },
  { name: 'page.size 0', search: 'page%5Bsize%5D=0', expect: 422 },
  { name: 'page.size 251', search: 'page%5Bsize%5D=251', expect: 422 },
  { name: 'page.number 0', search: 'page%5Bnumber%5D=0', expect: 422 },
  { name: 'page.size not a number', search: 'page%5Bsize%5D=abc', expect: 422 },
  { name: 'page.number not an integer', search: 'page%5Bnumber%5D=1.5', expect: 422 },
  { name: 'inserted_at.gte not a date-time', search: 'filter%5Binserted_at%5D%5Bgte%5D=yesterday', expect: 422 },
  { name: 'ported_out_at.lte month 13', search: 'filter%5Bported_out_at%5D%5Blte%5D=2024-13-01T00%3A00%3A00Z', expect: 422 },
  { name: 'foc_date without a time zone', search: 'filter%5Bfoc_date%5D=2024-09-04T00%3A00%3A00', expect: 422 },
  { name: 'foc_date as a bare date', search: 'filter%5Bfoc_date%5D=2024-09-04', expect: 422 },
  { name: 'no Authorization header', search: 'filter%5Bstatus%5D=pending', auth: null, expect: 401 },
  { name: 'Authorization with the Basic scheme', search: '', auth: 'Basic eDp4', expect: 401 },
  { name: 'GET /portouts/{id} with a non-uuid id', path: '/portouts/not-a-uuid', search: '', expect: 422 },
];

/** A hand-built spec-valid request: the baseline the negative controls are compared with. */
export const POSITIVE_CONTROLS = [
  { name: 'valid status', search: 'filter%5Bstatus%5D=pending', expect: 200 },
  { name: 'valid status_in (indexed form)', search: 'filter%5Bstatus_in%5D%5B0%5D=pending&filter%5Bstatus_in%5D%5B1%5D=ported', expect: 200 },
  { name: 'page bounds 1 and 250', search: 'page%5Bnumber%5D=1&page%5Bsize%5D=250', expect: 200 },
  { name: 'GET /portouts/{id} with a uuid', path: '/portouts/0ccc7b54-4df3-4bca-a65a-3da1ecc777f0', search: '', expect: 200 },
];

/**
 * What Prism 5.14.2 does with forms it cannot check: recorded as observed (asserted, so that a
 * Prism change shows up). Prism's deepObject reader takes array members only from indexed keys
 * (`filter[status_in][0]`), so in every format the library uses it sees an empty array.
 * `input` is the library query for the same thing: what the library does with it is recorded too.
 */
export const PRISM_PROBES = [
  { name: 'invalid status_in member, comma format', search: 'filter%5Bstatus_in%5D=pending%2Cbogus', observed: 200, input: { filter: { status_in: ['pending', 'bogus'] } } },
  { name: 'invalid status_in member, brackets format', search: 'filter%5Bstatus_in%5D%5B%5D=bogus', observed: 200, input: { filter: { status_in: ['bogus'] } } },
  { name: 'invalid status_in member, repeat format', search: 'filter%5Bstatus_in%5D=bogus&filter%5Bstatus_in%5D=pending', observed: 200, input: { filter: { status_in: ['bogus', 'pending'] } } },
  { name: 'unknown filter key filter[statusIn]', search: 'filter%5BstatusIn%5D=bogus', observed: 200, input: { filter: { statusIn: ['bogus'] } } },
  { name: 'unknown top-level key', search: 'status=bogus', observed: 200, input: { status: 'bogus' } },
  { name: 'offset without colon +0530 (RFC 3339 requires +05:30)', search: 'filter%5Bfoc_date%5D=2024-09-04T00%3A00%3A00%2B0530', observed: 200, input: { filter: { foc_date: '2024-09-04T00:00:00+0530' } } },
  { name: 'leap second 15:59:60-08:00 (RFC 3339 section 5.8 example, = 23:59:60Z)', search: 'filter%5Bfoc_date%5D=1990-12-31T15%3A59%3A60-08%3A00', observed: 422, input: { filter: { foc_date: '1990-12-31T15:59:60-08:00' } } },
];

/** Filters for the official-SDK comparison (SDK shapes: flat `page[...]` keys). */
export function sdkCases() {
  const cases = [];
  const add = (name, params, note) => cases.push({ name, params, note });
  for (const k of FILTERS) add(`${k} alone`, { filter: { [k]: VALUES[k] } });
  for (const s of STATUSES) add(`status=${s}`, { filter: { status: s } });
  add('status_in one member', { filter: { status_in: ['ported'] } });
  add('status_in all six', { filter: { status_in: STATUSES } });
  add('country_code_in three', { filter: { country_code_in: ['CA', 'US', 'GB'] } });
  add('carrier_name with reserved characters', { filter: { carrier_name: "A&B, Inc. +1/é [x]=#%?~*'()!" } });
  add('carrier_name with emoji and spaces', { filter: { carrier_name: 'New  Carrier 📞 Ltd' } });
  add('pon with + / and space', { filter: { pon: 'PON 1+2/3' } });
  add('support_key with & = ?', { filter: { support_key: 'PO_ä?&=' } });
  add('foc_date with offset', { filter: { foc_date: '2024-09-04T00:00:00+05:30' } });
  add('inserted_at.gte only', { filter: { inserted_at: { gte: '2024-09-01T00:00:00Z' } } });
  add('ported_out_at.lte only', { filter: { ported_out_at: { lte: '2024-12-31T23:59:59.999-08:00' } } });
  add('page[number]=1', { 'page[number]': 1 });
  add('page[size]=1', { 'page[size]': 1 });
  add('page[size]=250', { 'page[size]': 250 });
  add('page 1 x 250 with a filter', { 'page[number]': 1, 'page[size]': 250, filter: { status: 'ported' } });
  add('all 12 filters, page 1 x 250', { filter: { ...VALUES }, 'page[number]': 1, 'page[size]': 250 });
  add('all 12 filters, six statuses', { filter: { ...VALUES, status_in: STATUSES } });
  add('no params', {});
  return cases;
}

/** Inputs on which the library and the SDK differ by design (recorded, with the expected difference). */
export function sdkKnownDifferences() {
  return [
    { name: 'country_code lower case', params: { filter: { country_code: 'us' } }, expect: 'library sends US (normalised), SDK sends us' },
    { name: 'country_code_in lower case', params: { filter: { country_code_in: ['us', 'ca'] } }, expect: 'library sends US,CA, SDK sends us,ca' },
    { name: 'empty status_in', params: { filter: { status_in: [] } }, expect: 'library refuses (invalid_filter), SDK leaves the key out' },
    { name: 'empty pon', params: { filter: { pon: '' } }, expect: 'library refuses (invalid_filter), SDK sends filter[pon]=' },
    { name: 'status not in the enum', params: { filter: { status: 'bogus' } }, expect: 'library refuses (invalid_filter), SDK sends it' },
    { name: 'misspelt key statusIn', params: { filter: { statusIn: ['pending'] } }, expect: "library refuses (did you mean 'status_in'), SDK sends filter[statusIn]=pending (the API would ignore it)" },
  ];
}
