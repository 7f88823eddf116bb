// How the page reports: a failure next to its field when it names one, else in the error banner
// (with Retry), and short notices.
import { PortoutsError } from 'telnyx-portouts';
import { $ } from './dom.js';
import { CODE_TITLES, errorMeta, firstApiError, withHint } from './errors.js';
import { showFieldError } from './field-errors.js';

/** What the banner's Retry runs (the failed action), or null. */
let retryAction = null;

/** Runs the banner's Retry action, if any. */
export function retryLast() {
  retryAction?.();
}

export function showBanner(e, { title, actionLabel = 'Retry', action } = {}) {
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
  retryAction = action ?? null;
  const banner = $('error-banner');
  banner.dataset.code = e?.code ?? 'error';
  if (e?.requestId) banner.dataset.requestId = e.requestId;
  else delete banner.dataset.requestId;
  banner.hidden = false;
}

export function hideBanner() {
  $('error-banner').hidden = true;
  retryAction = null;
}

/** Shows a failure: next to its field when it names one, else (and for API 422s, also) in the banner. */
export function handleError(e, retry) {
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

export function showNotice(text) {
  const n = $('notice');
  n.textContent = text;
  n.hidden = !text;
}
