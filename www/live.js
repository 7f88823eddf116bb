// Live updates: port-out events as they happen (the package's watchPortoutEvents: the gateway's
// stream, or polling where there is none). Each event refreshes what shows its port-out: its
// row and, when open, the detail panel. The header's indicator says how the page is connected.
import { watchPortoutEvents } from 'telnyx-portouts';
import { $ } from './dom.js';

const LABELS = { live: 'live', polling: 'live: polling', reconnecting: 'live: reconnecting…', off: 'live: off' };

/** Starts watching with `options()` (the page's client options); `onPortout(id)` per event.
 *  `restart()` starts again (after the connection settings change), `stop()` stops. */
export function startLive({ options, onPortout }) {
  const badge = $('live-indicator');
  let controller = null;
  const show = (state) => {
    badge.dataset.state = state;
    badge.textContent = LABELS[state];
  };
  async function run() {
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    show('reconnecting');
    try {
      for await (const event of watchPortoutEvents({ ...options(mine.signal), onState: (s) => mine === controller && show(s) })) {
        badge.dataset.events = String(Number(badge.dataset.events) + 1);
        const id = event.payload?.portout_id ?? event.payload?.id;
        if (typeof id === 'string') onPortout(id, event);
      }
    } catch (e) {
      if (mine === controller && !mine.signal.aborted) {
        show('off');
        badge.title = `Live updates stopped: ${e?.message ?? e}`;
      }
    }
  }
  run();
  return {
    restart: run,
    stop() {
      controller?.abort();
      controller = null;
      show('off');
    },
  };
}
