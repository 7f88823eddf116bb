// Validation errors next to their field: a PortoutsError's `path` (or a Telnyx 422's
// `source.parameter`) mapped to the form field it is about.
import { $ } from './dom.js';

/** Field name → where its error goes. `inputs` get aria-invalid. */
const FIELDS = {
  status: { error: 'status-error', inputs: () => [...document.querySelectorAll('#filter-form input[name="status"]')], panel: 'filters-panel' },
  country: {
    error: 'country-error',
    inputs: () => ($('f-country-other').value.trim()
      ? [$('f-country-other')]
      : [...document.querySelectorAll('#filter-form input[name="country"]')]),
    panel: 'filters-panel',
  },
  inserted_at: { error: 'inserted-at-error', inputs: () => [$('f-inserted-gte'), $('f-inserted-lte')], panel: 'filters-panel' },
  'inserted_at.gte': { error: 'inserted-at-error', inputs: () => [$('f-inserted-gte')], panel: 'filters-panel' },
  'inserted_at.lte': { error: 'inserted-at-error', inputs: () => [$('f-inserted-lte')], panel: 'filters-panel' },
  ported_out_at: { error: 'ported-out-at-error', inputs: () => [$('f-ported-gte'), $('f-ported-lte')], panel: 'filters-panel' },
  'ported_out_at.gte': { error: 'ported-out-at-error', inputs: () => [$('f-ported-gte')], panel: 'filters-panel' },
  'ported_out_at.lte': { error: 'ported-out-at-error', inputs: () => [$('f-ported-lte')], panel: 'filters-panel' },
  foc_date: { error: 'foc-date-error', inputs: () => [$('f-foc-date')], panel: 'filters-panel' },
  phone_number: { error: 'phone-error', inputs: () => [$('f-phone')], panel: 'filters-panel' },
  pon: { error: 'pon-error', inputs: () => [$('f-pon')], panel: 'filters-panel' },
  spid: { error: 'spid-error', inputs: () => [$('f-spid')], panel: 'filters-panel' },
  carrier_name: { error: 'carrier-error', inputs: () => [$('f-carrier')], panel: 'filters-panel' },
  support_key: { error: 'support-key-error', inputs: () => [$('f-support-key')], panel: 'filters-panel' },
  page_size: { error: 'page-size-error', inputs: () => [$('page-size')] },
  page_number: { error: 'page-size-error', inputs: () => [] },
  baseUrl: { error: 'set-base-url-error', inputs: () => [$('set-base-url')], panel: 'settings-panel' },
  apiKey: { error: 'set-api-key-error', inputs: () => [$('set-api-key')], panel: 'settings-panel' },
  maxRetries: { error: 'set-max-retries-error', inputs: () => [$('set-max-retries')], panel: 'settings-panel' },
  timeoutMs: { error: 'set-timeout-error', inputs: () => [$('set-timeout')], panel: 'settings-panel' },
};

/** The form field a PortoutsError path (or a Telnyx `source.parameter`) is about, if any. */
export function fieldForPath(path) {
  if (typeof path !== 'string' || !path) return null;
  // `filter[inserted_at][gte]` (API parameter) → `filter.inserted_at.gte`; drop array indexes.
  let p = path.replace(/\[(\d+)\]/g, '').replace(/\[([^\]]+)\]/g, '.$1');
  if (p.startsWith('options.')) p = p.slice('options.'.length);
  if (p === 'page.size') return 'page_size';
  if (p === 'page.number') return 'page_number';
  if (p.startsWith('filter.')) p = p.slice('filter.'.length);
  p = p.replace(/^status_in$/, 'status').replace(/^status$/, 'status')
    .replace(/^country_code(_in)?$/, 'country');
  while (p) {
    if (FIELDS[p]) return p;
    const dot = p.lastIndexOf('.');
    if (dot < 0) break;
    p = p.slice(0, dot);
  }
  return null;
}

export function clearFieldErrors() {
  for (const el of document.querySelectorAll('.field-error')) {
    el.hidden = true;
    el.textContent = '';
  }
  for (const el of document.querySelectorAll('[aria-invalid="true"]')) el.removeAttribute('aria-invalid');
  for (const el of document.querySelectorAll('.field.has-error')) el.classList.remove('has-error');
}

/** Shows `message` under the field `path` names. Returns the first input, or null if no field. */
export function showFieldError(path, message) {
  const name = fieldForPath(path);
  if (!name) return null;
  const field = FIELDS[name];
  const errorEl = $(field.error);
  const text = message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message;
  errorEl.textContent = errorEl.hidden || !errorEl.textContent ? text : `${errorEl.textContent} ${text}`;
  errorEl.hidden = false;
  errorEl.closest('.field')?.classList.add('has-error');
  const inputs = field.inputs();
  for (const input of inputs) input.setAttribute('aria-invalid', 'true');
  if (field.panel) $(field.panel).open = true;
  return inputs[0] ?? errorEl;
}
