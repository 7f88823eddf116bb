// The detail panel of one port-out: every field, its comments, supporting documents and event
// timeline, and the status changes its status allows (authorize, reject with a code and a
// reason). Everything goes through the package; this file validates nothing itself: the
// package's PortoutsError is shown next to the field its `path` names, or in the panel.
import {
  getPortout, listPortoutComments, createPortoutComment, listPortoutSupportingDocuments,
  createPortoutSupportingDocuments, listPortoutEvents, republishPortoutEvent, updatePortoutStatus,
  listPortoutRejectionCodes,
} from 'telnyx-portouts';
import { $ } from './dom.js';
import { showErrorBox, hideErrorBox } from './errors.js';
import { el, statusChip, timeEl } from './render.js';
import { FIELD_LABELS, commentItem, documentRow, eventSummary, fieldValue } from './detail-items.js';

/** The status changes `PATCH /portouts/{id}/{status}` accepts, by current status. */
const ACTIONS = { pending: ['authorized', 'rejected-pending'], 'rejected-pending': ['authorized'] };
/** Events shown in the timeline (the newest of them). */
const EVENTS_PAGE_SIZE = 100;

/**
 * The panel. `options(signal)` gives the client options of every call; `onRecord(record)` is
 * told of a changed port-out (the table updates its row); `onRequestClose()` is asked to
 * close (the page updates the address, then calls `close()`).
 */
export function createDetail({ options, onRecord, onRequestClose }) {
  const panel = $('detail');
  const errorBox = $('detail-error');
  let current = null; // { id, record, controller, codes }
  let pendingConfirm = null;

  const finished = () => { panel.dataset.loads = String(Number(panel.dataset.loads) + 1); };
  const isCurrent = (id) => current?.id === id;
  const opts = () => options(current?.controller.signal);

  function notice(text) {
    const n = $('detail-notice');
    n.textContent = text;
    n.hidden = !text;
  }

  function fail(e, title) {
    if (e?.code === 'aborted') return;
    if (!(e instanceof Error)) e = new Error(String(e));
    if (!e.code) console.error(e); // a bug in this page: keep the stack
    showErrorBox(errorBox, e, { title });
  }

  // ---- Field errors (the package's `path` names the field) ------------------------------------

  function clearFieldErrors(form) {
    for (const f of form.querySelectorAll('[data-path]')) {
      const err = f.querySelector('.field-error');
      if (err) { err.hidden = true; err.textContent = ''; }
      f.querySelector('input, select, textarea')?.removeAttribute('aria-invalid');
    }
  }

  /** Shows `e` beside the field of `form` its path names; false when no field has that path. */
  function showFieldError(form, e) {
    if (e?.code !== 'invalid_params' || typeof e.path !== 'string') return false;
    const field = [...form.querySelectorAll('[data-path]')].find((f) => f.dataset.path === e.path);
    const err = field?.querySelector('.field-error');
    if (!err) return false;
    err.textContent = e.message;
    err.hidden = false;
    const control = field.querySelector('input, select, textarea');
    control?.setAttribute('aria-invalid', 'true');
    control?.focus();
    return true;
  }

  /** Runs one operation of the panel: busy button, errors to their field or the panel. */
  async function run(id, { form, button, title }, work) {
    hideErrorBox(errorBox);
    notice('');
    if (form) clearFieldErrors(form);
    if (button) button.disabled = true;
    try {
      await work();
    } catch (e) {
      if (!isCurrent(id)) return;
      if (!(form && showFieldError(form, e))) fail(e, title);
    } finally {
      if (button) button.disabled = false;
      if (isCurrent(id)) finished();
    }
  }

  // ---- Rendering --------------------------------------------------------------------------------

  /** The header's status badge (a dash while there is no record). */
  function showStatus(status) {
    $('detail-status').replaceWith(Object.assign(statusChip(status), { id: 'detail-status' }));
  }

  function renderRecord(record) {
    $('detail-title').textContent = record.support_key ?? record.id ?? 'Port-out';
    showStatus(record.status);
    const known = Object.keys(FIELD_LABELS).filter((k) => k in record);
    const other = Object.keys(record).filter((k) => !(k in FIELD_LABELS)).sort();
    const rows = [...known, ...other].map((key) => {
      const div = el('div');
      div.dataset.field = key;
      const dd = el('dd');
      dd.append(fieldValue(key, record[key]));
      div.append(el('dt', '', FIELD_LABELS[key] ?? key), dd);
      return div;
    });
    $('detail-fields').replaceChildren(...rows);
    renderActions(record);
  }

  function renderActions(record) {
    const allowed = ACTIONS[record.status] ?? [];
    $('actions-section').hidden = allowed.length === 0;
    $('action-authorize').hidden = !allowed.includes('authorized');
    $('action-reject').hidden = !allowed.includes('rejected-pending');
    if (!allowed.includes('rejected-pending')) $('reject-form').hidden = true;
    hideConfirm();
  }

  function renderComments(list) {
    $('comment-list').replaceChildren(...list.map(commentItem));
    countOf('comment-count', 'comments-empty', $('comment-list').childElementCount);
  }

  function renderDocuments(list) {
    $('document-list').replaceChildren(...list.map(documentRow));
    countOf('document-count', 'documents-empty', list.length);
  }

  function countOf(badgeId, emptyId, n) {
    $(badgeId).textContent = String(n);
    $(emptyId).hidden = n > 0;
  }

  function eventItem(ev) {
    const li = el('li', 'event');
    if (ev.id) li.dataset.id = ev.id;
    li.dataset.type = ev.event_type ?? '';
    const head = el('p', 'event-head');
    head.append(timeEl(ev.created_at, true), el('span', 'event-type', ev.event_type ?? ''));
    const republish = el('button', 'btn small republish', 'Republish');
    republish.type = 'button';
    republish.setAttribute('aria-label', `Republish the event of ${ev.created_at ?? ''}`);
    republish.addEventListener('click', () => republishEvent(ev, li, republish));
    const foot = el('div', 'event-foot');
    foot.append(republish, el('span', 'event-state'));
    li.append(head, el('p', 'event-summary', eventSummary(ev)), foot);
    return li;
  }

  function renderEvents(list) {
    $('event-list').replaceChildren(...list.map(eventItem));
    countOf('event-count', 'events-empty', list.length);
  }

  async function reloadEvents(id) {
    const page = await listPortoutEvents({ filter: { portout_id: id }, page: { size: EVENTS_PAGE_SIZE } }, opts());
    if (isCurrent(id)) renderEvents(page.data);
  }

  // ---- Operations -------------------------------------------------------------------------------

  /** Opens the panel on port-out `id` (a no-op when it already shows it). */
  async function open(id) {
    if (current?.id === id) return;
    current?.controller.abort();
    current = { id, record: null, controller: new AbortController(), codes: null };
    panel.dataset.portoutId = id;
    panel.dataset.state = 'loading';
    panel.hidden = false;
    document.body.classList.add('detail-open');
    for (const list of ['detail-fields', 'comment-list', 'document-list', 'event-list']) $(list).replaceChildren();
    for (const badge of ['comment-count', 'document-count', 'event-count']) $(badge).textContent = '';
    for (const empty of ['comments-empty', 'documents-empty', 'events-empty']) $(empty).hidden = true;
    $('detail-title').textContent = 'Loading…';
    showStatus(null);
    $('actions-section').hidden = true;
    $('reject-form').hidden = true;
    hideConfirm();
    hideErrorBox(errorBox);
    notice('');
    for (const form of ['comment-form', 'document-form', 'reject-form']) clearFieldErrors($(form));
    $('detail-loading').hidden = false;
    $('detail-title').focus({ preventScroll: true });

    const o = opts();
    const [record, comments, documents, events] = await Promise.allSettled([
      getPortout(id, o),
      listPortoutComments(id, o),
      listPortoutSupportingDocuments(id, o),
      listPortoutEvents({ filter: { portout_id: id }, page: { size: EVENTS_PAGE_SIZE } }, o),
    ]);
    if (!isCurrent(id)) return;
    $('detail-loading').hidden = true;
    if (record.status === 'fulfilled') {
      current.record = record.value;
      renderRecord(record.value);
    } else {
      $('detail-title').textContent = 'Port-out';
    }
    if (comments.status === 'fulfilled') renderComments(comments.value);
    if (documents.status === 'fulfilled') renderDocuments(documents.value);
    if (events.status === 'fulfilled') renderEvents(events.value.data);
    const failed = [record, comments, documents, events].find((r) => r.status === 'rejected');
    panel.dataset.state = failed ? 'error' : 'ready';
    if (failed) fail(failed.reason, record.status === 'rejected' ? 'Could not load this port-out' : 'Could not load all of this port-out');
    finished();
  }

  /** Shows what changed elsewhere (a live event about the open port-out): the record, the
   *  comments and the timeline, reloaded in place. */
  async function refresh(id) {
    if (!isCurrent(id) || panel.dataset.state === 'loading') return;
    const o = opts();
    const [record, comments, events] = await Promise.allSettled([
      getPortout(id, o),
      listPortoutComments(id, o),
      listPortoutEvents({ filter: { portout_id: id }, page: { size: EVENTS_PAGE_SIZE } }, o),
    ]);
    if (!isCurrent(id)) return;
    if (record.status === 'fulfilled') {
      current.record = record.value;
      renderRecord(record.value);
      onRecord(record.value);
    }
    if (comments.status === 'fulfilled') renderComments(comments.value);
    if (events.status === 'fulfilled') renderEvents(events.value.data);
    finished();
  }

  /** Closes the panel and cancels what it is loading. */
  function close() {
    current?.controller.abort();
    current = null;
    panel.hidden = true;
    panel.dataset.state = 'idle';
    delete panel.dataset.portoutId;
    document.body.classList.remove('detail-open');
  }

  function addComment(ev) {
    ev.preventDefault();
    const id = current?.id;
    if (!id) return;
    const form = $('comment-form');
    run(id, { form, button: $('comment-submit'), title: 'The comment was not added' }, async () => {
      const comment = await createPortoutComment(id, { body: $('comment-body').value }, opts());
      if (!isCurrent(id)) return;
      $('comment-list').append(commentItem(comment));
      countOf('comment-count', 'comments-empty', $('comment-list').childElementCount);
      $('comment-body').value = '';
      notice('Comment added.');
      await reloadEvents(id);
    });
  }

  function attachDocument(ev) {
    ev.preventDefault();
    const id = current?.id;
    if (!id) return;
    const form = $('document-form');
    const documents = [{ type: $('document-type').value, document_id: $('document-id').value.trim() }];
    run(id, { form, button: $('document-submit'), title: 'The document was not attached' }, async () => {
      const created = await createPortoutSupportingDocuments(id, { documents }, opts());
      if (!isCurrent(id)) return;
      $('document-list').append(...created.map(documentRow));
      countOf('document-count', 'documents-empty', $('document-list').childElementCount);
      $('document-id').value = '';
      notice(`Document attached (${created.length}).`);
    });
  }

  function republishEvent(event, li, button) {
    const id = current?.id;
    if (!id || !event.id) return;
    run(id, { button, title: 'The event was not republished' }, async () => {
      await republishPortoutEvent(event.id, opts());
      if (!isCurrent(id)) return;
      li.dataset.republished = 'true';
      li.querySelector('.event-state').textContent = 'Republished ✓';
      notice('Event republished: its webhooks and e-mails are sent again.');
    });
  }

  /** Sends a status change after the person confirms it. */
  function changeStatus(status, params, { form, done }) {
    const id = current?.id;
    if (!id) return;
    run(id, { form, title: 'The status was not changed' }, async () => {
      const record = await updatePortoutStatus(id, status, params, opts());
      if (!isCurrent(id)) return;
      current.record = record;
      renderRecord(record);
      onRecord(record);
      $('reject-form').hidden = true;
      notice(done);
      await reloadEvents(id);
    });
  }

  function askConfirm(text, yesLabel, action) {
    $('confirm-text').textContent = text;
    $('confirm-yes').textContent = yesLabel;
    $('confirm').hidden = false;
    pendingConfirm = action;
    $('confirm-yes').focus();
  }

  function hideConfirm() {
    $('confirm').hidden = true;
    pendingConfirm = null;
  }

  function authorize() {
    const record = current?.record;
    if (!record) return;
    $('reject-form').hidden = true;
    askConfirm(`Authorize port-out ${record.support_key ?? record.id}? The numbers leave Telnyx for ${record.carrier_name ?? 'the gaining carrier'}.`,
      'Authorize', () => changeStatus('authorized', { reason: '' }, { done: 'Authorized.' }));
  }

  async function openRejectForm() {
    const id = current?.id;
    if (!id) return;
    hideConfirm();
    $('reject-form').hidden = false;
    if (current.codes) return;
    const select = $('reject-code');
    select.replaceChildren(el('option', '', 'Loading codes…'));
    select.disabled = true;
    await run(id, { title: 'Could not load the rejection codes' }, async () => {
      const codes = await listPortoutRejectionCodes(id, undefined, opts());
      if (!isCurrent(id)) return;
      current.codes = codes;
      select.replaceChildren(...codes.map((c) => {
        const option = el('option', '', `${c.code} — ${c.description ?? ''}${c.reason_required ? ' (reason required)' : ''}`);
        option.value = String(c.code);
        return option;
      }));
      select.disabled = false;
      showCodeRule();
    });
  }

  function selectedCode() {
    return current?.codes?.find((c) => String(c.code) === $('reject-code').value);
  }

  function showCodeRule() {
    const code = selectedCode();
    $('reject-reason-required').textContent = code ? (code.reason_required ? '(required for this code)' : '(optional for this code)') : '';
    $('reject-code-hint').textContent = code?.description ?? '';
  }

  /** The reason sent: the person's words with the code, or the code's description alone when the code needs no words. */
  function rejectionReason(code, text) {
    const words = text.trim();
    if (!code) return words;
    if (words) return `[${code.code}] ${words}`;
    return code.reason_required ? '' : `[${code.code}] ${code.description ?? ''}`.trim();
  }

  function reject(ev) {
    ev.preventDefault();
    const record = current?.record;
    if (!record) return;
    const code = selectedCode();
    const reason = rejectionReason(code, $('reject-reason').value);
    askConfirm(`Reject port-out ${record.support_key ?? record.id}${code ? ` with code ${code.code}` : ''}? The carrier and the customer see the reason.`,
      'Reject', () => changeStatus('rejected-pending', { reason }, { form: $('reject-form'), done: 'Rejected: the port-out is rejected-pending.' }));
  }

  // ---- Wiring -----------------------------------------------------------------------------------

  $('detail-close').addEventListener('click', () => onRequestClose());
  $('comment-form').addEventListener('submit', addComment);
  $('document-form').addEventListener('submit', attachDocument);
  $('action-authorize').addEventListener('click', authorize);
  $('action-reject').addEventListener('click', openRejectForm);
  $('reject-code').addEventListener('change', showCodeRule);
  $('reject-form').addEventListener('submit', reject);
  $('reject-cancel').addEventListener('click', () => { $('reject-form').hidden = true; hideConfirm(); });
  $('confirm-yes').addEventListener('click', () => {
    const action = pendingConfirm;
    hideConfirm();
    action?.();
  });
  $('confirm-no').addEventListener('click', hideConfirm);
  document.addEventListener('keydown', (ev) => {
    if (ev.key !== 'Escape' || panel.hidden) return;
    if (!$('confirm').hidden) { hideConfirm(); return; }
    onRequestClose();
  });

  return { open, close, refresh, get id() { return current?.id ?? null; } };
}
