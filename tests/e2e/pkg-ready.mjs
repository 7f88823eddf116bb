// pkg/ may be rebuilt while the browser tests run (scripts/build-pkg.sh starts with `rm -rf pkg`
// and writes package.json last). These helpers wait for a complete package and copy it, so one
// test run sees one build.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function complete(pkgDir) {
  const manifest = path.join(pkgDir, 'package.json');
  if (!existsSync(manifest)) return null;
  try {
    const { files = [] } = JSON.parse(readFileSync(manifest, 'utf8'));
    if (!files.every((f) => existsSync(path.join(pkgDir, f)))) return null;
    return statSync(manifest).mtimeMs;
  } catch {
    return null;
  }
}

/** Resolves once `pkgDir` holds a complete build (package.json and every file it lists). */
export async function waitForPkg(pkgDir, { timeoutMs = 180_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let waited = false;
  for (;;) {
    if (complete(pkgDir) !== null) return;
    if (Date.now() > deadline) {
      throw new Error(`${pkgDir} is missing or incomplete: build it with \`bash scripts/build-pkg.sh\``);
    }
    if (!waited) {
      waited = true;
      console.error(`# waiting for ${pkgDir} (being rebuilt?)`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** A private copy of a complete `pkgDir`; `remove()` deletes it. */
export async function snapshotPkg(pkgDir) {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    await waitForPkg(pkgDir);
    const before = complete(pkgDir);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'telnyx-portouts-pkg-'));
    try {
      cpSync(pkgDir, dir, { recursive: true, dereference: true });
    } catch {
      rmSync(dir, { recursive: true, force: true });
      continue;
    }
    if (before !== null && complete(pkgDir) === before && complete(dir) !== null) {
      return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
    }
    rmSync(dir, { recursive: true, force: true }); // changed while copying: try again
  }
  throw new Error(`${pkgDir} kept changing while being copied`);
}
