// Node runner of the decode benchmark: prints the results as one JSON line.
import * as lib from 'telnyx-portouts';
import Telnyx from 'telnyx';
import { cases, measure, withRatios } from './decode-core.mjs';

// Both whole calls get the same bytes from memory instead of the network.
let body = '';
const memoryFetch = async () => new Response(body, { headers: { 'content-type': 'application/json' } });
const sdk = new Telnyx({ apiKey: 'KEY', baseURL: 'http://bench.invalid/v2', maxRetries: 0, fetch: memoryFetch });
globalThis.fetch = memoryFetch; // the library binds the global fetch
const calls = {
  'official SDK portouts.list() (memory fetch, no validation)': async (text) => { body = text; return (await sdk.portouts.list({ 'page[size]': 250 })).data; },
  'listPortouts() (memory fetch)': async (text) => { body = text; return (await lib.listPortouts({ page: { size: 250 } }, { baseUrl: 'http://bench.invalid/v2' })).data; },
};
const results = withRatios(await measure(cases(lib, calls), { samples: Number(process.env.SAMPLES ?? 25) }));
console.log(JSON.stringify(results));
