// Size of what a browser downloads from pkg/: the wasm and every JS module of the browser
// entry, raw, gzip -9 and brotli (each file compressed on its own, as HTTP serves them).
// Exits 1 when wasm + JS glue exceed the gzip budget (SIZE_BUDGET_GZIP bytes, default 40 KB)
// and SIZE_BUDGET_ENFORCE=1 — a deterministic check, unlike timings.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const pkg = new URL('../pkg/', import.meta.url).pathname;
const budget = Number(process.env.SIZE_BUDGET_GZIP ?? 40 * 1024);

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

// The browser entry's module graph: everything but the Node entry.
const shipped = files(pkg).filter((p) => /\.(js|wasm)$/.test(p) && !p.endsWith('/node.js'));
const rows = shipped.map((p) => {
  const bytes = readFileSync(p);
  return {
    file: relative(pkg, p),
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
rows.sort((a, b) => b.raw - a.raw);
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const kb = (n) => (n / 1024).toFixed(1).padStart(7);
console.log('file'.padEnd(44), '    raw KB', '   gzip KB', ' brotli KB');
for (const r of [...rows, { file: 'TOTAL (wasm + JS glue)', ...total }]) {
  console.log(r.file.padEnd(44), kb(r.raw), '  ', kb(r.gzip), '  ', kb(r.brotli));
}
const over = total.gzip > budget;
console.log(`gzip budget ${kb(budget).trim()} KB: ${over ? 'OVER' : 'within'} (${kb(total.gzip).trim()} KB)`);
if (process.env.JSON_OUT) console.log(JSON.stringify({ rows, total, budget }));
if (over && process.env.SIZE_BUDGET_ENFORCE === '1') process.exit(1);
