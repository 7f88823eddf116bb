// "Load all": every page of the current filter through the package's listAllPortouts (when the
// package has it), with a progress bar and Cancel, shown in place of the paged listing.
import * as telnyx from 'telnyx-portouts';
import { $, nf, plural } from './dom.js';
import { clearFieldErrors } from './field-errors.js';
import { handleError, hideBanner, showNotice } from './banner.js';
import { clientOptions } from './settings.js';
import { showProgress } from './results.js';
import { beginLoad, bumpLoads, endLoad, isAbort, isNewest } from './loads.js';

/** Page size used by "Load all" (the API maximum: fewest requests). */
const LOAD_ALL_PAGE_SIZE = 250;
/** Upper bound for "Load all", to keep the tab responsive on a huge account. */
const LOAD_ALL_MAX_ITEMS = 20000;

/** "Load all" over the page's `state`, drawing with `renderAll` / `renderPager`. */
export function createLoadAll({ state, renderAll, renderPager }) {
  async function loadAll() {
    const listAll = telnyx.listAllPortouts;
    if (typeof listAll !== 'function') return;
    clearFieldErrors();
    hideBanner();
    showNotice('');
    const query = { filter: state.query.filter, page: { size: LOAD_ALL_PAGE_SIZE } };
    const pagedTotal = state.meta?.total_results ?? 0;
    const { mine, controller } = beginLoad();
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
          if (isNewest(mine)) showProgress(p);
        },
      });
      if (!isNewest(mine)) return;
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
      if (!isNewest(mine)) return;
      box.hidden = true;
      box.dataset.state = 'idle';
      if (isAbort(e)) {
        showNotice('Load all canceled. The page below is unchanged.');
      } else {
        handleError(e, loadAll);
      }
    } finally {
      if (state.loadAllController === controller) state.loadAllController = null;
      if (endLoad(mine)) {
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

  return { loadAll, cancelLoadAll };
}
