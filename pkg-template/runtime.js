// Loading state shared by the entry points: index.js (browsers, bundlers) fetches and
// instantiates the wasm on `init()`; node.js instantiates it synchronously at import.
import { PortoutsError } from './error.js';

let loader = null;
let ready = null;
let loaded = false;

/** Sets how `init()` loads the wasm (called once by the entry point). */
export function configure(load) {
  loader = load;
}

/** Marks the wasm as instantiated. */
export function markLoaded() {
  loaded = true;
  ready = Promise.resolve();
}

/** Loads the wasm once; later calls return the same promise. A failed load can be retried. */
export function init(input) {
  if (!ready) {
    ready = Promise.resolve()
      .then(() => loader(input))
      .then(() => { loaded = true; }, (e) => { ready = null; throw e; });
  }
  return ready;
}

/** Throws unless the wasm is ready (for the synchronous functions). */
export function assertLoaded(name) {
  if (!loaded) {
    throw new PortoutsError('not_initialized', `${name}() needs the wasm module: call \`await init()\` (the package's default export) once before it.`);
  }
}
