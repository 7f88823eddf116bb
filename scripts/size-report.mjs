// Size of what a browser downloads from pkg/, measured three ways:
//  - as shipped: the wasm and every JS module of the browser entry, each compressed on its own;
//  - as a list-only app downloads it: the wasm plus the smallest app that lists port-outs,
//    bundled and minified with esbuild, exactly as the official SDK's figure is measured
//    (bench/size.mjs);
//  - as an app using every operation downloads it (the same, importing all of them and the
//    client object).
// Raw, gzip -9 and brotli. Exits 1 when the every-operation app's wasm + JS exceed the gzip
// budget (SIZE_BUDGET_GZIP bytes, default 40 KB, the old goal) and SIZE_BUDGET_ENFORCE=1: a
// deterministic check of the full package, unlike timings.
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

// The every-operation app, from the operation table (pkg/operations.js): each operation called,
// and for a paged list its list-all and iterator; then the client object, the page iterator
// and the synchronous helpers.
const { OPERATIONS } = await import(join(pkg, 'operations.js'));
const ARG = { query: '{}', status: "'authorized'", comment: "{ body: 'x' }" };
const calls = [];
for (const op of OPERATIONS) {
  calls.push(`await p.${op.name}(${op.params.map((n) => ARG[n] ?? (/id$/i.test(n) ? 'id' : '{}')).join(', ')})`);
  if (op.paged) {
    calls.push(`await p.${op.listAll}()`);
    calls.push(`await (async () => { for await (const x of p.${op.iter}()) console.log(x); })()`);
  }
}
const ALL_APP = `import * as p from 'telnyx-portouts';
const c = p.createPortoutsClient({ apiKey: 'x' });
const id = '0ccc7b54-4df3-4bca-a65a-3da1ecc777f0';
console.log(${calls.join(',\n  ')},
  p.buildPortoutsQuery({}), p.parsePortoutsQuery(''), p.parsePortoutsResponse('{}'), c);
for await (const x of p.iterPortoutPages()) console.log(x);
`;

/** An app bundled and minified by esbuild, resolving the package in pkg/. */
function appBundle(source = APP) {
  const dir = mkdtempSync(join(tmpdir(), 'tp-app-'));
  try {
    writeFileSync(join(dir, 'app.mjs'), source);
    execFileSync(join(ROOT, 'node_modules/.bin/esbuild'), [join(dir, 'app.mjs'), '--bundle', '--minify', '--format=esm', '--platform=browser', `--alias:telnyx-portouts=${join(pkg, 'index.js')}`, `--outfile=${join(dir, 'out.js')}`, '--log-level=error']);
    return readFileSync(join(dir, 'out.js'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// As shipped: the browser entry's module graph (everything but the Node entry and the server
// entry, gateway/, which no browser downloads).
const shipped = files(pkg)
  .filter((p) => /\.(js|wasm)$/.test(p) && !p.endsWith('/node.js') && !relative(pkg, p).startsWith('gateway/'))
  .map((p) => measure(relative(pkg, p), readFileSync(p)))
  .sort((a, b) => b.raw - a.raw);
const wasm = shipped.find((r) => r.file.endsWith('.wasm'));
const app = [wasm, measure('app JS bundle (esbuild --bundle --minify)', appBundle())];
const total = sum(app);
const appAll = [wasm, measure('every-operation app JS bundle (esbuild --bundle --minify)', appBundle(ALL_APP))];
const totalAll = sum(appAll);

const kb = (n) => (n / 1024).toFixed(1).padStart(7);
const print = (rows) => rows.forEach((r) => console.log(r.file.padEnd(56), kb(r.raw), '  ', kb(r.gzip), '  ', kb(r.brotli)));
console.log('as shipped'.padEnd(56), '    raw KB', '   gzip KB', ' brotli KB');
print([...shipped, { file: 'total, each file on its own', ...sum(shipped) }]);
console.log('\nas an app downloads it'.padEnd(57), '    raw KB', '   gzip KB', ' brotli KB');
print([...app, { file: 'TOTAL (wasm + app JS)', ...total }]);
console.log('\nas an app using every operation downloads it'.padEnd(57), '    raw KB', '   gzip KB', ' brotli KB');
print([...appAll, { file: 'TOTAL (wasm + app JS)', ...totalAll }]);
const over = totalAll.gzip > budget;
console.log(`gzip budget ${kb(budget).trim()} KB for the every-operation app: ${over ? 'OVER' : 'within'} (${kb(totalAll.gzip).trim()} KB)`);
if (process.env.JSON_OUT) console.log(JSON.stringify({ shipped, app, total, appAll, totalAll, budget, appSource: APP }));
if (over && process.env.SIZE_BUDGET_ENFORCE === '1') process.exit(1);
