// The CSV reports card: "Export CSV report" asks Telnyx for a report of the port-outs the
// current filters select (createPortoutReport), shows it pending, polls getPortoutReport until
// it is completed, then shows its document id; below, the past reports (listPortoutReports).
import { createPortoutReport, getPortoutReport, listPortoutReports } from 'telnyx-portouts';
import { $ } from './dom.js';
import { showErrorBox, hideErrorBox } from './errors.js';
import { dash, el, statusChip, timeEl } from './render.js';

const POLL_MS = 500;
/** Give up polling after this long (the report goes on on the server; the list shows it). */
const POLL_LIMIT_MS = 120_000;
const LIST_SIZE = 10;
const REPORT_STATUSES = ['pending', 'completed'];

/** The day after a `YYYY-MM-DD` date, as `YYYY-MM-DD`. */
function nextDay(date) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The report filters for a listing filter: what the report API can filter on (status, creation
 * dates, phone number); the rest of the filter is named in `left`, for the page to say so.
 */
export function reportFilters(filter = {}) {
  const filters = {};
  const left = [];
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null) continue;
    if (key === 'status') filters.status__in = [value];
    else if (key === 'status_in') filters.status__in = [...value];
    else if (key === 'inserted_at') {
      if (value.gte) filters.created_at__gt = value.gte;
      // A whole day `lte` includes that day: the report's bound is "before the next day".
      if (value.lte) filters.created_at__lt = /^\d{4}-\d{2}-\d{2}$/.test(value.lte) ? nextDay(value.lte) : value.lte;
    } else if (key === 'phone_number') filters.phone_numbers__overlaps = [value];
    else left.push(key);
  }
  return { filters, left };
}

function describeFilters(filters) {
  const parts = Object.entries(filters ?? {}).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : v}`);
  return parts.length ? parts.join(' · ') : 'all port-outs';
}

/** The card. `options(signal)` gives the client options; `currentFilter()` the listing's filter. */
export function createReports({ options, currentFilter }) {
  const card = $('reports');
  const errorBox = $('report-error');
  let pollTimer;
  const finished = () => { card.dataset.loads = String(Number(card.dataset.loads) + 1); };

  function row(report) {
    const tr = el('tr');
    if (report.id) tr.dataset.id = report.id;
    tr.dataset.status = report.status ?? '';
    const cells = ['Created (UTC)', 'Status', 'Filters', 'Document id'].map((label) => {
      const td = el('td');
      td.dataset.label = label;
      return td;
    });
    cells[0].append(timeEl(report.created_at, true));
    cells[1].append(statusChip(report.status, REPORT_STATUSES));
    cells[2].textContent = describeFilters(report.params?.filters);
    cells[3].append(report.document_id ? el('code', '', report.document_id) : dash());
    tr.append(...cells);
    return tr;
  }

  function upsert(report) {
    const list = $('report-list');
    const old = [...list.children].find((tr) => tr.dataset.id === report.id);
    if (old) old.replaceWith(row(report));
    else list.prepend(row(report));
    $('reports-empty').hidden = list.childElementCount > 0;
  }

  async function load() {
    try {
      const page = await listPortoutReports({ page: { size: LIST_SIZE } }, options());
      $('report-list').replaceChildren(...page.data.map(row));
      $('reports-empty').hidden = page.data.length > 0;
    } catch (e) {
      showErrorBox(errorBox, e, { title: 'Could not list the reports' });
    } finally {
      finished();
    }
  }

  function showCurrent(report, startedAt) {
    const box = $('report-current');
    box.hidden = false;
    box.dataset.status = report.status ?? '';
    box.dataset.id = report.id ?? '';
    const done = report.status === 'completed';
    $('report-current-label').textContent = done ? 'Report completed' : 'Report pending…';
    const bar = $('report-progress');
    if (done) { bar.max = 1; bar.value = 1; } else bar.removeAttribute('value');
    $('report-elapsed').textContent = `${((Date.now() - startedAt) / 1000).toFixed(1)} s`;
    $('report-current-text').textContent = done
      ? `Document id ${report.document_id ?? '(none given)'}: download it from the Telnyx documents API.`
      : `Telnyx is building the CSV of ${describeFilters(report.params?.filters)}.`;
  }

  async function exportReport() {
    hideErrorBox(errorBox);
    const { filters, left } = reportFilters(currentFilter());
    $('report-scope').textContent = left.length
      ? `Reports filter by status, creation date and phone number only; not applied: ${left.join(', ')}.`
      : 'A report of the port-outs that match the current filters, built by Telnyx.';
    const button = $('export-report');
    button.disabled = true;
    const startedAt = Date.now();
    let report;
    try {
      report = await createPortoutReport({ report_type: 'export_portouts_csv', params: { filters } }, options());
    } catch (e) {
      button.disabled = false;
      showErrorBox(errorBox, e, { title: 'The report was not created' });
      finished();
      return;
    }
    upsert(report);
    showCurrent(report, startedAt);
    finished();
    poll(report, startedAt);
  }

  function poll(report, startedAt) {
    clearTimeout(pollTimer);
    const button = $('export-report');
    if (report.status !== 'pending' || !report.id) {
      button.disabled = false;
      return;
    }
    pollTimer = setTimeout(async () => {
      try {
        const next = await getPortoutReport(report.id, options());
        upsert(next);
        showCurrent(next, startedAt);
        if (next.status === 'pending' && Date.now() - startedAt > POLL_LIMIT_MS) {
          $('report-current-text').textContent = 'Still pending: it stays in the list below; check again later.';
          button.disabled = false;
          return;
        }
        poll(next, startedAt);
      } catch (e) {
        button.disabled = false;
        showErrorBox(errorBox, e, { title: 'Could not check the report' });
      } finally {
        finished();
      }
    }, POLL_MS);
  }

  $('export-report').addEventListener('click', exportReport);
  return { load };
}
