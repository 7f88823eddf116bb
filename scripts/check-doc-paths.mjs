// Checks that every path of this repository named in the docs and comments exists: the
// READMEs, docs/, BENCHMARKS.md, and the comments of the sources (Rust, JS, TypeScript, shell).
// A path is a token starting with one of the repository's top-level folders
// (`src/client/read/mod.rs`, `tests/mock/`). Exits 1 and lists each missing one with where it is
// named. Usage: node scripts/check-doc-paths.mjs
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const TOP = ['src', 'schema', 'tests', 'scripts', 'pkg-template', 'www', 'docs', 'bench', 'js', 'spec', 'fuzz', 'examples', '.ci'];
const SKIP_DIRS = new Set(['node_modules', 'target', 'pkg', 'test-output', '.git', 'corpus', 'artifacts', 'dist']);
// Build outputs and working folders (ignored by git) that docs may name before they exist.
const OUTPUTS = /(^|\/)(node_modules|target|artifacts|corpus-work|coverage|pkg|test-output)(\/|$)/;
// Files a past note names as removed ("`src/json.rs`, since removed"): not checked.
const REMOVED = new Set(['src/json.rs']);
const PATH = new RegExp(`(?<![\\w./-])(?:${TOP.map((t) => t.replace('.', '\\.')).join('|')})/[\\w./-]*`, 'g');

/** The files to read: docs whole, sources for their comments only. */
function* files(dir) {
  for (const name of readdirSync(dir)) {
    if (SKIP_DIRS.has(name)) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.(md|rs|mjs|js|ts|sh)$/.test(name) || p.endsWith('.ci/run')) yield p;
  }
}

/** The text of `file` in which paths count: a Markdown file whole, a source's comments. */
function commentText(file, text) {
  if (file.endsWith('.md')) return text;
  const lines = text.split('\n');
  return lines
    .map((l) => {
      const t = l.trim();
      if (file.endsWith('.sh') || file.endsWith('/run')) return t.startsWith('#') ? t : '';
      if (/^(\/\/|\/\*|\*)/.test(t)) return t;
      const at = l.indexOf(' // ');
      return at >= 0 ? l.slice(at) : '';
    })
    .join('\n');
}

/** True when `p` is the start of a file name in an existing folder (`fuzz/corpus/<target>/ki1_`). */
function isPrefix(p) {
  const at = p.lastIndexOf('/');
  const dir = join(ROOT, p.slice(0, at));
  return at > 0 && existsSync(dir) && readdirSync(dir).some((n) => n.startsWith(p.slice(at + 1)));
}

const missing = [];
let checked = 0;
for (const file of files(ROOT)) {
  const text = commentText(file, readFileSync(file, 'utf8'));
  for (const m of text.matchAll(PATH)) {
    const p = m[0].replace(/[.,:;)]+$/, '');
    if (/[<>*{}]/.test(p) || p.endsWith('/...')) continue;
    if (OUTPUTS.test(p) || REMOVED.has(p)) continue;
    checked += 1;
    if (!existsSync(join(ROOT, p)) && !isPrefix(p)) missing.push(`${relative(ROOT, file)}: ${p}`);
  }
}
if (missing.length) {
  console.error(`paths named in docs or comments that do not exist (${missing.length}):\n  ${missing.join('\n  ')}`);
  process.exit(1);
}
console.log(`doc paths: ${checked} named, all exist`);
