// Entry point for Node (>= 18): the wasm is instantiated synchronously at import, so no
// `init()` is needed (it exists, and resolves at once).
import { readFileSync } from 'node:fs';
import { initSync } from './telnyx_portouts.js';
import { configure, markLoaded, init } from './runtime.js';

initSync({ module: readFileSync(new URL('./telnyx_portouts_bg.wasm', import.meta.url)) });
configure(() => undefined);
markLoaded();

export * from './api.js';
export default init;
