// The browser side of the conformance suite: the built package as a page imports it (import
// map -> /pkg/index.js), driven by Playwright through window.conformance.
import init, { listPortouts, getPortout, buildPortoutsQuery, parsePortoutsResponse, PortoutsError } from 'telnyx-portouts';
import { revive } from '/harness/wire.mjs';

const describe = (e) => (e instanceof PortoutsError
  ? { ok: false, code: e.code, status: e.status ?? null, path: e.path ?? null, message: e.message }
  : { ok: false, code: 'not_a_portouts_error', message: String(e) });

window.conformance = {
  /** Sends each case with listPortouts (in order, one at a time); returns per-case outcomes. */
  async runList(prismUrl, cases, formats) {
    const out = [];
    for (const c of cases) {
      for (const arrayFormat of formats) {
        const query = revive(c.query);
        let built;
        try { built = buildPortoutsQuery(query, { arrayFormat }); } catch (e) { built = null; }
        try {
          const page = await listPortouts(query, { baseUrl: prismUrl, apiKey: 'x', arrayFormat, maxRetries: 0 });
          out.push({ name: c.name, arrayFormat, built, ok: true, records: page.data.length, meta: page.meta });
        } catch (e) {
          out.push({ name: c.name, arrayFormat, built, ...describe(e) });
        }
      }
    }
    return out;
  },
  async getOne(prismUrl, id, headers) {
    try { return { ok: true, record: await getPortout(id, { baseUrl: prismUrl, apiKey: 'x', maxRetries: 0, headers }) }; } catch (e) { return describe(e); }
  },
  /** One listPortouts call; `apiKey: null` sends no key. */
  async listWith(prismUrl, headers, apiKey) {
    const options = { baseUrl: prismUrl, maxRetries: 0, headers };
    if (apiKey !== null) options.apiKey = 'x';
    try { const p = await listPortouts({}, options); return { ok: true, data: p.data, meta: p.meta }; } catch (e) { return describe(e); }
  },
  /** A hand-built request (raw fetch): status and the sl-violations header as the page can read them. */
  async raw(url, authorization) {
    const r = await fetch(url, { headers: authorization ? { Authorization: authorization } : {} });
    await r.arrayBuffer();
    return { status: r.status, violations: r.headers.get('sl-violations') };
  },
  parse(body) {
    try { return { ok: true, value: parsePortoutsResponse(body) }; } catch (e) { return describe(e); }
  },
};

await init();
document.getElementById('status').textContent = 'ready';
window.conformanceReady = true;
