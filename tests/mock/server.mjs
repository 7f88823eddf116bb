#!/usr/bin/env node
// Mock Telnyx server for GET /v2/portouts and GET /v2/portouts/{id} (plus the
// port-out sub-resources in resources.mjs: status, comments, supporting
// documents, rejections, events, reports), with per-request fault injection,
// request introspection and a key-holding proxy mode. Node built-ins only.
// See README.md in this directory.
//
//   node tests/mock/server.mjs [--port 8787] [--host 127.0.0.1] [--api-key KEY]
//                              [--seed 42] [--count 1000] [--upstream URL]
//                              [--report-delay-ms 300]

import http from 'node:http';
import https from 'node:https';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { generateDataset, makeGrownRecord } from './data.mjs';
import { parseQuery, parseListQuery, listPage } from './filters.mjs';
import { parseDirectives, hasFault } from './directives.mjs';
import { ERRORS, errorBody } from './errors.mjs';
import { createResources, DEFAULT_REPORT_DELAY_MS } from './resources.mjs';
import { createWebhookSender } from './webhooks.mjs';

export { errorBody };

const LOG_LIMIT = 5000;
const BODY_LIMIT = 1024 * 1024; // request bodies above this get a 413
const BODYLESS_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const JSON_TYPE = 'application/json';

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'x-request-id, retry-after, content-type',
};
const DEFAULT_ALLOW_HEADERS = 'Authorization, Content-Type, Accept, X-Requested-With';

const HTML_502 =
  '<!DOCTYPE html>\n<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n' +
  '<center><h1>502 Bad Gateway</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>\n';

/** Reads a request body (up to BODY_LIMIT bytes). Resolves { buf, tooLarge }. */
function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    let size = 0;
    const done = () => resolve({ buf: Buffer.concat(chunks), tooLarge: size > BODY_LIMIT });
    req.on('data', (c) => {
      size += c.length;
      if (size <= BODY_LIMIT) chunks.push(c);
    });
    req.on('end', done);
    req.on('close', done);
    req.on('error', done);
  });
}

/** The status a faulted answer is sent with (mirrors sendFault). */
function faultStatus(d, normal) {
  switch (d.body) {
    case undefined:
      return d.status;
    case 'html':
      return d.status ?? 502;
    case 'echo_auth':
      return d.status ?? 401;
    case 'empty':
    case 'notjson':
      return d.status ?? 200;
    default: // truncated, wrong_type, drop: the normal body, cut or altered
      return d.status ?? normal.status;
  }
}

function newCounters() {
  return { requests: 0, inFlight: 0, maxInFlight: 0, faults: 0 };
}

/**
 * Starts a mock server.
 * @returns {Promise<{url: string, port: number, close(): Promise<void>, log: Array, dataset: Array,
 *   resources: object, reset(): void}>}
 */
export async function startMockServer({
  port = 0,
  host = '127.0.0.1',
  apiKey,
  seed = 42,
  count = 1000,
  upstream,
  proxyApiKey,
  reportDelayMs = DEFAULT_REPORT_DELAY_MS,
  webhookUrl,
} = {}) {
  const dataset = generateDataset({ seed, count });
  // Each event the mock records is delivered, signed, to webhookUrl (tests/mock/webhooks.mjs).
  const webhooks = webhookUrl ? createWebhookSender({ url: webhookUrl }) : null;
  const resources = createResources({ seed, count, dataset, reportDelayMs, onEvent: (e) => webhooks?.deliver(e) });
  const growCache = new Map();
  const log = [];
  const timers = new Set();
  let requestCounter = 0;
  let seq = 0;
  let closing = false;

  let global = newCounters();
  let byKey = new Map(); // exact directive key -> counters
  let byTag = new Map(); // tag directive value -> counters
  const counters = (map, k) => {
    let c = map.get(k);
    if (!c) map.set(k, (c = newCounters()));
    return c;
  };

  const sleep = (ms) =>
    new Promise((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  // ---- responses ----------------------------------------------------------

  function send(res, status, body, headers = {}) {
    if (res.destroyed || res.headersSent) return;
    if (status === 204 || status === 304) {
      res.writeHead(status, headers);
      res.end();
      return;
    }
    const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    const buf = Buffer.from(text, 'utf8');
    res.writeHead(status, {
      'content-type': JSON_TYPE,
      'cache-control': 'no-store',
      ...headers,
      'content-length': buf.length,
    });
    res.end(buf);
  }

  // The records a request sees, after the count= and grow= directives.
  function viewFor(d, requestIndex) {
    const base = d.count !== undefined ? dataset.slice(0, d.count) : dataset;
    if (!d.grow) return base;
    const added = d.grow * requestIndex;
    const grown = [];
    for (let i = added - 1; i >= 0; i--) grown.push(makeGrownRecord(seed, i, growCache));
    return grown.concat(base);
  }

  /**
   * The normal (un-faulted) answer for an API path, computed locally.
   * Returns { status, body, headers?, commit?, matched?, wrongType? } (see resources.mjs).
   */
  function route(method, apiPath, pairs, d, requestIndex, body) {
    const sub = resources.route(method, apiPath, pairs, body);
    if (sub) return sub;
    const list = apiPath === '/v2/portouts';
    const one = /^\/v2\/portouts\/([^/]+)$/.exec(apiPath);
    if (!list && !one) {
      return { status: 404, body: errorBody(404, `No route for ${apiPath}`) };
    }
    if (method !== 'GET') {
      return { status: 405, body: errorBody(405), headers: { allow: 'GET, OPTIONS' } };
    }
    if (list) {
      const parsed = parseListQuery(pairs);
      if (parsed.errors) return { status: 422, body: { errors: parsed.errors } };
      return { status: 200, body: listPage(viewFor(d, requestIndex), parsed) };
    }
    let id;
    try {
      id = decodeURIComponent(one[1]);
    } catch {
      id = one[1];
    }
    const record = viewFor(d, requestIndex).find((r) => r.id === id);
    if (!record) return { status: 404, body: errorBody(404, `Portout ${id} not found`, { source: { pointer: '/id' } }) };
    return { status: 200, body: { data: record } };
  }

  function sendFault(req, res, d, normal, extraHeaders) {
    const st = d.status;
    switch (d.body) {
      case undefined:
        if (st >= 400) return send(res, st, errorBody(st, `${ERRORS[st]?.[2] ?? 'Mock fault.'} (mock fault status=${st})`), extraHeaders);
        return send(res, st, normal.body, { ...normal.headers, ...extraHeaders });
      case 'html':
        return send(res, st ?? 502, HTML_502, { ...extraHeaders, 'content-type': 'text/html; charset=utf-8' });
      case 'truncated': {
        const text = normal.body === undefined ? '' : JSON.stringify(normal.body);
        return send(res, st ?? normal.status, text.slice(0, Math.floor(text.length / 2)), extraHeaders);
      }
      case 'wrong_type': {
        const body = structuredClone(normal.body);
        const [field, value] = normal.wrongType ?? ['phone_numbers', 42];
        if (Array.isArray(body?.data) && body.data.length > 0) body.data[0][field] = value;
        else if (body?.data && typeof body.data === 'object') body.data[field] = value;
        return send(res, st ?? normal.status, body, extraHeaders);
      }
      case 'empty':
        return send(res, st ?? 200, '', extraHeaders);
      case 'notjson':
        return send(res, st ?? 200, 'not json', extraHeaders);
      case 'echo_auth': {
        const got = req.headers.authorization;
        const detail = `The API key provided is invalid. Received Authorization header: ${got === undefined ? '(none)' : got}`;
        return send(res, st ?? 401, errorBody(401, detail), extraHeaders);
      }
      case 'drop': {
        // Headers promise the full body; half of it is sent, then the socket is destroyed.
        const buf = Buffer.from(normal.body === undefined ? '' : JSON.stringify(normal.body), 'utf8');
        res.writeHead(st ?? normal.status, {
          'content-type': JSON_TYPE,
          'cache-control': 'no-store',
          ...extraHeaders,
          'content-length': buf.length,
        });
        res.write(buf.subarray(0, Math.floor(buf.length / 2)), () => {
          const t = setTimeout(() => {
            timers.delete(t);
            req.socket.destroy();
          }, 20);
          timers.add(t);
        });
        return undefined;
      }
      default:
        return send(res, 500, errorBody(500, `unhandled mock body fault ${d.body}`));
    }
  }

  function proxy(req, res, apiPath, rawQuery, body) {
    const up = new URL(upstream);
    const client = up.protocol === 'https:' ? https : http;
    const path = up.pathname.replace(/\/+$/, '') + apiPath.slice('/v2'.length) + (rawQuery !== null ? `?${rawQuery}` : '');
    const key = proxyApiKey ?? process.env.TELNYX_API_KEY;
    const headers = {
      accept: req.headers.accept ?? JSON_TYPE,
      'user-agent': 'telnyx-portouts-mock-proxy',
    };
    if (key) headers.authorization = `Bearer ${key}`; // the incoming Authorization is never forwarded
    if (body.length > 0 || !BODYLESS_METHODS.has(req.method)) {
      if (req.headers['content-type'] !== undefined) headers['content-type'] = req.headers['content-type'];
      headers['content-length'] = body.length;
    }
    const upReq = client.request(
      { protocol: up.protocol, hostname: up.hostname, port: up.port || undefined, method: req.method, path, headers },
      (upRes) => {
        if (res.destroyed) {
          upRes.destroy();
          return;
        }
        const out = {};
        for (const h of ['content-type', 'content-length', 'content-encoding', 'x-request-id', 'retry-after']) {
          if (upRes.headers[h] !== undefined) out[h] = upRes.headers[h];
        }
        res.writeHead(upRes.statusCode, out);
        upRes.pipe(res);
        upRes.on('error', () => res.destroy());
      },
    );
    upReq.on('error', (err) => {
      send(res, 502, errorBody(502, `Upstream request failed: ${err.code ?? err.message}`));
    });
    res.on('close', () => upReq.destroy());
    upReq.end(body.length > 0 ? body : undefined);
  }

  // ---- introspection ------------------------------------------------------

  function introspect(req, res, rawPath, rawQuery) {
    const q = Object.fromEntries(parseQuery(rawQuery ?? '').pairs);
    if (rawPath === '/__health' && req.method === 'GET') return send(res, 200, { ok: true });
    if (rawPath === '/__reset' && req.method === 'POST') {
      resources.reset();
      return send(res, 204);
    }
    if (rawPath === '/__log') {
      if (req.method === 'DELETE') {
        log.length = 0;
        return send(res, 204);
      }
      if (req.method === 'GET') {
        let out = log;
        if (q.tag !== undefined) out = out.filter((e) => e.directives.tag === q.tag);
        if (q.key !== undefined) out = out.filter((e) => e.directiveKey === q.key);
        if (q.method !== undefined) out = out.filter((e) => e.method === q.method.toUpperCase());
        return send(res, 200, out);
      }
    }
    if (rawPath === '/__stats') {
      if (req.method === 'DELETE') {
        global = newCounters();
        byKey = new Map();
        byTag = new Map();
        return send(res, 204);
      }
      if (req.method === 'GET') {
        let c = global;
        if (q.tag !== undefined) c = byTag.get(q.tag) ?? newCounters();
        else if (q.key !== undefined) c = byKey.get(q.key) ?? newCounters();
        return send(res, 200, { requests: c.requests, maxInFlight: c.maxInFlight, inFlight: c.inFlight });
      }
    }
    return send(res, 404, errorBody(404, `No introspection endpoint ${req.method} ${rawPath}`));
  }

  // ---- request handling ---------------------------------------------------

  async function handle(req, res) {
    const requestId = `req-${String(++requestCounter).padStart(6, '0')}`;
    res.setHeader('x-request-id', requestId);
    for (const [k, v] of Object.entries(CORS_HEADERS)) res.setHeader(k, v);

    const qIndex = req.url.indexOf('?');
    const rawPath = qIndex === -1 ? req.url : req.url.slice(0, qIndex);
    const rawQuery = qIndex === -1 ? null : req.url.slice(qIndex + 1);

    if (rawPath.startsWith('/__') && !rawPath.startsWith('/__mock/') && rawPath !== '/__mock') {
      if (req.method === 'OPTIONS') return preflight(req, res, rawPath === '/__reset' ? ['POST'] : null);
      return introspect(req, res, rawPath, rawQuery);
    }

    // Split off /__mock/<directives>.
    let apiPath = rawPath;
    let directiveKey = '';
    let d = {};
    let directiveError = null;
    if (rawPath === '/__mock' || rawPath.startsWith('/__mock/')) {
      const rest = rawPath.slice('/__mock/'.length);
      const slash = rest.indexOf('/');
      const segment = slash === -1 ? rest : rest.slice(0, slash);
      apiPath = slash === -1 ? '/' : rest.slice(slash);
      try {
        ({ key: directiveKey, directives: d } = parseDirectives(segment));
      } catch (err) {
        directiveError = err.message;
        directiveKey = segment;
      }
    }

    const { pairs } = parseQuery(rawQuery ?? '');
    const entry = {
      seq: ++seq,
      requestId,
      method: req.method,
      path: apiPath,
      rawPath,
      query: rawQuery ?? '',
      params: pairs,
      headers: {
        authorization: req.headers.authorization,
        accept: req.headers.accept,
        origin: req.headers.origin,
        'content-type': req.headers['content-type'],
        'user-agent': req.headers['user-agent'],
        'access-control-request-headers': req.headers['access-control-request-headers'],
      },
      directives: d,
      directiveKey,
      status: null,
      fault: null,
      startedAt: Date.now(),
      endedAt: null,
    };
    log.push(entry);
    if (log.length > LOG_LIMIT) log.splice(0, log.length - LOG_LIMIT);
    res.on('close', () => {
      entry.endedAt = Date.now();
      entry.status = res.headersSent ? res.statusCode : null;
      entry.completed = res.writableFinished;
    });

    // Preflights are answered at once and never count towards directive
    // counters or stats (a browser sends them on its own).
    if (req.method === 'OPTIONS') return preflight(req, res, resources.methodsFor(apiPath));

    // Write requests: read the body before anything else (it is logged).
    let bodyBuf = Buffer.alloc(0);
    if (!BODYLESS_METHODS.has(req.method)) {
      const { buf, tooLarge } = await readBody(req);
      if (res.destroyed || closing) return undefined;
      if (tooLarge) {
        entry.body = null;
        return send(res, 413, errorBody(413, `The request body is larger than ${BODY_LIMIT} bytes`));
      }
      bodyBuf = buf;
      entry.body = buf.length > 0 ? buf.toString('utf8') : null;
    }
    const body = { contentType: req.headers['content-type'], text: bodyBuf.toString('utf8') };

    if (directiveError) {
      return send(res, 400, errorBody(400, `Invalid mock directives: ${directiveError}`, { source: { pointer: rawPath } }));
    }

    // Counters: per directive key, per tag, global.
    const tracked = [global, counters(byKey, directiveKey)];
    if (d.tag !== undefined) tracked.push(counters(byTag, d.tag));
    for (const c of tracked) {
      c.requests += 1;
      c.inFlight += 1;
      c.maxInFlight = Math.max(c.maxInFlight, c.inFlight);
    }
    const keyCounters = tracked[1];
    const requestIndex = keyCounters.requests;
    res.on('close', () => {
      for (const c of tracked) c.inFlight -= 1;
    });

    if (d.latency) {
      await sleep(d.latency);
      if (res.destroyed || closing) return undefined;
    }

    // Authentication: a per-request auth= directive, else the server's key.
    const requiredKey = d.auth ?? apiKey;
    if (requiredKey !== undefined && req.headers.authorization !== `Bearer ${requiredKey}`) {
      return send(res, 401, errorBody(401));
    }

    // Is this request faulted? fail_page restricts faults to one page
    // (requests without page[number] count as page 1), method= to one HTTP method; times=N limits the
    // number of faulted requests of this directive key.
    let faulted = false;
    if (hasFault(d)) {
      const pageParam = pairs.find(([k]) => k === 'page[number]');
      const page = pageParam ? (/^\d+$/.test(pageParam[1]) ? Number(pageParam[1]) : NaN) : 1;
      const pageOk = (d.fail_page === undefined || page === d.fail_page) && (d.method === undefined || req.method === d.method);
      const timesOk = d.times === undefined || keyCounters.faults < d.times;
      if (pageOk && timesOk) {
        faulted = true;
        keyCounters.faults += 1;
      }
    }
    const extraHeaders = {};
    if (d.retry_after !== undefined && (faulted || !hasFault(d))) extraHeaders['retry-after'] = d.retry_after;

    if (faulted && d.hang) {
      entry.fault = 'hang';
      return undefined; // never answer; the socket is closed by the client or by close()
    }

    const normal = route(req.method, apiPath, pairs, d, requestIndex, body);
    // A write takes effect when its answer is a success: a faulted 5xx/429/401
    // leaves the state alone (retries never duplicate), a truncated or dropped
    // 201 means the write happened and only the answer was lost.
    const commit = () => {
      const extra = normal.commit();
      if (extra) Object.assign(entry, extra);
    };
    if (faulted) {
      entry.fault = d.body ?? `status=${d.status}`;
      if (normal.commit && !upstream && faultStatus(d, normal) < 400) commit();
      return sendFault(req, res, d, normal, extraHeaders);
    }
    // Proxy mode: port-out requests go upstream unvalidated (the upstream validates).
    if (upstream && (normal.matched || (req.method === 'GET' && /^\/v2\/portouts(\/[^/]+)?$/.test(apiPath)))) {
      entry.proxied = true;
      return proxy(req, res, apiPath, rawQuery, bodyBuf);
    }
    if (normal.commit) commit();
    return send(res, normal.status, normal.body, { ...normal.headers, ...extraHeaders });
  }

  // `methods`: what the path accepts besides OPTIONS (null: GET, the list/get routes and
  // unknown paths).
  function preflight(req, res, methods) {
    const headers = {
      'access-control-allow-methods': `${(methods ?? ['GET']).join(', ')}, OPTIONS`,
      'access-control-allow-headers': req.headers['access-control-request-headers'] || DEFAULT_ALLOW_HEADERS,
      'access-control-max-age': '600',
      vary: 'Access-Control-Request-Headers',
    };
    if (req.headers['access-control-request-private-network'] === 'true') {
      headers['access-control-allow-private-network'] = 'true';
    }
    return send(res, 204, undefined, headers);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) send(res, 500, errorBody(500, `mock server bug: ${err.stack ?? err}`));
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5000;

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = server.address().port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  let closed = null;
  return {
    url: `http://${urlHost}:${actualPort}`,
    port: actualPort,
    /** The public key the webhooks are signed with (base64), when they are sent. */
    webhookPublicKey: webhooks?.publicKey,
    log,
    dataset,
    resources,
    reset: () => resources.reset(),
    close() {
      if (closed) return closed;
      closing = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      closed = new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // includes hanging requests and idle keep-alive sockets
      });
      return closed;
    },
  };
}

// ---- CLI ------------------------------------------------------------------

function isMain() {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      'api-key': { type: 'string' },
      seed: { type: 'string', default: '42' },
      count: { type: 'string', default: '1000' },
      upstream: { type: 'string' },
      'report-delay-ms': { type: 'string', default: String(DEFAULT_REPORT_DELAY_MS) },
      'webhook-url': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(
      'usage: node tests/mock/server.mjs [--port 8787] [--host 127.0.0.1] [--api-key KEY] [--seed 42] [--count 1000] [--upstream URL] [--report-delay-ms 300] [--webhook-url URL]\n',
    );
    return;
  }
  const int = (name, v, min) => {
    if (!/^\d+$/.test(v) || Number(v) < min) {
      process.stderr.write(`--${name} must be an integer >= ${min}\n`);
      process.exit(2);
    }
    return Number(v);
  };
  const srv = await startMockServer({
    port: int('port', values.port, 0),
    host: values.host,
    apiKey: values['api-key'],
    seed: /^-?\d+$/.test(values.seed) ? Number(values.seed) : values.seed,
    count: int('count', values.count, 0),
    upstream: values.upstream,
    reportDelayMs: int('report-delay-ms', values['report-delay-ms'], 0),
    webhookUrl: values['webhook-url'],
  });
  if (srv.webhookPublicKey) process.stdout.write(`mock webhook public key ${srv.webhookPublicKey}\n`);
  process.stdout.write(`mock listening ${srv.url}\n`);
  const stop = () => {
    srv.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (isMain()) {
  main().catch((err) => {
    process.stderr.write(`${err.stack ?? err}\n`);
    process.exit(1);
  });
}
