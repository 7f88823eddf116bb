// The results: the table of port-outs, the summary line, the pager and the charts, drawn from
// the page's state. `createResults` takes what it reads of the rest of the page.
import { $, nf, plural } from './dom.js';
import { renderBarChart, renderMonthChart } from './charts.js';
import { STATUSES, dash, statusChip, timeEl, utcParts } from './render.js';

/**
 * The results' renderers over `state` (rows, meta, mode, query) and `features`;
 * `hasNextPage()` says whether the pager's Next is enabled, `markOpenRow()` runs after the
 * table is drawn.
 */
export function createResults({ state, features, hasNextPage, markOpenRow }) {
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

  return { renderTable, renderSummary, renderPager, renderCharts, renderAll };
}

/** The progress of "Load all": its bar, percent and pages / records counts. */
export function showProgress({ pagesDone = 0, totalPages = 0, itemsDone = 0, totalResults = 0 } = {}, done = false) {
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
