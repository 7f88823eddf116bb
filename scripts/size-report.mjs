// Size of what a browser downloads from pkg/, measured two ways:
//  - as shipped: the wasm and every JS module of the browser entry, each compressed on its own;
//  - as an app downloads it: the wasm plus the smallest app that lists port-outs, bundled and
//    minified with esbuild, exactly as the official SDK's figure is measured (bench/size.mjs).
// Raw, gzip -9 and brotli. Exits 1 when the app's wasm + JS exceed the gzip budget
// (SIZE_BUDGET_GZIP bytes, default 40 KB, the old goal) and SIZE_BUDGET_ENFORCE=1: a deterministic check,
// unlike timings.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const ROOT = new URL('..', import.meta.url).pathname;
const pkg = join(ROOT, 'pkg');
const budget = Number(process.env.SIZE_BUDGET_GZIP ?? 40 * 1024);

/** The smallest app that lists every port-out, as the official SDK's baseline does. */
const APP = "import { iterPortouts } from 'telnyx-portouts';\nfor await (const p of iterPortouts({ page: { size: 250 } }, { apiKey: 'x' })) console.log(p.id);\n";

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

function measure(file, bytes) {
  return {
    file,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const sum = (rows) => rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });

/** `APP` bundled and minified by esbuild, resolving the package in pkg/. */
function appBundle() {
  const dir = mkdtempSync(join(tmpdir(), 'tp-app-'));
  try {
    writeFileSync(join(dir, 'app.mjs'), APP);
    execFileSync(join(ROOT, 'node_modules/.bin/esbuild'), [join(dir, 'app.mjs'), '--bundle', '--minify', '--format=esm', '--platform=browser', `--alias:telnyx-portouts=${join(pkg, 'index.js')}`, `--outfile=${join(dir, 'out.js')}`, '--log-level=error']);
    return readFileSync(join(dir, 'out.js'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// As shipped: the browser entry's module graph (everything but the Node entry).
const shipped = files(pkg)
  .filter((p) => /\.(js|wasm)$/.test(p) && !p.endsWith('/node.js'))
  .map((p) => measure(relative(pkg, p), readFileSync(p)))
  .sort((a, b) => b.raw - a.raw);
const wasm = shipped.find((r) => r.file.endsWith('.wasm'));
const app = [wasm, measure('app JS bundle (esbuild --bundle --minify)', appBundle())];
const total = sum(app);

const kb = (n) => (n / 1024).toFixed(1).padStart(7);
const print = (rows) => rows.forEach((r) => console.log(r.file.padEnd(56), kb(r.raw), '  ', kb(r.gzip), '  ', kb(r.brotli)));
console.log('as shipped'.padEnd(56), '    raw KB', '   gzip KB', ' brotli KB');
print([...shipped, { file: 'total, each file on its own', ...sum(shipped) }]);
console.log('\nas an app downloads it'.padEnd(57), '    raw KB', '   gzip KB', ' brotli KB');
print([...app, { file: 'TOTAL (wasm + app JS)', ...total }]);
const over = total.gzip > budget;
console.log(`gzip budget ${kb(budget).trim()} KB: ${over ? 'OVER' : 'within'} (${kb(total.gzip).trim()} KB)`);
if (process.env.JSON_OUT) console.log(JSON.stringify({ shipped, app, total, budget, appSource: APP }));
if (over && process.env.SIZE_BUDGET_ENFORCE === '1') process.exit(1);
