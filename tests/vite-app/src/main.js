// Uses the package the way a bundled app does: a bare import, `await init()` once (Vite turns
// the glue's `new URL('telnyx_portouts_bg.wasm', import.meta.url)` into a hashed asset).
import init, { listPortouts, buildPortoutsQuery, PortoutsError } from 'telnyx-portouts';

const baseUrl = new URLSearchParams(location.search).get('baseUrl') ?? 'http://127.0.0.1:8787/v2';
document.getElementById('base').textContent = baseUrl;

async function run() {
  const result = { ok: false };
  try {
    await init();
    result.query = buildPortoutsQuery({
      filter: { status_in: ['pending', 'ported'], country_code: 'us', phone_number: '+13035551212' },
      page: { number: 2, size: 50 },
    });
    try {
      buildPortoutsQuery({ filter: { phone_number: '555' } });
    } catch (e) {
      result.validation = { isPortoutsError: e instanceof PortoutsError, code: e.code, path: e.path };
    }
    const page = await listPortouts({ filter: { status: 'ported' }, page: { size: 5 } }, { baseUrl });
    result.meta = page.meta;
    result.statuses = page.data.map((r) => r.status);
    result.ids = page.data.map((r) => r.id);
    result.requestId = page.requestId;
    result.ok = true;
  } catch (e) {
    result.error = { name: e?.name, code: e?.code, message: e?.message };
  }
  window.__result = result;
  document.getElementById('out').textContent = JSON.stringify(result, null, 2);
  document.body.dataset.done = 'true';
}

run();
