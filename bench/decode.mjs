// Decode benchmark (issue 7): parsePortoutsResponse against bare JSON.parse and schema
// validators (ajv, zod 4, zod 3, valibot), and the whole listPortouts call against the
// official SDK's list(), in Node and in headless Chromium (served with COOP/COEP so that
// performance.now() is precise). Cold metrics on fresh pages. Results: markdown tables.
//
// Usage: node bench/decode.mjs   (after bash scripts/build-pkg.sh)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../www/serve.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const SAMPLES = Number(process.env.SAMPLES ?? 25);
const COLD_RUNS = Number(process.env.COLD_RUNS ?? 10);

function nodeRun() {
  const out = execFileSync(process.execPath, [join(ROOT, 'bench/decode-node.mjs')], { env: { ...process.env, SAMPLES: String(SAMPLES) }, encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split('\n').pop());
}

function nodeCold() {
  // Fresh processes: compile + instantiate of the already read module (the glue's initSync, as
  // the package's Node entry does at import), then the first three calls.
  const script = `
    import { readFileSync } from 'node:fs';
    const glue = await import(${JSON.stringify(join(ROOT, 'pkg/telnyx_portouts.js'))});
    const { page } = await import(${JSON.stringify(join(ROOT, 'bench/fixtures.mjs'))});
    const bytes = readFileSync(${JSON.stringify(join(ROOT, 'pkg/telnyx_portouts_bg.wasm'))});
    const text = page(250);
    const t0 = performance.now();
    glue.initSync({ module: bytes });
    const t1 = performance.now();
    const first = [];
    for (let i = 0; i < 3; i++) { const s = performance.now(); glue.parsePortoutsResponse(text); first.push(performance.now() - s); }
    console.log(JSON.stringify({ initMs: t1 - t0, first }));`;
  return Array.from({ length: COLD_RUNS }, () => JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' })));
}

async function browserRun() {
  const dir = mkdtempSync(join(tmpdir(), 'tp-bench-'));
  execFileSync(join(ROOT, 'node_modules/.bin/esbuild'), [join(ROOT, 'bench/decode-page.mjs'), '--bundle', '--format=esm', '--external:telnyx-portouts', '--external:crypto', `--outfile=${join(dir, 'bench.js')}`, '--log-level=warning'], { cwd: ROOT });
  writeFileSync(join(dir, 'index.html'), `<!doctype html><meta charset="utf-8"><title>bench</title>
<script type="importmap">{"imports":{"telnyx-portouts":"/node_modules/telnyx-portouts/index.js"}}</script>
<script type="module" src="/bench.js"></script>`);
  const server = await startStaticServer({ port: 0, root: dir, pkgDir: join(ROOT, 'pkg'), headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    const cold = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      await page.goto(`${server.url}/index.html`);
      await page.waitForFunction(() => typeof window.runCold === 'function');
      cold.push(await page.evaluate(() => window.runCold()));
      await ctx.close();
    }
    const page = await browser.newPage();
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => typeof window.runBench === 'function');
    const out = await page.evaluate((samples) => window.runBench({ samples }), SAMPLES);
    return { ...out, cold };
  } finally {
    await browser.close();
    await server.close();
  }
}

const fmt = (x) => x.toFixed(3);
function table(results) {
  const lines = ['| fixture | case | median ms | p10–p90 ms | × JSON.parse |', '|---|---|---:|---:|---:|'];
  for (const r of results) lines.push(`| ${r.fixture} | ${r.name} | ${fmt(r.median)} | ${fmt(r.p10)}–${fmt(r.p90)} | ${r.ratio.toFixed(2)} |`);
  return lines.join('\n');
}

function headline(results, engine) {
  const get = (fixture, name) => results.find((r) => r.fixture === fixture && r.name === name);
  const f = 'page of 250';
  const text = get(f, 'parsePortoutsResponse(text)');
  const bytes = get(f, 'parsePortoutsResponse(bytes)');
  const parseBytes = get(f, 'JSON.parse(decode(bytes))');
  const best = text.median <= bytes.median ? text : bytes;
  const zod3 = get(f, 'JSON.parse + zod 3');
  const zod4 = get(f, 'JSON.parse + zod 4');
  const ajv = get(f, 'JSON.parse + ajv (compiled)');
  const sdk = get(f, 'official SDK portouts.list() (memory fetch, no validation)');
  const call = get(f, 'listPortouts() (memory fetch)');
  const stretch = engine.startsWith('Node') ? '1.6' : '1.7';
  return [
    `| ${engine}: parsePortoutsResponse(text), 250 records, × JSON.parse(text) | ${text.ratio.toFixed(2)} | ≤ 2.0 (stretch ${stretch}) |`,
    `| ${engine}: parsePortoutsResponse(bytes), × JSON.parse(text) | ${bytes.ratio.toFixed(2)} | ≤ 2.0 (stretch ${stretch}) |`,
    `| ${engine}: parsePortoutsResponse(bytes), × JSON.parse(new TextDecoder().decode(bytes)) | ${(bytes.median / parseBytes.median).toFixed(2)} | — |`,
    `| ${engine}: speed-up of parsePortoutsResponse (${best === text ? 'text' : 'bytes'}) vs JSON.parse + zod 3 | ${(zod3.median / best.median).toFixed(2)}× | ≥ 2× (stretch 2.5×) |`,
    `| ${engine}: same vs JSON.parse + zod 4 / + ajv | ${(zod4.median / best.median).toFixed(2)}× / ${(ajv.median / best.median).toFixed(2)}× | — |`,
    `| ${engine}: listPortouts() / SDK list(), memory fetch | ${(call.median / sdk.median).toFixed(2)} | ≤ 1.5 (stretch 1.2) |`,
  ];
}

function coldRows(cold, engine, steady) {
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const init = med(cold.map((c) => c.initMs));
  const first = med(cold.map((c) => c.first[0]));
  return [
    `| ${engine}: compile + instantiate (${engine.startsWith('Node') ? 'initSync of the read module' : 'init(bytes) of the fetched module'}), median of ${cold.length} fresh ${engine.startsWith('Node') ? 'processes' : 'pages'} | ${init.toFixed(2)} ms | ≤ 5 ms (stretch 2) |`,
    `| ${engine}: first call after init, 250 records (${cold[0].first.length} calls: ${cold.map((c) => c.first.map((x) => x.toFixed(1)).join('/')).slice(0, 3).join(', ')}, …) | ${first.toFixed(2)} ms = ${(first / steady).toFixed(1)}× steady state | ≤ 10× (stretch 5×) |`,
  ];
}

export async function run() {
  const node = nodeRun();
  const nodeCl = nodeCold();
  const browser = await browserRun();
  const steady = (rs) => rs.find((r) => r.fixture === 'page of 250' && r.name === 'parsePortoutsResponse(text)').median;
  const markdown = [
    `Median of ${SAMPLES} interleaved samples (each a batch of 10–100 calls) after warm-up; ratios against a bare \`JSON.parse\` of the same text in the same run. Chromium page cross-origin isolated: ${browser.isolated}.`,
    '',
    '| target | measured | goal |',
    '|---|---:|---|',
    ...headline(browser.results, 'Chromium'),
    ...coldRows(browser.cold, 'Chromium', steady(browser.results)),
    ...headline(node, 'Node 20'),
    ...coldRows(nodeCl, 'Node 20', steady(node)),
    '',
    '### Chromium',
    '',
    table(browser.results),
    '',
    '### Node 20',
    '',
    table(node),
  ].join('\n');
  return { markdown, node, browser, nodeCold: nodeCl };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log((await run()).markdown);
