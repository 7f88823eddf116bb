// Two small local servers: a recording reverse proxy in front of Prism (so the Node suite sees
// the exact request line the library sent and Prism's verdict on it), and the static server of
// the browser page (the built package under /pkg/, the page, the harness module).
import { createServer, request as httpRequest } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { ROOT, HERE } from './prism.mjs';

function listen(server) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`));
  });
}

/**
 * Forwards every request to `target` unchanged and records
 * `{ method, url, authorization, accept, contentType, headers, body, status, violations, responseType, responseText }`
 * (violations: Prism's `sl-violations`; body: the request body as text, '' when there is none;
 * responseText: the body Prism answered with). `done` settles when the response has been relayed.
 * With `requestIds`, every response gets an `x-request-id` (recorded as `requestId`).
 */
export async function startRecorder(target, { requestIds = false } = {}) {
  const t = new URL(target);
  const log = [];
  const server = createServer((req, res) => {
    const entry = {
      // requestIds: each relayed response also carries `x-request-id: rec-N` (Prism sends none).
      ...(requestIds ? { requestId: `rec-${log.length + 1}` } : {}),
      method: req.method, url: req.url, authorization: req.headers.authorization ?? null, accept: req.headers.accept ?? null,
      contentType: req.headers['content-type'] ?? null, headers: { ...req.headers }, body: '',
    };
    log.push(entry);
    const reqChunks = [];
    req.on('data', (c) => reqChunks.push(c));
    req.on('end', () => { entry.body = Buffer.concat(reqChunks).toString('utf8'); });
    let settle;
    entry.done = new Promise((r) => { settle = r; });
    const up = httpRequest({ host: t.hostname, port: t.port, method: req.method, path: req.url, headers: { ...req.headers, host: t.host } }, (upRes) => {
      entry.status = upRes.statusCode;
      entry.violations = upRes.headers['sl-violations'] ?? null;
      entry.responseType = upRes.headers['content-type'] ?? null;
      const resChunks = [];
      upRes.on('data', (c) => resChunks.push(c));
      upRes.on('end', () => { entry.responseText = Buffer.concat(resChunks).toString('utf8'); settle(); });
      res.writeHead(upRes.statusCode, entry.requestId ? { ...upRes.headers, 'x-request-id': entry.requestId } : upRes.headers);
      upRes.pipe(res);
    });
    up.on('error', (e) => { entry.status = 502; entry.error = String(e); res.writeHead(502); res.end(); settle(); });
    req.pipe(up);
  });
  const url = await listen(server);
  return { url, log, close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }) };
}

const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html; charset=utf-8', '.json': 'application/json', '.ts': 'text/plain' };

/** Serves `/` (the page), `/harness/*` (this folder's harness) and `/pkg/*` (the built package). */
export async function startStaticServer() {
  const roots = { '/pkg/': join(ROOT, 'pkg'), '/harness/': join(HERE, 'harness') };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file;
    if (path === '/' || path === '/index.html') file = join(HERE, 'harness', 'page', 'index.html');
    else {
      for (const [prefix, dir] of Object.entries(roots)) {
        if (!path.startsWith(prefix)) continue;
        const candidate = normalize(join(dir, path.slice(prefix.length)));
        if (candidate.startsWith(dir + sep)) file = candidate;
      }
    }
    if (!file) { res.writeHead(404); res.end(); return; }
    try {
      const body = await readFile(file);
      const ext = file.slice(file.lastIndexOf('.'));
      res.writeHead(200, { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404); res.end();
    }
  });
  const url = await listen(server);
  return { url, close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }) };
}
