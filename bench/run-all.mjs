// Runs every benchmark and rewrites BENCHMARKS.md (machine, versions, date, tables).
// Usage: node bench/run-all.mjs      (after `bash scripts/build-pkg.sh`)
import { writeFileSync, readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import os from 'node:os';

const sections = [];
const results = {};
const version = (cmd) => { try { return execSync(cmd, { encoding: 'utf8' }).trim().split('\n')[0]; } catch { return 'n/a'; } };
const pkgVersion = (name) => { try { return JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url))).version; } catch { return 'n/a'; } };

const benches = [
  ['Size of what the browser downloads', './size.mjs'],
  ['Decode: parsePortoutsResponse vs JSON.parse and schema validators', './decode.mjs'],
  ['List-all vs the official SDK', './list-all.mjs'],
  ['The gateway (issue 19)', './gateway.mjs'],
];
for (const [title, path] of benches) {
  let mod;
  try { mod = await import(path); } catch (e) { if (e.code === 'ERR_MODULE_NOT_FOUND' && e.message.includes(path.slice(2))) continue; throw e; }
  console.error(`running ${title} ...`);
  const result = await mod.run();
  results[path] = result;
  sections.push(`## ${title}\n\n${result.markdown}\n`);
}

const header = `# Benchmarks

Rewritten by \`node bench/run-all.mjs\` on ${new Date().toISOString().slice(0, 10)}.

- Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}
- Node ${process.version}; ${version('/usr/bin/chromium --version')}; ${version('rustc --version')}; wasm-bindgen ${version('wasm-bindgen --version').split(' ')[1] ?? 'n/a'}
- telnyx (official SDK) ${pkgVersion('telnyx')}, telnyx-portouts ${pkgVersion('telnyx-portouts')}

Ratios compare cases measured in the same run; absolute times depend on the machine.
`;
writeFileSync(new URL('../BENCHMARKS.md', import.meta.url), [header, scorecard(results), ...sections].join('\n'));
console.error('wrote BENCHMARKS.md');

/**
 * The numbers of issue 11 (the rebuild on the specified stack): the figures before it (the
 * hand-written JSON reader and JS transport, measured by this script on 2026-12-01 before the
 * rebuild), this run's, and the bounds.
 */
function scorecard(r) {
  const size = r['./size.mjs']?.report?.total?.gzip;
  const dec = r['./decode.mjs'];
  const all = r['./list-all.mjs'];
  const get = (rs, name) => rs?.find((x) => x.fixture === 'page of 250' && x.name === name);
  const ratio = (rs) => get(rs, 'parsePortoutsResponse(bytes)')?.ratio;
  const beats = (rs) => {
    const best = Math.min(get(rs, 'parsePortoutsResponse(bytes)')?.median ?? Infinity, get(rs, 'parsePortoutsResponse(text)')?.median ?? Infinity);
    return best < get(rs, 'JSON.parse + zod 3')?.median && best < get(rs, 'JSON.parse + valibot')?.median;
  };
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const init = (cold) => cold && med(cold.map((c) => c.initMs));
  const call = (rs) => rs && get(rs, 'listPortouts() (memory fetch)').median / get(rs, 'official SDK portouts.list() (memory fetch, no validation)').median;
  const c4 = all?.rows?.find((x) => x.name.startsWith('listAllPortouts, concurrency 4'))?.ratio;
  const f = (x, d = 2) => (x === undefined || Number.isNaN(x) ? 'n/a' : x.toFixed(d));
  const rows = [
    ['app download (wasm + minified JS of the smallest listing app), gzip -9', '51.1 KB', size && `${f(size / 1024, 1)} KB`, '≤ 80 KB', '≤ 60 KB'],
    ['Chromium: `parsePortoutsResponse(bytes)` ÷ `JSON.parse(text)`, 250 records', '1.87', f(ratio(dec?.browser?.results)), '≤ 3.2', '≤ 2.2'],
    ['Node 20: the same', '2.30', f(ratio(dec?.node)), '≤ 2.8', '≤ 2.0'],
    ['faster than `JSON.parse` + zod 3 and than + valibot, both engines', 'yes', dec ? (beats(dec.browser.results) && beats(dec.node) ? 'yes' : 'no') : 'n/a', 'yes', 'yes'],
    ['compile + instantiate, Chromium / Node', '2.7 / 3.7 ms', dec && `${f(init(dec.browser.cold), 1)} / ${f(init(dec.nodeCold), 1)} ms`, '≤ 5 ms', '≤ 3 ms'],
    ['`listPortouts` ÷ SDK `list()`, memory fetch, Chromium / Node', '1.03 / 1.15', dec && `${f(call(dec.browser.results))} / ${f(call(dec.node))}`, '≤ 1.5', '≤ 1.2'],
    ['list-all, 20 pages at 100 ms latency, concurrency 4', '0.30× SDK', c4 && `${f(c4)}× SDK`, '≤ 0.35×', '≤ 0.30×'],
  ];
  return ['## Issue 11: the specified stack, before and after', '',
    'Before: the hand-written JSON reader, JS value converter and JS transport (the issue\'s "today" column). After: serde_json, serde, serde-wasm-bindgen, gloo-net, wasm-bindgen-futures and web-sys, built with wasm-pack (this run).', '',
    '| what | before | after | must | goal |', '|---|---:|---:|---:|---:|',
    ...rows.map((x) => `| ${x.join(' | ')} |`), '',
    ...resourceCard(r['./size.mjs']?.report, f),
    ...tableCard(r, f, { size, init, ratio, call, dec }),
    ...serverHalfCard(r['./size.mjs']?.report, f)].join('\n');
}

/**
 * The package size of issue 12 (the whole port-outs resource, 2 → 14 operations): the figures
 * before it (issue 11's package, 2 operations, measured on 2026-12-01) and this run's.
 */
function resourceCard(report, f) {
  const gz = (t) => (t ? `${f(t.gzip / 1024, 1)} KB` : 'n/a');
  return ['## Issue 12: the whole resource (2 → 14 operations), package size', '',
    'Before: the package of issue 11 (listPortouts, getPortout and the list-all helpers). After: every `/portouts` operation and `createPortoutsClient` (this run). wasm + minified app JS, gzip -9. One module holds every operation, so the list-only app grows too; the issue 11 table above is re-measured on this module (its size and compile + instantiate grew with the 12 operations). The before figures of both tables were measured on 2026-12-01 on another machine (AMD EPYC, 2 cores); see docs/size.md for where the bytes went.', '',
    '| app | before | after |', '|---|---:|---:|',
    `| list-only app (\`iterPortouts\`) | 94.5 KB | ${gz(report?.total)} |`,
    `| every-operation app (14 operations, list-all, client object) | — | ${gz(report?.totalAll)} |`, ''];
}

/**
 * Issue 18 (one operation table, one export path): the figures of the package before it
 * (commit cf0e417, the end of issue 12), measured with this script on 2026-12-06 on this
 * machine just before this run, and this run's.
 */
function tableCard(r, f, { init, ratio, call, dec }) {
  const all = r['./size.mjs']?.report?.totalAll?.gzip;
  const rows = [
    ['every-operation app (wasm + minified JS), gzip -9', '113.2 KB', all && `${f(all / 1024, 1)} KB`, '≤ 95 KB', '≤ 80 KB'],
    ['compile + instantiate, Chromium / Node', '5.4 / 5.3 ms; 3.8 / 4.0 ms', dec && `${f(init(dec.browser.cold), 1)} / ${f(init(dec.nodeCold), 1)} ms`, '≤ 5 ms', '≤ 3 ms'],
    ['decode of 250 records ÷ `JSON.parse`, Chromium / Node', '2.43 / 3.27; 2.27 / 2.93', dec && `${f(ratio(dec.browser.results))} / ${f(ratio(dec.node))}`, '≤ 3.2 / ≤ 2.8', '≤ 2.0'],
    ['`listPortouts` ÷ SDK `list()`, memory fetch, Chromium / Node', '1.34 / 1.27; 1.38 / 1.43', dec && `${f(call(dec.browser.results))} / ${f(call(dec.node))}`, '≤ 1.5', '≤ 1.2'],
  ];
  return ['## Issue 18: one operation table, one export path', '',
    'Before: the package at commit cf0e417 (18 exported `async fn`s), measured by this script on this machine on 2026-12-06 in two runs (the timings of one run to the next differ by up to 1.6 ms on this shared 2-core machine; compare within a column, not one run with another). After: one `callOperation` / `listAllOperation` export over the operation table (this run). See docs/size.md for what each change gave.', '',
    '| what | before | after | must | goal |', '|---|---:|---:|---:|---:|',
    ...rows.map((x) => `| ${x.join(' | ')} |`), ''];
}

/**
 * Issue 19 (the server half): what the browser downloads, before it (commit 2c24e91, the end of
 * issue 18, built and measured on this machine on 2026-12-06) and in this run. The gateway is
 * its own build; the growth is the browser's live-event check and watchPortoutEvents.
 */
function serverHalfCard(report, f) {
  const gz = (t) => (t ? `${f(t.gzip / 1024, 1)} KB` : 'n/a');
  const grew = (t, before) => (t ? `+${f(t.gzip / 1024 - before, 1)} KB` : 'n/a');
  return ['## Issue 19: what the browser downloads, before and after the server half', '',
    'Before: commit 2c24e91 (the end of issue 18), built and measured with scripts/size-report.mjs on this machine on 2026-12-06. After: this run. wasm + minified app JS, gzip -9. The gateway and its webhook code are a build of their own (`pkg/gateway/`) and add nothing here; what grew is the browser half of live updates: `readLiveEvent` (each live event checked by the events API\'s record schema) and, through the client object, `watchPortoutEvents`. See docs/size.md.', '',
    '| app | before | after | growth | bound |', '|---|---:|---:|---:|---:|',
    `| list-only app (\`iterPortouts\`) | 111.2 KB | ${gz(report?.total)} | ${grew(report?.total, 111.2)} | ≤ +1 KB |`,
    `| every-operation app (14 operations, list-all, client object) | 111.9 KB | ${gz(report?.totalAll)} | ${grew(report?.totalAll, 111.9)} | ≤ +1 KB |`, ''];
}
