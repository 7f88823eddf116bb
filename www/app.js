// The demo page. Uses telnyx-portouts exactly as an app would: every filter rule, the query
// string format and the error details come from the package; this file only moves values
// between the form, the address bar and the package, and draws the results.
import init, { listPortouts, parsePortoutsQuery } from 'telnyx-portouts';
// Optional exports that newer versions of the package have (feature-detected, so a named
// import cannot fail to link).
import * as telnyx from 'telnyx-portouts';
import { toCsv } from './csv.js';
import { $, plural } from './dom.js';
import { buildOptions, readFilter, writeFilter, renderFilterCount, setPageSize } from './filter-form.js';
import { clearFieldErrors } from './field-errors.js';
import { handleError, hideBanner, retryLast, showBanner, showNotice } from './banner.js';
import { FALLBACK_BASE_URL, settings, loadSettings, writeSettingsForm, saveSettings, renderConnection, clientOptions } from './settings.js';
import { DEFAULT_PAGE_SIZE, splitSearch, urlFor, normalizeQuery, listingKey, urlWithPortout } from './address.js';
import { createResults } from './results.js';
import { beginLoad, bumpLoads, endLoad, isAbort, isNewest } from './loads.js';
import { createLoadAll } from './load-all.js';
import { createDetail } from './detail.js';
import { createReports } from './reports.js';
import { startLive } from './live.js';



// ---- State -----------------------------------------------------------------------------------

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
  loadAllController: null,
  carriers: new Set(),
};
/** The listing part of the address last restored (the package's query and baseUrl). */
let restoredSearch = null;
let detail = null;
let reports = null;
let live = null;
/** The gateway's base URL when the page server has one (config.json), else null. */
let liveBaseUrl = null;

const features = { listAll: false };
const { renderTable, renderSummary, renderPager, renderCharts, renderAll } = createResults({
  state, features, hasNextPage: () => hasNextPage(), markOpenRow: () => markOpenRow(),
});
const { loadAll, cancelLoadAll } = createLoadAll({ state, renderAll, renderPager });

// ---- Helpers ---------------------------------------------------------------------------------


/** Opens or closes the detail panel as the address says (`?portout=<id>`). */
function syncDetail() {
  const id = splitSearch(location.search).app.get('portout');
  if (id) detail.open(id);
  else if (detail.id) closeDetailPanel();
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

  const { mine, controller } = beginLoad();
  setLoading(true);
  try {
    const page = fetchPage
      ? await fetchPage(controller.signal)
      : await listPortouts(query, clientOptions(controller.signal));
    if (!isNewest(mine)) return;
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
    if (!isNewest(mine) || isAbort(e)) return;
    handleError(e, () => loadPage(query, { fetchPage: undefined }));
  } finally {
    if (endLoad(mine)) {
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
  $('error-retry').addEventListener('click', retryLast);
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
    syncLive();
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
    if (typeof config?.baseUrl !== 'string') return undefined;
    liveBaseUrl = config.live === true ? config.baseUrl : null;
    return config.baseUrl;
  } catch {
    return undefined;
  }
}

/** Live updates run while the page talks to the server's gateway (config.json's `live`). */
function syncLive() {
  if (liveBaseUrl && settings.baseUrl === liveBaseUrl) {
    if (live) live.restart();
    else live = startLive({ options: clientOptions, onPortout: showChange });
  } else {
    live?.stop();
    live = null;
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
  syncLive();
}

/** A port-out changed elsewhere (a live event): its row and the open panel show it. */
async function showChange(id) {
  if (detail.id === id) return detail.refresh(id); // the panel updates the row too
  if (!state.rows.some((r) => r.id === id)) return;
  try {
    updateRow(await telnyx.getPortout(id, clientOptions()));
  } catch {
    // The listing keeps what it showed; the next load brings the change.
  }
}

start();
