// The demo page. Uses telnyx-portouts exactly as an app would: every filter rule, the query
// string format and the error details come from the package; this file only moves values
// between the form, the address bar and the package, and draws the results.
import init, { listPortouts, buildPortoutsQuery, parsePortoutsQuery, PortoutsError } from 'telnyx-portouts';
// Optional exports that newer versions of the package have (feature-detected, so a named
// import cannot fail to link).
import * as telnyx from 'telnyx-portouts';
import { toCsv } from './csv.js';
import { renderBarChart, renderMonthChart } from './charts.js';
import { STATUSES, dash, statusChip, timeEl, utcParts } from './render.js';
import { CODE_TITLES, errorMeta, firstApiError, withHint } from './errors.js';
import { createDetail } from './detail.js';
import { createReports } from './reports.js';

const COUNTRIES = [
  ['US', 'United States'], ['CA', 'Canada'], ['GB', 'United Kingdom'], ['DE', 'Germany'],
  ['FR', 'France'], ['IE', 'Ireland'], ['NL', 'Netherlands'], ['AU', 'Australia'],
  ['ES', 'Spain'], ['MX', 'Mexico'],
];
const DEFAULT_PAGE_SIZE = 20;
const FALLBACK_BASE_URL = 'http://127.0.0.1:8787/v2';
/** Page size used by "Load all" (the API maximum: fewest requests). */
const LOAD_ALL_PAGE_SIZE = 250;
/** Upper bound for "Load all", to keep the tab responsive on a huge account. */
const LOAD_ALL_MAX_ITEMS = 20000;
/** Address-bar parameters that belong to the page, not to the port-out query. */
const APP_PARAMS = ['baseUrl', 'portout'];
const SESSION_KEY = 'telnyx-portouts-demo:settings';

const $ = (id) => document.getElementById(id);
const nf = new Intl.NumberFormat('en-US');

// ---- State -----------------------------------------------------------------------------------

const settings = { baseUrl: FALLBACK_BASE_URL, apiKey: '', maxRetries: 2 };
let settingsVersion = 0;

const state = {
  /** The query of the listing on screen: { filter, page: { number, size } }. */
  query: { filter: {}, page: { number: 1, size: DEFAULT_PAGE_SIZE } },
  mode: 'page', // 'page' | 'all'
  rows: [],
  meta: null,
  requestId: undefined,
  /** The PortoutPage last listed (for hasNextPage / nextPage when the package has them). */
  lastPage: null,
  lastPageSettings: -1,
  /** Re-runs whatever failed last (the banner's Retry). */
  retry: null,
  loadAllController: null,
  carriers: new Set(),
};
let sequence = 0; // newest load wins
/** The listing part of the address last restored (the package's query and baseUrl). */
let restoredSearch = null;
let detail = null;
let reports = null;
let inflight = null; // AbortController of the newest load

const features = { listAll: false };

// ---- Helpers ---------------------------------------------------------------------------------

function isAbort(e) {
  return e?.code === 'aborted' || e?.name === 'AbortError';
}

function bumpLoads() {
  const app = $('app');
  app.dataset.loads = String(Number(app.dataset.loads) + 1);
}

function plural(n, one, many = `${one}s`) {
  return `${nf.format(n)} ${n === 1 ? one : many}`;
}

// ---- Settings --------------------------------------------------------------------------------

function loadSettings(configBaseUrl, urlBaseUrl) {
  let saved = {};
  try {
    saved = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? '{}') ?? {};
  } catch { /* ignore */ }
  settings.baseUrl = urlBaseUrl || saved.baseUrl || configBaseUrl || FALLBACK_BASE_URL;
  if (Number.isInteger(saved.maxRetries)) settings.maxRetries = saved.maxRetries;
  if (Number.isInteger(saved.timeoutMs)) settings.timeoutMs = saved.timeoutMs;
  settings.defaultBaseUrl = configBaseUrl || FALLBACK_BASE_URL;
  writeSettingsForm();
}

function writeSettingsForm() {
  $('set-base-url').value = settings.baseUrl;
  $('set-api-key').value = settings.apiKey;
  $('set-max-retries').value = String(settings.maxRetries ?? '');
  $('set-timeout').value = String(settings.timeoutMs ?? '');
  renderConnection();
}

function saveSettings() {
  try {
    // The API key is deliberately never stored.
    sessionStorage.setItem(SESSION_KEY, JSON.stringify({ baseUrl: settings.baseUrl, maxRetries: settings.maxRetries, timeoutMs: settings.timeoutMs }));
  } catch { /* storage may be disabled */ }
}

function renderConnection() {
  const parts = [`Base URL ${settings.baseUrl}`];
  parts.push(settings.apiKey ? 'API key in memory' : 'no API key');
  $('connection-summary').textContent = parts.join(' · ');
}

/** The client options of every request. */
function clientOptions(signal) {
  const options = { baseUrl: settings.baseUrl };
  if (settings.apiKey) options.apiKey = settings.apiKey;
  if (settings.maxRetries !== undefined) options.maxRetries = settings.maxRetries;
  if (settings.timeoutMs !== undefined) options.timeoutMs = settings.timeoutMs;
  if (signal) options.signal = signal;
  return options;
}

// ---- Address bar -----------------------------------------------------------------------------

/** Splits `location.search` into the package's query string and the page's own parameters. */
function splitSearch(search) {
  const lib = [];
  const app = new URLSearchParams();
  for (const part of search.replace(/^\?/, '').split('&')) {
    if (!part) continue;
    const [entry] = new URLSearchParams(part);
    if (entry && APP_PARAMS.includes(entry[0])) app.append(entry[0], entry[1]);
    else lib.push(part);
  }
  return { libSearch: lib.join('&'), app };
}

/** The address for a query: buildPortoutsQuery's string (+ the page's own parameters). */
function urlFor(query) {
  const page = {};
  if (query.page.number > 1) page.number = query.page.number;
  if (query.page.size !== DEFAULT_PAGE_SIZE) page.size = query.page.size;
  const forUrl = { filter: query.filter };
  if (Object.keys(page).length) forUrl.page = page;
  const qs = buildPortoutsQuery(forUrl);
  const { app } = splitSearch(location.search);
  if (app.has('baseUrl')) app.set('baseUrl', settings.baseUrl);
  return addressOf(qs, app);
}

/** This page's address for the package's query string and the page's own parameters. */
function addressOf(libSearch, app) {
  const search = [libSearch, app.toString()].filter(Boolean).join('&');
  return location.pathname + (search ? `?${search}` : '');
}

/** A parsed query with the page filled in. */
function normalizeQuery(q) {
  const page = q?.page ?? {};
  return {
    filter: q?.filter ?? {},
    page: {
      number: page.number ?? q?.['page[number]'] ?? 1,
      size: page.size ?? q?.['page[size]'] ?? DEFAULT_PAGE_SIZE,
    },
  };
}

/** The listing part of the address: the package's query and the baseUrl parameter. */
function listingKey({ libSearch, app } = splitSearch(location.search)) {
  return `${libSearch}\n${app.get('baseUrl') ?? ''}`;
}

/** Opens or closes the detail panel as the address says (`?portout=<id>`). */
function syncDetail() {
  const id = splitSearch(location.search).app.get('portout');
  if (id) detail.open(id);
  else if (detail.id) closeDetailPanel();
}

/** The address with `portout` set to `id` (or removed). */
function urlWithPortout(id) {
  const { libSearch, app } = splitSearch(location.search);
  if (id) app.set('portout', id);
  else app.delete('portout');
  return addressOf(libSearch, app);
}

/** Opens port-out `id` in the detail panel and puts it in the address (back closes it). */
function openDetail(id) {
  const url = urlWithPortout(id);
  if (url !== location.pathname + location.search) history.pushState(null, '', url);
  detail.open(id);
  markOpenRow();
}

/** Closes the panel, takes it out of the address, and gives the focus back to its row. */
function closeDetail() {
  const id = detail.id;
  const url = urlWithPortout(null);
  if (url !== location.pathname + location.search) history.pushState(null, '', url);
  closeDetailPanel();
  if (id) document.querySelector(`#results-body tr[data-id="${CSS.escape(id)}"]`)?.focus();
}

function closeDetailPanel() {
  detail.close();
  markOpenRow();
}

function markOpenRow() {
  for (const tr of $('results-body').querySelectorAll('tr[data-id]')) {
    if (tr.dataset.id === detail?.id) tr.setAttribute('aria-current', 'true');
    else tr.removeAttribute('aria-current');
  }
}

/** A port-out the panel changed: its row (and the charts) show the new record. */
function updateRow(record) {
  const i = state.rows.findIndex((r) => r.id === record.id);
  if (i === -1) return;
  state.rows[i] = record;
  renderTable();
  renderCharts();
}

/** Shows what the address says (listing, detail panel); resolves when the listing has settled. */
function restoreFromUrl() {
  const { libSearch, app } = splitSearch(location.search);
  const listing = listingKey({ libSearch, app });
  if (restoredSearch === listing) {
    syncDetail(); // only the panel changed (back/forward over an open or close)
    return;
  }
  restoredSearch = listing;
  syncDetail();
  const urlBase = app.get('baseUrl');
  if (urlBase && urlBase !== settings.baseUrl) {
    settings.baseUrl = urlBase;
    settingsVersion += 1;
    writeSettingsForm();
  }
  let query;
  try {
    query = normalizeQuery(parsePortoutsQuery(libSearch));
  } catch (e) {
    clearFieldErrors();
    writeFilter({});
    showBanner(e, {
      title: 'The address contains an invalid filter',
      actionLabel: 'Clear the filter',
      action: () => {
        const clean = { filter: {}, page: { number: 1, size: DEFAULT_PAGE_SIZE } };
        history.replaceState(null, '', urlFor(clean));
        loadPage(clean);
      },
    });
    renderAll();
    bumpLoads();
    return;
  }
  writeFilter(query.filter);
  setPageSize(query.page.size);
  return loadPage(query);
}

// ---- Filter form -----------------------------------------------------------------------------

function buildOptions() {
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

function checkedValues(name) {
  return [...document.querySelectorAll(`#filter-form input[name="${name}"]:checked`)].map((i) => i.value);
}

/** The form as a PortoutFilter. Empty inputs are left out; the package checks the rest. */
function readFilter() {
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
function writeFilter(filter = {}) {
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

function renderFilterCount(filter) {
  const n = Object.keys(filter ?? {}).length;
  const badge = $('filter-count');
  badge.hidden = n === 0;
  badge.textContent = n ? `${n} active` : '';
}

function setPageSize(size) {
  const select = $('page-size');
  if (![...select.options].some((o) => Number(o.value) === size)) {
    const option = document.createElement('option');
    option.textContent = String(size);
    select.append(option);
  }
  select.value = String(size);
}

// ---- Field errors (from PortoutsError.path) ----------------------------------------------------

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
function fieldForPath(path) {
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

function clearFieldErrors() {
  for (const el of document.querySelectorAll('.field-error')) {
    el.hidden = true;
    el.textContent = '';
  }
  for (const el of document.querySelectorAll('[aria-invalid="true"]')) el.removeAttribute('aria-invalid');
  for (const el of document.querySelectorAll('.field.has-error')) el.classList.remove('has-error');
}

/** Shows `message` under the field `path` names. Returns the first input, or null if no field. */
function showFieldError(path, message) {
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

// ---- Error banner ----------------------------------------------------------------------------

function showBanner(e, { title, actionLabel = 'Retry', action } = {}) {
  const first = firstApiError(e);
  $('error-title').textContent = title ?? first?.title ?? CODE_TITLES[e?.code] ?? 'Something went wrong';
  $('error-detail').textContent = withHint(e, first?.detail ?? e?.message ?? String(e));
  $('error-meta').textContent = errorMeta(e);
  // The package's full message (with its advice) when the banner shows the API's own words.
  $('error-message').textContent = first && e?.message ? e.message : '';
  $('error-more').hidden = !(first && e?.message);
  const retry = $('error-retry');
  retry.textContent = actionLabel;
  retry.hidden = !action;
  state.retry = action ?? null;
  const banner = $('error-banner');
  banner.dataset.code = e?.code ?? 'error';
  if (e?.requestId) banner.dataset.requestId = e.requestId;
  else delete banner.dataset.requestId;
  banner.hidden = false;
}

function hideBanner() {
  $('error-banner').hidden = true;
  state.retry = null;
}

/** Shows a failure: next to its field when it names one, else (and for API 422s, also) in the banner. */
function handleError(e, retry) {
  if (!(e instanceof PortoutsError) && !(e instanceof Error)) e = new Error(String(e));
  let focus = null;
  if (e instanceof PortoutsError && ['invalid_filter', 'invalid_options', 'insecure_transport'].includes(e.code)) {
    focus = showFieldError(e.path, e.message);
  }
  if (e instanceof PortoutsError && e.code === 'unprocessable' && Array.isArray(e.errors)) {
    // The API's own 422s name the parameter (`filter[country_code]`): mark that field too.
    for (const item of e.errors) {
      const param = item?.source?.parameter;
      if (param) showFieldError(param, item.detail ?? item.title ?? 'Rejected by the API');
    }
  }
  if (focus && e.code !== 'unprocessable') {
    hideBanner();
    focus.focus?.();
    return;
  }
  if (!(e instanceof PortoutsError)) console.error(e); // a bug in this page: keep the stack
  showBanner(e, { action: retry });
}

function showNotice(text) {
  const n = $('notice');
  n.textContent = text;
  n.hidden = !text;
}

// ---- Loading ---------------------------------------------------------------------------------

function setLoading(on) {
  const wrap = $('results');
  wrap.setAttribute('aria-busy', on ? 'true' : 'false');
  wrap.classList.toggle('is-loading', on);
  if (on) $('results-summary').textContent = 'Loading…';
  renderPager(on);
}

/**
 * Lists one page and shows it. `fetchPage(signal)` defaults to listPortouts(query).
 * Validation errors (thrown by the package before any request) go next to their field.
 */
async function loadPage(query, { push = false, fetchPage } = {}) {
  clearFieldErrors();
  showNotice('');
  let url;
  try {
    url = urlFor(query); // buildPortoutsQuery: validates the filter
  } catch (e) {
    handleError(e, () => loadPage(query, { push }));
    bumpLoads();
    return;
  }
  if (push && url !== location.pathname + location.search) history.pushState(null, '', url);
  if (push) restoredSearch = listingKey();
  state.query = query;
  renderFilterCount(query.filter);
  cancelLoadAll();

  const mine = ++sequence;
  inflight?.abort();
  const controller = new AbortController();
  inflight = controller;
  setLoading(true);
  try {
    const page = fetchPage
      ? await fetchPage(controller.signal)
      : await listPortouts(query, clientOptions(controller.signal));
    if (mine !== sequence) return;
    hideBanner();
    state.mode = 'page';
    state.lastPage = page;
    state.lastPageSettings = settingsVersion;
    state.rows = Array.isArray(page.data) ? page.data : [];
    state.meta = page.meta;
    state.requestId = page.requestId;
    if (page.meta?.page_number && page.meta.page_number !== query.page.number) {
      state.query = { ...query, page: { ...query.page, number: page.meta.page_number } };
    }
    renderAll();
  } catch (e) {
    if (mine !== sequence || isAbort(e)) return;
    handleError(e, () => loadPage(query, { fetchPage: undefined }));
  } finally {
    if (mine === sequence) {
      inflight = null;
      setLoading(false);
      renderSummary();
      $('app').dataset.ready = 'true';
      bumpLoads();
    }
  }
}

function goToPage(number) {
  const query = { ...state.query, page: { ...state.query.page, number } };
  loadPage(query, { push: true });
}

function nextPage() {
  const page = state.lastPage;
  const number = state.query.page.number + 1;
  // The package's own pager, when it has one and the settings did not change since.
  if (state.mode === 'page' && page && typeof page.nextPage === 'function'
      && state.lastPageSettings === settingsVersion) {
    const query = { ...state.query, page: { ...state.query.page, number } };
    loadPage(query, { push: true, fetchPage: () => page.nextPage() });
    return;
  }
  goToPage(number);
}

function hasNextPage() {
  if (state.mode !== 'page' || !state.meta) return false;
  if (typeof state.lastPage?.hasNextPage === 'function') return Boolean(state.lastPage.hasNextPage());
  return state.meta.page_number < state.meta.total_pages;
}

// ---- Load all --------------------------------------------------------------------------------

function showProgress({ pagesDone = 0, totalPages = 0, itemsDone = 0, totalResults = 0 } = {}, done = false) {
  const pct = done ? 100
    : totalPages > 0 ? Math.floor((100 * pagesDone) / totalPages)
      : totalResults > 0 ? Math.floor((100 * itemsDone) / totalResults) : 0;
  const bar = $('load-all-bar');
  bar.value = Math.min(100, pct);
  $('load-all-pct').textContent = `${Math.min(100, pct)} %`;
  $('load-all-text').textContent = totalPages
    ? `${nf.format(pagesDone)} of ${plural(totalPages, 'page')} · ${nf.format(itemsDone)} of ${plural(totalResults, 'port-out')}`
    : 'Starting…';
  $('load-all-progress').dataset.percent = String(pct);
}

async function loadAll() {
  const listAll = telnyx.listAllPortouts;
  if (typeof listAll !== 'function') return;
  clearFieldErrors();
  hideBanner();
  showNotice('');
  const query = { filter: state.query.filter, page: { size: LOAD_ALL_PAGE_SIZE } };
  const pagedTotal = state.meta?.total_results ?? 0;
  const mine = ++sequence;
  inflight?.abort();
  const controller = new AbortController();
  inflight = controller;
  state.loadAllController = controller;
  const box = $('load-all-progress');
  box.hidden = false;
  box.dataset.state = 'running';
  $('load-all-label').textContent = 'Loading all port-outs…';
  $('load-all-cancel').hidden = false;
  showProgress();
  $('load-all').disabled = true;
  let last = null;
  try {
    const items = await listAll(query, {
      ...clientOptions(controller.signal),
      concurrency: 4,
      maxItems: LOAD_ALL_MAX_ITEMS,
      onProgress: (p) => {
        last = p;
        if (mine === sequence) showProgress(p);
      },
    });
    if (mine !== sequence) return;
    const rows = Array.isArray(items) ? items : [];
    // With maxItems the package's progress counts up to the cap, so the paged view's total
    // (taken just before) tells whether the listing was cut short.
    const total = Math.max(last?.totalResults ?? 0, rows.length, rows.length >= LOAD_ALL_MAX_ITEMS ? pagedTotal : 0);
    showProgress({ ...(last ?? {}), itemsDone: rows.length }, true);
    box.dataset.state = 'done';
    $('load-all-label').textContent = 'All port-outs loaded';
    $('load-all-cancel').hidden = true;
    state.mode = 'all';
    state.rows = rows;
    state.meta = { page_number: 1, page_size: rows.length, total_pages: 1, total_results: total };
    state.lastPage = null;
    if (rows.length < total) showNotice(`Loaded the first ${plural(rows.length, 'port-out')} of ${nf.format(total)}.`);
    renderAll();
  } catch (e) {
    if (mine !== sequence) return;
    box.hidden = true;
    box.dataset.state = 'idle';
    if (isAbort(e)) {
      showNotice('Load all canceled. The page below is unchanged.');
    } else {
      handleError(e, loadAll);
    }
  } finally {
    if (state.loadAllController === controller) state.loadAllController = null;
    if (mine === sequence) {
      inflight = null;
      renderPager(false);
      bumpLoads();
    }
  }
}

function cancelLoadAll() {
  state.loadAllController?.abort();
  state.loadAllController = null;
  const box = $('load-all-progress');
  box.hidden = true;
  box.dataset.state = 'idle';
}

// ---- Rendering -------------------------------------------------------------------------------

function cell(label, ...children) {
  const td = document.createElement('td');
  td.dataset.label = label;
  td.append(...children);
  return td;
}

function renderTable() {
  const body = $('results-body');
  const frag = document.createDocumentFragment();
  for (const r of state.rows) {
    const tr = document.createElement('tr');
    if (r.id) {
      tr.dataset.id = String(r.id);
      tr.tabIndex = 0;
      tr.title = 'Open the details';
    }
    const numbers = document.createElement('ul');
    numbers.className = 'numbers';
    for (const n of Array.isArray(r.phone_numbers) ? r.phone_numbers : []) {
      numbers.append(Object.assign(document.createElement('li'), { textContent: String(n) }));
    }
    const key = r.support_key ? Object.assign(document.createElement('code'), { textContent: String(r.support_key) }) : dash();
    tr.append(
      cell('Phone numbers', numbers.childElementCount ? numbers : dash()),
      cell('Status', statusChip(r.status)),
      cell('Carrier', r.carrier_name ? document.createTextNode(String(r.carrier_name)) : dash()),
      cell('FOC date', timeEl(r.foc_date, false)),
      cell('Created (UTC)', timeEl(r.created_at, true)),
      cell('Support key', key),
    );
    frag.append(tr);
    if (r.carrier_name && state.carriers.size < 100) state.carriers.add(String(r.carrier_name));
  }
  body.replaceChildren(frag);
  markOpenRow();
  const empty = $('results-empty');
  empty.hidden = state.rows.length > 0;
  empty.textContent = state.meta ? 'No port-outs match these filters.' : 'Nothing loaded yet.';
  const list = $('carrier-list');
  if (list.childElementCount !== state.carriers.size) {
    list.replaceChildren(...[...state.carriers].sort().map((c) => Object.assign(document.createElement('option'), { value: c })));
  }
}

function renderSummary() {
  const summary = $('results-summary');
  const meta = state.meta;
  if (!meta) {
    summary.textContent = '';
    delete summary.dataset.total;
    return;
  }
  summary.dataset.total = String(meta.total_results);
  if (state.mode === 'all') {
    summary.textContent = `All ${plural(meta.total_results, 'port-out')} loaded`
      + (state.rows.length < meta.total_results ? ` (showing ${nf.format(state.rows.length)})` : '');
  } else if (meta.total_results === 0) {
    summary.textContent = 'No port-outs match these filters';
  } else if (state.rows.length === 0) {
    summary.textContent = `Page ${meta.page_number} is past the end · ${plural(meta.total_results, 'port-out')} in total`;
  } else {
    const from = (meta.page_number - 1) * meta.page_size + 1;
    const to = from + state.rows.length - 1;
    summary.textContent = `Showing ${nf.format(from)}–${nf.format(to)} of ${plural(meta.total_results, 'port-out')}`;
  }
  if (state.requestId) summary.title = `request id ${state.requestId}`;
}

function renderPager(loading = $('results').getAttribute('aria-busy') === 'true') {
  const meta = state.meta;
  const prev = $('prev-page');
  const next = $('next-page');
  const info = $('page-info');
  if (state.mode === 'all') {
    prev.disabled = loading;
    next.disabled = true;
    prev.textContent = '← Back to pages';
    info.textContent = meta ? `All ${nf.format(state.rows.length)} loaded` : '';
  } else {
    prev.textContent = '← Previous';
    prev.disabled = loading || state.query.page.number <= 1;
    next.disabled = loading || !hasNextPage();
    info.textContent = meta ? `Page ${nf.format(meta.page_number)} of ${nf.format(Math.max(1, meta.total_pages))}` : '';
  }
  $('page-size').disabled = loading;
  const canLoadAll = features.listAll && !loading && !state.loadAllController && state.mode === 'page'
    && (meta?.total_results ?? 0) > 0;
  const loadAllBtn = $('load-all');
  loadAllBtn.hidden = !features.listAll;
  loadAllBtn.disabled = !canLoadAll;
  loadAllBtn.textContent = meta?.total_results ? `Load all (${nf.format(meta.total_results)})` : 'Load all';
  $('export-csv').disabled = loading || state.rows.length === 0;
}

function renderCharts() {
  const counts = new Map(STATUSES.map((s) => [s, 0]));
  const months = new Map();
  for (const r of state.rows) {
    const s = r.status == null ? 'unknown' : String(r.status);
    counts.set(s, (counts.get(s) ?? 0) + 1);
    const month = utcParts(r.created_at)?.month;
    if (month) months.set(month, (months.get(month) ?? 0) + 1);
  }
  const entries = [...counts].map(([label, value]) => ({
    label, value, className: `status-${STATUSES.includes(label) ? label : 'other'}`,
  }));
  renderBarChart($('chart-status'), entries, { title: 'Port-outs by status' });
  renderMonthChart($('chart-month'), months, { title: 'Port-outs by month created' });
  $('charts-scope').textContent = state.rows.length
    ? `(${plural(state.rows.length, 'loaded port-out')})` : '';
}

function renderAll() {
  renderTable();
  renderSummary();
  renderPager();
  renderCharts();
}

// ---- CSV -------------------------------------------------------------------------------------

function exportCsv() {
  if (!state.rows.length) return;
  const blob = new Blob(['\uFEFF', toCsv(state.rows)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  a.href = url;
  a.download = state.mode === 'all' ? `portouts-all-${stamp}.csv` : `portouts-page-${state.query.page.number}-${stamp}.csv`;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
  showNotice(`Exported ${plural(state.rows.length, 'port-out')} as CSV.`);
}

// ---- Wiring ----------------------------------------------------------------------------------

function wire() {
  $('filter-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const query = { filter: readFilter(), page: { number: 1, size: state.query.page.size } };
    loadPage(query, { push: true });
  });
  $('clear-filters').addEventListener('click', () => {
    writeFilter({});
    loadPage({ filter: {}, page: { number: 1, size: state.query.page.size } }, { push: true });
  });
  $('prev-page').addEventListener('click', () => {
    if (state.mode === 'all') loadPage({ ...state.query }, { push: false });
    else goToPage(Math.max(1, state.query.page.number - 1));
  });
  $('next-page').addEventListener('click', nextPage);
  $('page-size').addEventListener('change', (ev) => {
    const size = Number(ev.target.value);
    loadPage({ filter: state.query.filter, page: { number: 1, size } }, { push: true });
  });
  $('load-all').addEventListener('click', loadAll);
  $('load-all-cancel').addEventListener('click', () => state.loadAllController?.abort());
  $('export-csv').addEventListener('click', exportCsv);
  const rowOf = (ev) => ev.target.closest?.('#results-body tr[data-id]');
  $('results-body').addEventListener('click', (ev) => {
    const tr = rowOf(ev);
    if (tr && !window.getSelection()?.toString()) openDetail(tr.dataset.id);
  });
  $('results-body').addEventListener('keydown', (ev) => {
    const tr = rowOf(ev);
    if (tr && ev.key === 'Enter' && ev.target === tr) {
      ev.preventDefault();
      openDetail(tr.dataset.id);
    }
  });
  $('error-retry').addEventListener('click', () => state.retry?.());
  $('error-dismiss').addEventListener('click', hideBanner);

  $('settings-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    settings.baseUrl = $('set-base-url').value.trim();
    settings.apiKey = $('set-api-key').value;
    const retries = $('set-max-retries').value.trim();
    settings.maxRetries = retries === '' ? undefined : Number(retries);
    const timeout = $('set-timeout').value.trim();
    settings.timeoutMs = timeout === '' ? undefined : Number(timeout);
    settingsVersion += 1;
    saveSettings();
    renderConnection();
    // Keep a baseUrl that came in the address in step with the setting.
    const { app } = splitSearch(location.search);
    if (app.has('baseUrl')) {
      try {
        history.replaceState(null, '', urlFor(state.query));
      } catch { /* an invalid filter: keep the address */ }
    }
    loadPage({ ...state.query });
  });
  $('settings-reset').addEventListener('click', () => {
    $('set-base-url').value = settings.defaultBaseUrl ?? FALLBACK_BASE_URL;
    $('set-api-key').value = '';
    $('set-max-retries').value = '2';
    $('set-timeout').value = '';
    $('settings-form').requestSubmit();
  });

  window.addEventListener('popstate', () => {
    cancelLoadAll();
    restoreFromUrl();
  });
}

async function readConfig() {
  try {
    const res = await fetch('./config.json', { cache: 'no-store' });
    if (!res.ok) return undefined;
    const config = await res.json();
    return typeof config?.baseUrl === 'string' ? config.baseUrl : undefined;
  } catch {
    return undefined;
  }
}

async function start() {
  buildOptions();
  wire();
  if (matchMedia('(max-width: 720px)').matches) $('filters-panel').open = false;
  const { app } = splitSearch(location.search);
  const [configBaseUrl, loaded] = await Promise.all([
    readConfig(),
    init().then(() => true, (e) => e),
  ]);
  loadSettings(configBaseUrl, app.get('baseUrl'));
  if (loaded !== true) {
    showBanner(loaded, { title: 'Could not load the WebAssembly module', action: () => location.reload(), actionLabel: 'Reload' });
    $('results-summary').textContent = '';
    setLoading(false);
    bumpLoads();
    return;
  }
  features.listAll = typeof telnyx.listAllPortouts === 'function';
  detail = createDetail({ options: clientOptions, onRecord: updateRow, onRequestClose: closeDetail });
  reports = createReports({ options: clientOptions, currentFilter: () => state.query.filter });
  $('app').dataset.features = Object.entries(features).filter(([, v]) => v).map(([k]) => k).join(' ');
  renderAll();
  await restoreFromUrl();
  reports.load(); // the past CSV reports, once the listing has settled (the listing first)
}

start();
