// Benchmark (issue 4): fetch every page of a 20-page × 250-record listing from a local mock
// that adds 100 ms latency to each request; wall time of listAllPortouts (concurrency 1, 4, 8)
// against the official SDK's auto-pagination (`for await` over client.portouts.list), which
// fetches one page after another. Same server, same run, interleaved rounds, median of N.
//
// Usage: node bench/list-all.mjs [--rounds 5]      (needs pkg/ built and node_modules/telnyx)
import { listAllPortouts } from 'telnyx-portouts';
import Telnyx from 'telnyx';
import { startMockServer } from '../tests/mock/server.mjs';

const PAGES = 20;
const SIZE = 250;
const LATENCY_MS = 100;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function run({ rounds = 5 } = {}) {
  const mock = await startMockServer({ port: 0, count: PAGES * SIZE });
  const base = `${mock.url}/__mock/latency=${LATENCY_MS}/v2`;
  const sdk = new Telnyx({ apiKey: 'KEY', baseURL: base, maxRetries: 0 });
  const cases = {
    'official SDK `for await` (sequential)': async () => {
      let n = 0;
      for await (const _ of sdk.portouts.list({ 'page[size]': SIZE })) n += 1;
      return n;
    },
    'listAllPortouts, concurrency 1': () => listAllPortouts(undefined, { baseUrl: base, concurrency: 1 }).then((a) => a.length),
    'listAllPortouts, concurrency 4 (default)': () => listAllPortouts(undefined, { baseUrl: base, concurrency: 4 }).then((a) => a.length),
    'listAllPortouts, concurrency 8': () => listAllPortouts(undefined, { baseUrl: base, concurrency: 8 }).then((a) => a.length),
  };
  const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [name, fn] of Object.entries(cases)) {
      const t0 = performance.now();
      const n = await fn();
      times[name].push(performance.now() - t0);
      if (n !== PAGES * SIZE) throw new Error(`${name}: got ${n} records, expected ${PAGES * SIZE}`);
    }
  }
  await mock.close();
  const sdkMedian = median(times['official SDK `for await` (sequential)']);
  const rows = Object.entries(times).map(([name, ts]) => ({ name, median: median(ts), min: Math.min(...ts), max: Math.max(...ts), ratio: median(ts) / sdkMedian }));
  const markdown = [
    `List-all of ${PAGES} pages × ${SIZE} records, local mock with ${LATENCY_MS} ms latency per request, Node ${process.version}, ${rounds} interleaved rounds (median, min–max). Goal: ≤ 0.35× the SDK at concurrency 4.`,
    '',
    '| client | median ms | min–max ms | × SDK |',
    '|---|---:|---:|---:|',
    ...rows.map((r) => `| ${r.name} | ${r.median.toFixed(0)} | ${r.min.toFixed(0)}–${r.max.toFixed(0)} | ${r.ratio.toFixed(2)} |`),
  ].join('\n');
  return { rows, markdown };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--rounds');
  const { markdown } = await run({ rounds: i > 0 ? Number(process.argv[i + 1]) : 5 });
  console.log(markdown);
}
