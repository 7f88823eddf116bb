// The page's loads (a page, "Load all"): the newest one wins, and starting one aborts the one
// in flight. Tests wait on the app's `data-loads` counter.
import { $ } from './dom.js';

let sequence = 0;
let inflight = null;

/** Starts a load: aborts the one in flight; `mine` identifies it, `controller` aborts it. */
export function beginLoad() {
  const mine = ++sequence;
  inflight?.abort();
  const controller = new AbortController();
  inflight = controller;
  return { mine, controller };
}

/** True while load `mine` is the newest. */
export function isNewest(mine) {
  return mine === sequence;
}

/** Ends load `mine`; true when it was the newest (then nothing is in flight any more). */
export function endLoad(mine) {
  if (mine !== sequence) return false;
  inflight = null;
  return true;
}

/** True for the error of an aborted request. */
export function isAbort(e) {
  return e?.code === 'aborted' || e?.name === 'AbortError';
}

/** Counts a settled load on the app element (`data-loads`). */
export function bumpLoads() {
  const app = $('app');
  app.dataset.loads = String(Number(app.dataset.loads) + 1);
}
