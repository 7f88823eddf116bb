// Runs every benchmark and rewrites BENCHMARKS.md (machine, versions, date, tables).
// Usage: node bench/run-all.mjs      (after `bash scripts/build-pkg.sh`)
import { writeFileSync, readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import os from 'node:os';

const sections = [];
const version = (cmd) => { try { return execSync(cmd, { encoding: 'utf8' }).trim().split('\n')[0]; } catch { return 'n/a'; } };
const pkgVersion = (name) => { try { return JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url))).version; } catch { return 'n/a'; } };

const benches = [
  ['Size of what the browser downloads', './size.mjs'],
  ['Decode: parsePortoutsResponse vs JSON.parse and schema validators', './decode.mjs'],
  ['List-all vs the official SDK', './list-all.mjs'],
];
for (const [title, path] of benches) {
  let mod;
  try { mod = await import(path); } catch (e) { if (e.code === 'ERR_MODULE_NOT_FOUND' && e.message.includes(path.slice(2))) continue; throw e; }
  console.error(`running ${title} ...`);
  const { markdown } = await mod.run();
  sections.push(`## ${title}\n\n${markdown}\n`);
}

const header = `# Benchmarks

Rewritten by \`node bench/run-all.mjs\` on ${new Date().toISOString().slice(0, 10)}.

- Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}
- Node ${process.version}; ${version('/usr/bin/chromium --version')}; ${version('rustc --version')}; wasm-bindgen ${version('wasm-bindgen --version').split(' ')[1] ?? 'n/a'}
- telnyx (official SDK) ${pkgVersion('telnyx')}, telnyx-portouts ${pkgVersion('telnyx-portouts')}

Ratios compare cases measured in the same run; absolute times depend on the machine.
`;
writeFileSync(new URL('../BENCHMARKS.md', import.meta.url), [header, ...sections].join('\n'));
console.error('wrote BENCHMARKS.md');
