// The filter form: its status and country options, reading it as a PortoutFilter and showing a
// (parsed) filter in it, the active-filter count and the page size. The package checks every
// value; this file only moves values between the form and the query.
import { $ } from './dom.js';
import { STATUSES } from './render.js';

/** The countries offered as checkboxes (others go in the free-text field). */
const COUNTRIES = [
  ['US', 'United States'], ['CA', 'Canada'], ['GB', 'United Kingdom'], ['DE', 'Germany'],
  ['FR', 'France'], ['IE', 'Ireland'], ['NL', 'Netherlands'], ['AU', 'Australia'],
  ['ES', 'Spain'], ['MX', 'Mexico'],
];

export function buildOptions() {
  const status = $('status-options');
  for (const s of STATUSES) {
    const label = document.createElement('label');
    label.className = 'pill';
    const input = Object.assign(document.createElement('input'), { type: 'checkbox', name: 'status', value: s });
    const dot = Object.assign(document.createElement('span'), { className: `dot status-${s}` });
    dot.setAttribute('aria-hidden', 'true');
    label.append(input, dot, document.createTextNode(s));
    status.append(label);
  }
  const country = $('country-options');
  for (const [code, name] of COUNTRIES) {
    const label = document.createElement('label');
    label.className = 'pill';
    label.title = name;
    const input = Object.assign(document.createElement('input'), { type: 'checkbox', name: 'country', value: code });
    input.setAttribute('aria-label', `${name} (${code})`);
    label.append(input, document.createTextNode(code));
    country.append(label);
  }
}

const TEXT_FIELDS = [
  ['foc_date', 'f-foc-date'],
  ['phone_number', 'f-phone'],
  ['pon', 'f-pon'],
  ['spid', 'f-spid'],
  ['carrier_name', 'f-carrier'],
  ['support_key', 'f-support-key'],
];
const RANGES = [
  ['inserted_at', 'f-inserted-gte', 'f-inserted-lte'],
  ['ported_out_at', 'f-ported-gte', 'f-ported-lte'],
];

export function checkedValues(name) {
  return [...document.querySelectorAll(`#filter-form input[name="${name}"]:checked`)].map((i) => i.value);
}

/** The form as a PortoutFilter. Empty inputs are left out; the package checks the rest. */
export function readFilter() {
  const filter = {};
  const statuses = checkedValues('status');
  if (statuses.length === 1) filter.status = statuses[0];
  else if (statuses.length > 1) filter.status_in = statuses;

  const countries = checkedValues('country');
  for (const code of $('f-country-other').value.split(/[\s,;]+/)) {
    if (code && !countries.includes(code)) countries.push(code);
  }
  if (countries.length === 1) filter.country_code = countries[0];
  else if (countries.length > 1) filter.country_code_in = countries;

  for (const [key, gteId, lteId] of RANGES) {
    const gte = $(gteId).value.trim();
    const lte = $(lteId).value.trim();
    if (gte || lte) {
      filter[key] = {};
      if (gte) filter[key].gte = gte;
      if (lte) filter[key].lte = lte;
    }
  }
  for (const [key, id] of TEXT_FIELDS) {
    const value = $(id).value.trim();
    if (value) filter[key] = value;
  }
  return filter;
}

/** Shows a (parsed) PortoutFilter in the form. */
export function writeFilter(filter = {}) {
  const statuses = filter.status ? [filter.status] : filter.status_in ?? [];
  for (const input of document.querySelectorAll('#filter-form input[name="status"]')) {
    input.checked = statuses.includes(input.value);
  }
  const countries = filter.country_code ? [filter.country_code] : filter.country_code_in ?? [];
  const known = COUNTRIES.map(([c]) => c);
  for (const input of document.querySelectorAll('#filter-form input[name="country"]')) {
    input.checked = countries.includes(input.value);
  }
  $('f-country-other').value = countries.filter((c) => !known.includes(c)).join(', ');
  const asText = (v) => (v instanceof Date ? v.toISOString() : v == null ? '' : String(v));
  // The package sends a typed date (YYYY-MM-DD) as the whole-day date-time the API requires;
  // show such a value as the date again.
  const asDate = (v, dayEdge) => asText(v).replace(new RegExp(`^(\\d{4}-\\d{2}-\\d{2})T${dayEdge}Z$`), '$1');
  for (const [key, gteId, lteId] of RANGES) {
    $(gteId).value = asDate(filter[key]?.gte, '00:00:00\\.000');
    $(lteId).value = asDate(filter[key]?.lte, '23:59:59\\.999');
  }
  for (const [key, id] of TEXT_FIELDS) $(id).value = key === 'foc_date' ? asDate(filter[key], '00:00:00\\.000') : asText(filter[key]);
  renderFilterCount(filter);
}

export function renderFilterCount(filter) {
  const n = Object.keys(filter ?? {}).length;
  const badge = $('filter-count');
  badge.hidden = n === 0;
  badge.textContent = n ? `${n} active` : '';
}

export function setPageSize(size) {
  const select = $('page-size');
  if (![...select.options].some((o) => Number(o.value) === size)) {
    const option = document.createElement('option');
    option.textContent = String(size);
    select.append(option);
  }
  select.value = String(size);
}
