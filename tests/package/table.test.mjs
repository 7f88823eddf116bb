// The operation table (src/api/operations.rs, published as `OPERATIONS` by the generated
// pkg-template/operations.js) against everything that must follow it: the spec, the package's
// functions and client methods, the mock's routes, the conformance cases and the hostile suite.
// A new operation that lacks any of them fails here.
//
//   node --test tests/package/table.test.mjs      (after bash scripts/build-pkg.sh)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as P from 'telnyx-portouts';
import { startMockServer } from '../mock/server.mjs';
import { OPERATIONS as CONFORMANCE } from '../conformance/harness/operations.mjs';

const { OPERATIONS, createPortoutsClient } = P;
const spec = JSON.parse(readFileSync(new URL('../../spec/telnyx-portouts.openapi.json', import.meta.url)));
const UUID = '5a16902a-2ee9-4882-a247-420fc6627b62';

let mock;
before(async () => { mock = await startMockServer({ port: 0 }); });
after(() => mock.close());

test('the table is the spec\'s operations, each once', () => {
  const inSpec = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const m of ['get', 'post', 'patch', 'put', 'delete']) if (item[m]) inSpec.push(`${m.toUpperCase()} ${path}`);
  }
  assert.deepEqual(OPERATIONS.map((op) => `${op.method} ${op.path}`).sort(), inSpec.sort());
  assert.equal(new Set(OPERATIONS.map((op) => op.name)).size, OPERATIONS.length);
  assert.ok(Object.isFrozen(OPERATIONS));
});

test('each operation has its function, a paged list its list-all and iterator, and the client a method for each', () => {
  const client = createPortoutsClient({ baseUrl: 'http://127.0.0.1:1/v2' });
  for (const op of OPERATIONS) {
    const names = [op.name];
    if (op.paged) names.push(op.listAll, op.iter);
    for (const name of names) {
      assert.equal(typeof P[name], 'function', `the package exports ${name}`);
      assert.equal(typeof client[name], 'function', `the client has ${name}`);
    }
    assert.equal(op.paged, op.params.length === 1 && op.params[0] === 'query', op.name);
    assert.equal(op.paged, typeof op.listAll === 'string' && typeof op.iter === 'string', op.name);
  }
});

test('each operation has a route in the mock (method and path)', async () => {
  for (const op of OPERATIONS) {
    const path = op.path.replace(/\{[^}]+\}/g, (p) => (p === '{status}' ? 'authorized' : UUID));
    const r = await fetch(`${mock.url}/v2${path}`, {
      method: op.method,
      headers: { 'content-type': 'application/json' },
      body: op.method === 'GET' ? undefined : '{}',
    });
    const text = await r.text();
    assert.notEqual(r.status, 405, `${op.name}: ${op.method} ${path}: ${text}`);
    assert.doesNotMatch(text, /No route for/, `${op.name}: ${op.method} ${path}`);
  }
});

test('each operation has conformance cases for its method and path', () => {
  for (const op of OPERATIONS) {
    const c = CONFORMANCE.find((x) => x.name === op.name);
    assert.ok(c, `tests/conformance/harness/operations.mjs has no entry for ${op.name}`);
    assert.equal(c.method, op.method, op.name);
    assert.equal(c.specPath, op.path, op.name);
    assert.ok(c.cases.length > 0, `${op.name} has conformance cases`);
  }
});

test('each operation is called by the hostile suite', () => {
  const hostile = readFileSync(new URL('./hostile.test.mjs', import.meta.url), 'utf8');
  for (const op of OPERATIONS) {
    assert.match(hostile, new RegExp(`\\b${op.name}\\(`), `tests/package/hostile.test.mjs has no case for ${op.name}`);
  }
});

test('both READMEs name every function of the table (a new operation is documented)', () => {
  for (const readme of ['../../README.md', '../../pkg-template/README.md']) {
    const text = readFileSync(new URL(readme, import.meta.url), 'utf8');
    for (const op of OPERATIONS) {
      const names = [op.name];
      if (op.paged) names.push(op.listAll, op.iter);
      for (const name of names) assert.match(text, new RegExp(`\\b${name}\\b`), `${readme} does not name ${name}`);
    }
  }
});
