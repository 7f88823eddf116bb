// How the page shows a failure: a title, the library's message and its metadata (HTTP status,
// code, request id). Used by the banner of the listing and by the error boxes of the detail
// panel and the reports card. The words come from the package's PortoutsError; this file only
// picks a title and lays the parts out.

export const CODE_TITLES = {
  invalid_filter: 'Invalid filter',
  invalid_options: 'Invalid connection settings',
  invalid_params: 'Invalid input',
  insecure_transport: 'Refusing to send the API key over plain http',
  invalid_response: 'The API sent a response the client could not accept',
  authentication: 'Authentication failed',
  permission_denied: 'Permission denied',
  not_found: 'Not found',
  unprocessable: 'The API refused the request',
  rate_limited: 'Rate limited',
  server_error: 'The API failed',
  http_error: 'HTTP error',
  network: 'Could not reach the API',
  timeout: 'The request timed out',
  aborted: 'Cancelled',
  not_initialized: 'The WebAssembly module is not loaded',
  no_next_page: 'There is no next page',
  invalid_signature: 'A webhook did not verify',
  invalid_webhook: 'A webhook is not a valid port-out event',
};

const CODE_HINTS = {
  authentication: 'Enter an API key under Connection settings (or use a proxy that adds it), then retry.',
  permission_denied: 'The API key is not allowed to do this.',
  network: 'Check the base URL under Connection settings and that the server is running and allows this origin (CORS).',
  rate_limited: 'Wait a moment, then retry.',
};

/** The first Telnyx `errors[]` item with words in it, if the failure came with one. */
export function firstApiError(e) {
  return Array.isArray(e?.errors) ? e.errors.find((x) => x && (x.title || x.detail)) : undefined;
}

/** `text` followed by the advice for the failure's code, if there is one. */
export function withHint(e, text) {
  const hint = CODE_HINTS[e?.code];
  return hint ? `${text} ${hint}` : text;
}

/** `HTTP 503 · code server_error · request id req-000012` */
export function errorMeta(e) {
  const meta = [];
  if (e?.status) meta.push(`HTTP ${e.status}`);
  if (e?.code) meta.push(`code ${e.code}`);
  if (e?.requestId) meta.push(`request id ${e.requestId}`);
  if (e?.page) meta.push(`page ${e.page}`);
  return meta.join(' · ');
}

/**
 * Fills an error box (`.panel-error`) with a failure: `title` (or the API's / the code's),
 * the library's message, the API's detail when it adds something, and the metadata. The box
 * keeps `data-code` and `data-request-id` for support tickets (and tests).
 */
export function showErrorBox(box, e, { title } = {}) {
  const api = firstApiError(e);
  const make = (cls, text) => Object.assign(document.createElement('p'), { className: cls, textContent: text });
  const parts = [make('panel-error-title', title ?? CODE_TITLES[e?.code] ?? api?.title ?? 'Something went wrong')];
  const message = e?.message ?? String(e);
  parts.push(make('panel-error-message', withHint(e, message)));
  if (api?.detail && !message.includes(api.detail)) parts.push(make('panel-error-detail', `Telnyx: ${api.detail}`));
  const meta = errorMeta(e);
  if (meta) parts.push(make('panel-error-meta', meta));
  const dismiss = Object.assign(document.createElement('button'), { type: 'button', className: 'btn ghost small', textContent: 'Dismiss' });
  dismiss.addEventListener('click', () => hideErrorBox(box));
  box.replaceChildren(Object.assign(document.createElement('div'), { className: 'panel-error-text' }), dismiss);
  box.firstChild.append(...parts);
  box.dataset.code = e?.code ?? 'error';
  if (e?.requestId) box.dataset.requestId = e.requestId;
  else delete box.dataset.requestId;
  box.hidden = false;
}

/** Hides an error box. */
export function hideErrorBox(box) {
  box.hidden = true;
  box.replaceChildren();
  delete box.dataset.code;
  delete box.dataset.requestId;
}
