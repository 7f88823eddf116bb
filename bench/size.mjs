// Size report for BENCHMARKS.md: raw, gzip -9 and brotli of the wasm and the JS glue a browser
// downloads, against the official SDK's minimal portouts bundle (esbuild, minified), and
// `twiggy top` of the wasm when twiggy is installed (`cargo install twiggy`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const ROOT = new URL('..', import.meta.url).pathname;
const kb = (n) => (n / 1024).toFixed(1);

function sdkBundle() {
  const dir = mkdtempSync(join(tmpdir(), 'tp-sdk-'));
  writeFileSync(join(dir, 'app.mjs'), "import Telnyx from 'telnyx';\nconst c = new Telnyx({ apiKey: 'x', dangerouslyAllowBrowser: true });\nfor await (const p of c.portouts.list({ 'page[size]': 250 })) console.log(p.id);\n");
  execFileSync(join(ROOT, 'node_modules/.bin/esbuild'), [join(dir, 'app.mjs'), '--bundle', '--minify', '--format=esm', '--platform=browser', '--external:crypto', `--outfile=${join(dir, 'out.js')}`, '--log-level=error'], { cwd: ROOT, env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') } });
  const bytes = readFileSync(join(dir, 'out.js'));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
}

/** The gzip budget scripts/test-all.sh enforces by default, as text. */
function ciBudget() {
  const m = readFileSync(join(ROOT, 'scripts/test-all.sh'), 'utf8').match(/SIZE_BUDGET_GZIP:-\$\(\((\d+) \* 1024(?: \+ (\d+))?\)\)/);
  return m ? `${((Number(m[1]) * 1024 + Number(m[2] ?? 0)) / 1024).toFixed(1)} KB` : 'its budget';
}

export async function run() {
  const report = JSON.parse(execFileSync(process.execPath, [join(ROOT, 'scripts/size-report.mjs')], { env: { ...process.env, JSON_OUT: '1', SIZE_BUDGET_ENFORCE: '0' }, encoding: 'utf8' }).trim().split('\n').pop());
  const lines = ['| what | raw KB | gzip -9 KB | brotli KB |', '|---|---:|---:|---:|'];
  for (const r of report.shipped) lines.push(`| as shipped: ${r.file} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`);
  for (const r of report.app) lines.push(`| app: ${r.file} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`);
  lines.push(`| **list-only app total (wasm + minified JS)** | **${kb(report.total.raw)}** | **${kb(report.total.gzip)}** | **${kb(report.total.brotli)}** |`);
  const allJs = report.appAll.find((r) => !r.file.endsWith('.wasm'));
  lines.push(`| every-operation app: ${allJs.file} | ${kb(allJs.raw)} | ${kb(allJs.gzip)} | ${kb(allJs.brotli)} |`);
  lines.push(`| **every-operation app total (wasm + minified JS)** | **${kb(report.totalAll.raw)}** | **${kb(report.totalAll.gzip)}** | **${kb(report.totalAll.brotli)}** |`);
  let sdk;
  try { sdk = sdkBundle(); } catch (e) { sdk = null; }
  if (sdk) lines.push(`| official SDK, smallest app listing port-outs (esbuild --minify) | ${kb(sdk.raw)} | ${kb(sdk.gzip)} | ${kb(sdk.brotli)} |`);
  const out = [
    `What an app downloads: the wasm plus the app's JS bundled by esbuild --minify, gzip -9. Two apps: the smallest app that lists port-outs (\`${report.appSource.split('\n')[0]} …\`, measured as the SDK's figure is): **${kb(report.total.gzip)} KB**; an app that calls every one of the 14 operations, the list-all helpers and \`createPortoutsClient\` (scripts/size-report.mjs, ALL_APP): **${kb(report.totalAll.gzip)} KB**. The wasm is the same module in both (one module holds every operation); only the JS differs. CI fails when the every-operation figure passes ${ciBudget()} (scripts/test-all.sh), a ratchet. The rows "as shipped" are the package's files compressed one by one, unminified.`,
    '',
    ...lines,
  ];
  const twiggy = join(homedir(), '.cargo/bin/twiggy');
  try {
    // The shipped module has no names; rebuild the same module keeping them, for twiggy.
    // This checkout's own target directory (scripts/cargo-target-dir.sh: never another checkout's).
    const target = execFileSync('bash', [join(ROOT, 'scripts/cargo-target-dir.sh')], { encoding: 'utf8' }).trim();
    const dir = mkdtempSync(join(tmpdir(), 'tp-names-'));
    const path = { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${join(homedir(), '.cargo/bin')}:${process.env.PATH}` };
    execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--keep-debug', '--out-dir', dir, join(target, 'wasm32-unknown-unknown/release/telnyx_portouts.wasm')], { env: path });
    execFileSync('wasm-opt', ['-Oz', '--converge', '--low-memory-unused', '-g', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue', '-o', join(dir, 'named.wasm'), join(dir, 'telnyx_portouts_bg.wasm')], { env: path });
    const top = execFileSync(twiggy, ['top', '-n', '30', join(dir, 'named.wasm')], { encoding: 'utf8' });
    out.push('', '`twiggy top -n 30` of the shipped module rebuilt with names (`wasm-opt -Oz -g`; the "function names" section is not shipped):', '', '```', top.trim(), '```');
  } catch { /* twiggy not installed: cargo install twiggy */ }
  return { markdown: out.join('\n'), report, sdk };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log((await run()).markdown);
