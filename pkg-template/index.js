// Entry point for browsers and bundlers (Vite, webpack, a plain <script type="module">).
// Call `await init()` once before the synchronous functions; the async ones load it themselves.
import initWasm from './telnyx_portouts.js';
import { configure, init } from './runtime.js';

configure((input) => initWasm(input === undefined ? undefined : { module_or_path: input }));

export * from './api.js';
export default init;
