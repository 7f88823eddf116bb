// The gateway's numbers (issue 19), each ratio measured in one run on this machine:
// - a list page through the gateway vs straight to the mock: added p50 latency, and requests/s at
//   concurrency 50 against a bare forwarding proxy (node:http piping to the mock, adding the key);
// - webhook verification: deliveries/s on one core, unwrapPortoutWebhook vs the official SDK's
//   TelnyxWebhook.verify, and the gateway's webhook path (key imported once);
// - 1,000 concurrent requests: every response matches its request, none lost;
// - memory: 10,000 webhook deliveries with 20 live subscribers.
//
//   node --expose-gc bench/gateway.mjs      (after bash scripts/build-pkg.sh; prints JSON)
// bench/run-all.mjs runs it too (its `run()`) for BENCHMARKS.md.
import http from 'node:http';
import v8 from 'node:v8';
import vm from 'node:vm';
import { TelnyxWebhook } from 'telnyx/lib/webhooks';
import { createPortoutsGateway, unwrapPortoutWebhook } from 'telnyx-portouts/gateway';
import { startMockServer } from '../tests/mock/server.mjs';
import { webhookKeys, signedHeaders as signed } from '../tests/mock/webhooks.mjs';

const KEY = 'KEYbench0123456789';
// A garbage collection on demand, for the memory figures (also under bench/run-all.mjs).
v8.setFlagsFromString('--expose-gc');
const gc = globalThis.gc ?? vm.runInNewContext('gc');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const listen = async (handler) => {
  const server = http.createServer(handler);
  server.keepAliveTimeout = 60_000;
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${server.address().port}` };
};
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
function get(url) {
  return new Promise((resolve, reject) => {
    http.get(url, { agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString() }));
    }).on('error', reject);
  });
}

/** Runs every measurement; resolves to `{ result, markdown }`. */
export async function run() {
  const mock = await startMockServer({ port: 0, count: 300, apiKey: KEY });
  const upstream = new URL(mock.url);
  const gateway = createPortoutsGateway({ apiKey: KEY, upstream: `${mock.url}/v2`, authorize: () => true, maxRetries: 0 });
  const gw = await listen(gateway.node);
  // A bare forwarding proxy: what "put the key on and pipe it through" costs.
  const bare = await listen((req, res) => {
    const out = http.request({ host: upstream.hostname, port: upstream.port, path: req.url.replace('/api/telnyx', '/v2'), method: req.method, agent, headers: { authorization: `Bearer ${KEY}`, accept: 'application/json' } }, (up) => {
      res.writeHead(up.statusCode, up.headers);
      up.pipe(res);
    });
    out.on('error', () => (res.writeHead(502), res.end()));
    req.pipe(out);
  });
  // The same with the platform's fetch (what the gateway sends with: gloo-net is fetch).
  const bareFetch = await listen(async (req, res) => {
    try {
      const up = await fetch(`${mock.url}${req.url.replace('/api/telnyx', '/v2')}`, { headers: { authorization: `Bearer ${KEY}`, accept: 'application/json' } });
      res.writeHead(up.status, { 'content-type': up.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await up.arrayBuffer()));
    } catch {
      res.writeHead(502);
      res.end();
    }
  });
  // The same again with a timeout that cancels the upstream request (AbortSignal.timeout), as
  // the gateway has: undici's cost of following a signal is part of any proxy that can time out.
  const bareFetchTimeout = await listen(async (req, res) => {
    try {
      const up = await fetch(`${mock.url}${req.url.replace('/api/telnyx', '/v2')}`, { headers: { authorization: `Bearer ${KEY}`, accept: 'application/json' }, signal: AbortSignal.timeout(30_000) });
      res.writeHead(up.status, { 'content-type': up.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await up.arrayBuffer()));
    } catch {
      res.writeHead(502);
      res.end();
    }
  });
  // The mock's own key check needs the key for the direct measurement.
  const directAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  function direct(path) {
    return new Promise((resolve, reject) => {
      http.get(`${mock.url}${path}`, { agent: directAgent, headers: { authorization: `Bearer ${KEY}` } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      }).on('error', reject);
    });
  }


  const PAGE = '/portouts?page%5Bsize%5D=20';
  // Latency: warmed up (the wasm and undici reach their optimized tiers), then the three paths
  // taken in turn, request by request, so that drift on this shared machine hits each alike.
  const paths = {
    direct: () => direct(`/v2${PAGE}`),
    bare: () => get(`${bare.url}/api/telnyx${PAGE}`),
    gateway: () => get(`${gw.url}/api/telnyx${PAGE}`),
  };
  for (let i = 0; i < 300; i++) for (const go of Object.values(paths)) await go();
  const times = { direct: [], bare: [], gateway: [] };
  for (let i = 0; i < 1000; i++) {
    for (const [name, go] of Object.entries(paths)) {
      const t = performance.now();
      await go();
      times[name].push(performance.now() - t);
    }
  }
  const directP50 = median(times.direct);
  const bareP50 = median(times.bare);
  const gatewayP50 = median(times.gateway);

  async function throughput(base, total = 3000, concurrency = 50) {
    let next = 0;
    const t = performance.now();
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next += 1;
        const r = await get(`${base}/api/telnyx${PAGE}`);
        if (r.status !== 200) throw new Error(`status ${r.status}`);
      }
    }));
    return total / ((performance.now() - t) / 1000);
  }
  // Throughput: each server warmed up, then three rounds taking them in turn; the median of each.
  const servers = { bare: bare.url, bareFetch: bareFetch.url, bareFetchTimeout: bareFetchTimeout.url, gateway: gw.url };
  for (const url of Object.values(servers)) await throughput(url, 1000);
  const rounds = { bare: [], bareFetch: [], bareFetchTimeout: [], gateway: [] };
  for (let round = 0; round < 3; round++) {
    for (const [name, url] of Object.entries(servers)) rounds[name].push(await throughput(url));
  }
  const bareRps = median(rounds.bare);
  const bareFetchRps = median(rounds.bareFetch);
  const bareFetchTimeoutRps = median(rounds.bareFetchTimeout);
  const gatewayRps = median(rounds.gateway);

  // 1,000 concurrent requests, each asking for its own page size: each answer must be its own.
  const sizes = Array.from({ length: 1000 }, (_, i) => 1 + (i % 250));
  const answers = await Promise.all(sizes.map((size) => get(`${gw.url}/api/telnyx/portouts?page%5Bsize%5D=${size}`)));
  const matched = answers.filter((r, i) => r.status === 200 && JSON.parse(r.body).data.length === Math.min(sizes[i], 300) && JSON.parse(r.body).meta.page_size === sizes[i]).length;

  // Webhook verification on one core.
  const keys = webhookKeys();
  const PUBLIC_KEY = keys.publicKey;
  let seq = 0;
  const delivery = () => JSON.stringify({
    data: { event_type: 'portout.status_changed', id: `e${++seq}`, occurred_at: '2026-12-06T00:00:00Z', payload: { id: 'p1', status: 'authorized', phone_numbers: ['+13035551212'], carrier_name: 'X', spid: '1', subscriber_name: 'A', user_id: 'u' }, record_type: 'event' },
    meta: { attempt: 1, delivered_to: 'https://example.invalid' },
  });
  const signedHeaders = (body) => signed(keys, body);
  const N = 3000;
  const bodies = Array.from({ length: N }, delivery);
  const headers = bodies.map(signedHeaders);
  const sdk = new TelnyxWebhook(PUBLIC_KEY);
  async function rate(fn) {
    for (let i = 0; i < 200; i++) await fn(i % N);
    const t = performance.now();
    for (let i = 0; i < N; i++) await fn(i);
    return N / ((performance.now() - t) / 1000);
  }
  const sdkRate = await rate((i) => sdk.verify(bodies[i], headers[i]));
  const unwrapRate = await rate((i) => unwrapPortoutWebhook(bodies[i], headers[i], { publicKey: PUBLIC_KEY }));
  const hooked = createPortoutsGateway({ apiKey: KEY, upstream: `${mock.url}/v2`, authorize: () => true, webhook: { publicKey: PUBLIC_KEY, path: '/hooks' } });
  const hookRequest = (i) => new Request('http://gw.local/hooks', { method: 'POST', headers: { 'content-type': 'application/json', ...headers[i] }, body: bodies[i] });
  const gatewayHookRate = await rate(async (i) => { const r = await hooked.fetch(hookRequest(i)); await r.arrayBuffer(); });

  // Memory: 10,000 more deliveries, 20 live subscribers reading their streams.
  const readers = [];
  for (let i = 0; i < 20; i++) {
    const res = await hooked.fetch(new Request('http://gw.local/api/telnyx/live'));
    const reader = res.body.getReader();
    const counter = { bytes: 0 };
    (async () => { for (;;) { const { value, done } = await reader.read(); if (done) return; counter.bytes += value.length; } })();
    readers.push({ reader, counter });
  }
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  for (let i = 0; i < 10_000; i++) {
    const body = delivery();
    const r = await hooked.fetch(new Request('http://gw.local/hooks', { method: 'POST', headers: signedHeaders(body), body }));
    await r.arrayBuffer();
  }
  await new Promise((r) => setTimeout(r, 200));
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  const rssAfter = process.memoryUsage().rss;
  const streamed = readers.map((r) => r.counter.bytes);
  for (const { reader } of readers) await reader.cancel();

  // The gateway's own work per request: gateway.fetch over an in-memory fetch (the platform's
  // fetch replaced by one that answers at once) against that memory fetch alone.
  const realFetch = globalThis.fetch;
  const page = await (await realFetch(`${mock.url}/v2${PAGE}`, { headers: { authorization: `Bearer ${KEY}` } })).text();
  globalThis.fetch = async () => new Response(page, { status: 200, headers: { 'content-type': 'application/json', 'x-request-id': 'r1' } });
  let ownUs;
  let memoryUs;
  try {
    const memory = createPortoutsGateway({ apiKey: KEY, upstream: 'https://api.telnyx.com/v2', authorize: () => true, maxRetries: 0 });
    const request = () => new Request(`http://gw.local/api/telnyx${PAGE}`);
    const each = async (fn, n) => { const t = performance.now(); for (let i = 0; i < n; i++) await (await fn()).text(); return ((performance.now() - t) / n) * 1000; };
    await each(() => memory.fetch(request()), 500);
    ownUs = await each(() => memory.fetch(request()), 5000);
    memoryUs = await each(() => globalThis.fetch(request()), 5000);
  } finally {
    globalThis.fetch = realFetch;
  }

  const result = {
    listPageP50Ms: { direct: +directP50.toFixed(3), gateway: +gatewayP50.toFixed(3), added: +(gatewayP50 - directP50).toFixed(3), bareProxy: +bareP50.toFixed(3), bareAdded: +(bareP50 - directP50).toFixed(3) },
    ownWorkUs: { gatewayOverMemoryFetch: Math.round(ownUs), memoryFetchAlone: Math.round(memoryUs) },
    concurrency50Rps: { bareProxy: Math.round(bareRps), bareFetchProxy: Math.round(bareFetchRps), bareFetchTimeoutProxy: Math.round(bareFetchTimeoutRps), gateway: Math.round(gatewayRps), ratio: +(gatewayRps / bareRps).toFixed(2), ratioToFetchProxy: +(gatewayRps / bareFetchRps).toFixed(2), ratioToFetchTimeoutProxy: +(gatewayRps / bareFetchTimeoutRps).toFixed(2) },
    concurrent1000: { requests: sizes.length, matched },
    webhookVerifyPerSecond: { sdk: Math.round(sdkRate), unwrapPortoutWebhook: Math.round(unwrapRate), ratio: +(unwrapRate / sdkRate).toFixed(2), gatewayPath: Math.round(gatewayHookRate) },
    memory10kDeliveries20Subscribers: {
      heapMB: [+(heapBefore / 2 ** 20).toFixed(1), +(heapAfter / 2 ** 20).toFixed(1)],
      rssMB: [+(rssBefore / 2 ** 20).toFixed(1), +(rssAfter / 2 ** 20).toFixed(1)],
      everySubscriberGotEveryEvent: streamed.every((b) => b === streamed[0]) && streamed[0] > 10_000 * 300,
    },
  };

  for (const s of [gw.server, bare.server, bareFetch.server, bareFetchTimeout.server]) s.closeAllConnections(), s.close();
  agent.destroy();
  directAgent.destroy();
  await mock.close();
  return { result, markdown: markdownOf(result) };
}

function markdownOf(r) {
  const rows = [
    ['list page (20 records) p50, through the gateway − straight to the mock', `${r.listPageP50Ms.added} ms (${r.listPageP50Ms.direct} → ${r.listPageP50Ms.gateway})`, '≤ 1 ms'],
    ['the same for the bare forwarding proxy (`http.request` piping), for comparison', `${r.listPageP50Ms.bareAdded} ms (${r.listPageP50Ms.direct} → ${r.listPageP50Ms.bareProxy})`, '—'],
    ['of which the gateway\'s own work (gateway.fetch over an in-memory fetch, minus that fetch)', `${r.ownWorkUs.gatewayOverMemoryFetch - r.ownWorkUs.memoryFetchAlone} µs (${r.ownWorkUs.gatewayOverMemoryFetch} − ${r.ownWorkUs.memoryFetchAlone})`, '—'],
    ['requests/s at concurrency 50, gateway ÷ a bare forwarding proxy (`http.request` piping)', `${r.concurrency50Rps.ratio}× (${r.concurrency50Rps.gateway} / ${r.concurrency50Rps.bareProxy})`, '≥ 0.7×'],
    ['the same ÷ a bare forwarding proxy on the platform\'s `fetch` (what the gateway sends with)', `${r.concurrency50Rps.ratioToFetchProxy}× (${r.concurrency50Rps.gateway} / ${r.concurrency50Rps.bareFetchProxy})`, '—'],
    ['the same ÷ that `fetch` proxy with a timeout that cancels upstream (`AbortSignal.timeout`), as the gateway has', `${r.concurrency50Rps.ratioToFetchTimeoutProxy}× (${r.concurrency50Rps.gateway} / ${r.concurrency50Rps.bareFetchTimeoutProxy})`, '—'],
    ['webhook verifications/s on one core, `unwrapPortoutWebhook` ÷ the SDK\'s `verify`', `${r.webhookVerifyPerSecond.ratio}× (${r.webhookVerifyPerSecond.unwrapPortoutWebhook} / ${r.webhookVerifyPerSecond.sdk}); the gateway's webhook path ${r.webhookVerifyPerSecond.gatewayPath}/s`, '≥ 1×'],
    ['1,000 concurrent requests: responses matching their request', `${r.concurrent1000.matched} / ${r.concurrent1000.requests}`, 'all'],
    ['10,000 webhook deliveries, 20 live subscribers: heap after GC, before → after', `${r.memory10kDeliveries20Subscribers.heapMB.join(' → ')} MB; every subscriber got every event: ${r.memory10kDeliveries20Subscribers.everySubscriberGotEveryEvent}`, 'bounded'],
  ];
  return ['Each ratio measured in one run (`node --expose-gc bench/gateway.mjs`): the gateway on node:http in front of the mock (which requires the key), a bare forwarding proxy (node:http piping to the mock, adding the key) for comparison; the client, the servers and the mock share one Node process on this 2-core machine. Latency: 300 warm-up rounds, then 1,000 rounds taking direct, bare proxy and gateway in turn. Throughput: 3,000 requests at concurrency 50, three rounds taking the servers in turn, the median of each. The gateway sends upstream with gloo-net, i.e. the platform\'s `fetch` (undici in Node), where the bare proxy uses `http.request`.', '',
    '| what | measured | goal |', '|---|---|---|', ...rows.map((x) => `| ${x.join(' | ')} |`), ''].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { result } = await run();
  console.log(JSON.stringify(result, null, 2));
  process.exit(0);
}
