#!/usr/bin/env node
// Static server for the demo page (Node built-ins only).
//
//   node www/serve.mjs [--port 8080] [--host 127.0.0.1] [--mock-url http://127.0.0.1:8787/v2]
//
// Serves www/ at /, and the built package (pkg/) at /node_modules/telnyx-portouts/, which is
// where the page's import map points `telnyx-portouts`. With --mock-url (or the `baseUrl`
// option), /config.json answers `{"baseUrl": …}`: the page's default base URL.
//
// With --gateway-upstream URL (or the `gateway` option), it also mounts the package's gateway
// (`telnyx-portouts/gateway`, from the same pkg/) at /api/telnyx: the page talks to it
// same-origin with no key; the key (TELNYX_API_KEY) and the webhook public key
// (TELNYX_PUBLIC_KEY) stay in this process. Webhooks go to /api/telnyx/webhooks.
//
// Programmatic: `const s = await startStaticServer({ port: 0, root, pkgDir, baseUrl, gateway })`
// → `{ url, port, close() }`.

import http from 'node:http';
import { createReadStream, realpathSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PKG_PREFIX = '/node_modules/telnyx-portouts/';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/** The MIME type of a file name (`application/octet-stream` when unknown). */
export function mimeType(file) {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Maps a URL path below `base` to a file, or null when it escapes `base` or is malformed. */
function resolveInside(base, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(base, '.' + path.posix.normalize('/' + decoded));
  return file === base || file.startsWith(base + path.sep) ? file : null;
}

function send(res, status, body, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

const GATEWAY_BASE = '/api/telnyx';

/**
 * The package's gateway for the demo: every operation allowed (the demo shows writes), and
 * `authorize` open: the demo server listens on 127.0.0.1 only and has no users. A deployment
 * decides here who may do what (a session cookie, a role).
 */
async function mountGateway(pkgRoot, { apiKey, upstream, publicKey }) {
  const { createPortoutsGateway } = await import(pathToFileURL(path.join(pkgRoot, 'gateway', 'index.js')).href);
  const { OPERATIONS } = await import(pathToFileURL(path.join(pkgRoot, 'node.js')).href);
  return createPortoutsGateway({
    apiKey,
    upstream,
    basePath: GATEWAY_BASE,
    allow: OPERATIONS.map((op) => op.name),
    authorize: () => true, // local demo: no users to tell apart (see above)
    webhook: publicKey ? { publicKey, path: `${GATEWAY_BASE}/webhooks` } : undefined,
    audit: (entry) => console.log(`audit ${JSON.stringify(entry)}`),
  });
}

/**
 * Starts the static server.
 * `headers` are added to every response (the decode benchmark passes COOP/COEP, which make
 * the page cross-origin isolated so that performance.now() is precise).
 * @param {{port?: number, host?: string, root?: string, pkgDir?: string|null, baseUrl?: string, headers?: Record<string, string>}} [opts]
 * @returns {Promise<{url: string, port: number, close(): Promise<void>}>}
 */
export async function startStaticServer({
  port = 8080,
  host = '127.0.0.1',
  root = HERE,
  pkgDir = path.join(HERE, '..', 'pkg'),
  baseUrl,
  headers = {},
  gateway,
} = {}) {
  const rootDir = path.resolve(root);
  const pkgRoot = pkgDir ? path.resolve(pkgDir) : null;
  const api = gateway ? await mountGateway(pkgRoot, gateway) : null;

  const server = http.createServer(async (req, res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (api && (req.url === GATEWAY_BASE || req.url?.startsWith(`${GATEWAY_BASE}/`) || req.url?.startsWith(`${GATEWAY_BASE}?`))) {
      return api.node(req, res);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return send(res, 405, 'Method not allowed\n');
    }
    const urlPath = (req.url ?? '/').split('?')[0].split('#')[0];

    if (urlPath === '/config.json' && baseUrl) {
      // `live`: the page's default base URL is this server's gateway, which streams events.
      const live = Boolean(api) && baseUrl === GATEWAY_BASE;
      return send(res, 200, JSON.stringify(live ? { baseUrl, live } : { baseUrl }) + '\n', MIME['.json']);
    }

    let file;
    if (pkgRoot && urlPath.startsWith(PKG_PREFIX)) {
      file = resolveInside(pkgRoot, urlPath.slice(PKG_PREFIX.length));
    } else {
      file = resolveInside(rootDir, urlPath);
    }
    if (!file) return send(res, 400, 'Bad request\n');

    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        if (!urlPath.endsWith('/')) {
          res.writeHead(301, { location: urlPath + '/', 'cache-control': 'no-store' });
          return res.end();
        }
        file = path.join(file, 'index.html');
        info = await stat(file);
      }
      if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
      res.writeHead(200, {
        'content-type': mimeType(file),
        'content-length': info.size,
        // A demo and test server: the package is rebuilt often, never serve a stale copy.
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      if (req.method === 'HEAD') return res.end();
      const stream = createReadStream(file);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    } catch (e) {
      if (e.code === 'ENOENT' || e.code === 'ENOTDIR') {
        const hint = pkgRoot && urlPath.startsWith(PKG_PREFIX)
          ? ` (is the package built? expected it in ${pkgRoot})` : '';
        return send(res, 404, `Not found: ${urlPath}${hint}\n`);
      }
      return send(res, 500, 'Internal error\n');
    }
  });

  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = server.address().port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${actualPort}`,
    port: actualPort,
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
    },
  };
}

function isMain() {
  try {
    return realpathSync(process.argv[1] ?? '') === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.DEMO_PORT ?? '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      root: { type: 'string' },
      pkg: { type: 'string' },
      'mock-url': { type: 'string' },
      'gateway-upstream': { type: 'string' },
    },
  });
  const upstream = values['gateway-upstream'];
  const server = await startStaticServer({
    port: Number(values.port),
    host: values.host,
    root: values.root ?? HERE,
    pkgDir: values.pkg ?? path.join(HERE, '..', 'pkg'),
    baseUrl: values['mock-url'],
    gateway: upstream ? { apiKey: process.env.TELNYX_API_KEY, upstream, publicKey: process.env.TELNYX_PUBLIC_KEY || undefined } : undefined,
  });
  console.log(`demo listening ${server.url}`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
