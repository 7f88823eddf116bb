// The decode benchmark's browser page (bundled by esbuild; 'telnyx-portouts' stays an import
// resolved by the page's import map to the built package, exactly as users load it).
import init, * as lib from 'telnyx-portouts';
import Telnyx from 'telnyx';
import { cases, measure, withRatios } from './decode-core.mjs';

let body = '';
const memoryFetch = async () => new Response(body, { headers: { 'content-type': 'application/json' } });
const sdk = new Telnyx({ apiKey: 'KEY', baseURL: 'http://bench.invalid/v2', maxRetries: 0, fetch: memoryFetch, dangerouslyAllowBrowser: true });

async function cold() {
  // Fresh-page metrics: compile + instantiate of the already fetched module, then the first
  // three calls.
  const bytes = await (await fetch(new URL('/node_modules/telnyx-portouts/telnyx_portouts_bg.wasm', location.href))).arrayBuffer();
  const t0 = performance.now();
  await init(bytes);
  const t1 = performance.now();
  const { page } = await import('./fixtures.mjs');
  const text = page(250);
  const first = [];
  for (let i = 0; i < 3; i++) {
    const s = performance.now();
    lib.parsePortoutsResponse(text);
    first.push(performance.now() - s);
  }
  return { initMs: t1 - t0, first };
}

window.runBench = async ({ samples }) => {
  const c = await cold();
  globalThis.fetch = memoryFetch; // the library binds the global fetch
  const calls = {
    'official SDK portouts.list() (memory fetch, no validation)': async (text) => { body = text; return (await sdk.portouts.list({ 'page[size]': 250 })).data; },
    'listPortouts() (memory fetch)': async (text) => { body = text; return (await lib.listPortouts({ page: { size: 250 } }, { baseUrl: 'http://bench.invalid/v2' })).data; },
  };
  const results = withRatios(await measure(cases(lib, calls), { samples }));
  return { results, cold: c, isolated: globalThis.crossOriginIsolated === true };
};
window.runCold = cold;
