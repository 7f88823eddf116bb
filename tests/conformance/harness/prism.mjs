// Installs this folder's own npm package on first use (Prism, Ajv) and starts Prism mock servers.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, openSync, closeSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { freePort } from '../../free-port.mjs';

export const HERE = fileURLToPath(new URL('..', import.meta.url)); // tests/conformance/
export const ROOT = fileURLToPath(new URL('../../..', import.meta.url)); // the repository
export const SPEC = join(ROOT, 'spec', 'telnyx-portouts.openapi.json');
const PRISM_CLI = join(HERE, 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js');
export const PRISM_VERSION = '5.14.2';

/** `npm ci --prefix tests/conformance` when its node_modules is missing (install time, not test time). */
export function ensureInstalled() {
  const need = [PRISM_CLI, join(HERE, 'node_modules', 'ajv', 'package.json'), join(HERE, 'node_modules', 'ajv-formats', 'package.json')];
  if (need.every((p) => existsSync(p))) return false;
  // npm's output goes to stderr: this process's stdout is the test runner's report stream.
  execFileSync('npm', ['ci', '--prefix', HERE, '--no-audit', '--no-fund', '--loglevel=error'], { stdio: ['ignore', 2, 2] });
  if (!need.every((p) => existsSync(p))) throw new Error(`npm ci --prefix ${HERE} did not install Prism and Ajv`);
  return true;
}

export { freePort };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Prism children die with this process: on exit (the 'exit' hooks below) and on SIGINT/SIGTERM.
const children = new Set();
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, () => {
    for (const c of children) c.kill('SIGKILL');
    process.exit(sig === 'SIGINT' ? 130 : 143);
  });
}

/**
 * Starts `prism mock` on 127.0.0.1 (static examples, or `-d` dynamic generation) and waits until
 * it answers an authorized `GET /portouts` with 200. Returns `{ url, port, log, close() }`.
 */
export async function startPrism({ dynamic = false, logDir } = {}) {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const args = [PRISM_CLI, 'mock', '-h', '127.0.0.1', '-p', String(port), '-v', 'warn'];
    if (dynamic) args.push('-d');
    args.push(SPEC);
    let log = 'ignore';
    let logPath;
    if (logDir) {
      mkdirSync(logDir, { recursive: true });
      logPath = join(logDir, `prism-${dynamic ? 'dynamic' : 'static'}.log`);
      log = openSync(logPath, 'w');
    }
    const child = spawn(process.execPath, args, { stdio: ['ignore', log, log] });
    children.add(child);
    child.once('exit', () => children.delete(child));
    if (typeof log === 'number') closeSync(log);
    let exited = null;
    child.once('exit', (code, signal) => { exited = { code, signal }; });
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 30_000;
    while (!exited && Date.now() < deadline) {
      try {
        const r = await fetch(`${url}/portouts`, { headers: { Authorization: 'Bearer x' } });
        await r.arrayBuffer();
        if (r.status === 200) {
          const kill = () => { if (!exited) child.kill('SIGTERM'); };
          process.once('exit', kill);
          return {
            url, port, logPath, pid: child.pid,
            close: async () => {
              process.removeListener('exit', kill);
              if (exited) return;
              const gone = new Promise((r2) => child.once('exit', r2));
              child.kill('SIGTERM');
              await Promise.race([gone, sleep(3000)]);
              if (!exited) child.kill('SIGKILL');
            },
          };
        }
      } catch {}
      await sleep(150);
    }
    if (!exited) child.kill('SIGKILL');
    if (attempt >= 2) throw new Error(`prism mock did not start on port ${port} (${JSON.stringify(exited)}); log: ${logPath ?? 'none'}`);
  }
}
