// A Cloudflare Worker serving telnyx-portouts/gateway, as the README's deploy note writes it:
// the wasm module imported by the runtime, initGateway, one gateway per isolate.
import wasm from './gateway/telnyx_portouts_gateway_bg.wasm';
import { initGateway, createPortoutsGateway } from './gateway/index.js';

initGateway(wasm);
let gateway;

export default {
  fetch(request, env) {
    gateway ??= createPortoutsGateway({
      apiKey: env.TELNYX_API_KEY,
      upstream: env.UPSTREAM,
      authorize: () => true,
      webhook: { publicKey: env.TELNYX_PUBLIC_KEY, path: '/api/telnyx/webhooks' },
    });
    return gateway.fetch(request);
  },
};
