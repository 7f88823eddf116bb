// The operation table: every function of the package, each with the official SDK's call for the
// same input, the request both must send (written by hand from the spec: the model), the
// mutated wire forms that prove the checks can fail, and inputs the package must refuse before
// sending anything. Read by the "operation" tests of conformance.test.mjs.
//
// Each case:    { name, input, lib(P, options), sdk(client) | null, expect: { method, path, pairs, body }, prism?, note? }
//   `lib` calls the package (options: baseUrl, apiKey, maxRetries), `sdk` the SDK (`client` =
//   new Telnyx(...)); both go through the recording proxy to Prism. `expect` is the last request
//   the case sends (a next-page case sends two). `prism` (default: the operation's success status)
//   is what Prism must answer; `prism.known` marks a refusal that is Prism's limitation, not the library's.
// Each mutant:  { name, apply(wire), prism: status | null, compare = true, auth }
//   applied to the library's wire form of the first case: `compare` means wireDiff must report
//   it; `prism` is the status Prism must answer when the mutated form is sent to it as is (null:
//   a valid form Prism accepts, so only the comparison can catch it). `auth: null` drops Authorization.
// Each refusal: { name, input, lib(P, options), code, path } — rejects with a PortoutsError
//   (`code`, `path`) and sends no request.
// Each deviation: a request the package sends but the spec refuses (a `todo` test until fixed).
import { wireOf, encodePairs } from './wire.mjs';

export const PORTOUT = '0ccc7b54-4df3-4bca-a65a-3da1ecc777f0'; // PortoutDetails.id example
export const REJ_PORTOUT = '329d6658-8f93-405d-862f-648776e8afd7'; // the rejections path parameter's example
export const EVENT = 'eef3340b-8903-4466-b445-89b697315a3a'; // PortoutEvent.id example
export const REPORT = 'eef3340b-8903-4466-b445-89b697315a3a'; // PortoutReport.id example
export const EVENT_PORTOUT = '34dc46a9-53ed-4e01-9454-26227ea13326'; // filter[portout_id] example
export const DOC_A = '0ccc7b54-4df3-4bca-a65a-3da1ecc777f0'; // the request's document_id example
export const DOC_B = 'f1c5e079-9d82-4f50-95bc-ae2f6b8d84d7'; // PortOutSupportingDocument.document_id example
export const OTHER = '5a16902a-2ee9-4882-a247-420fc6627b62'; // a valid UUID that is not the one sent
const REASON = 'I do not recognize this transaction'; // the reason example
const ALL_STATUSES = ['pending', 'authorized', 'ported', 'rejected', 'rejected-pending', 'canceled'];

/** A wire form with some parts replaced (body: an object is JSON-encoded, null drops it). */
export function rewire(w, { method = w.method, path = w.path, search = w.search, pairs, body, contentType } = {}) {
  const s = pairs ? encodePairs(pairs) : search;
  const bodyText = body === undefined ? w.bodyText : body === null ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  return wireOf({ method, url: s ? `${path}?${s}` : path, body: bodyText, contentType: contentType === undefined ? w.contentType : contentType, accept: w.accept });
}

const noAuth = { name: 'no Authorization header', apply: (w) => w, prism: 401, compare: false, auth: null };
const pathId = (w, from, to) => rewire(w, { path: w.path.replace(from, to) });

export const OPERATIONS = [
  {
    name: 'listPortouts', sdkName: 'client.portouts.list', method: 'GET', specPath: '/portouts', result: 'page',
    cases: [
      { name: 'no query', input: '{}', lib: (P, o) => P.listPortouts({}, o), sdk: (c) => c.portouts.list({}), expect: { method: 'GET', path: '/portouts', pairs: [] } },
      {
        name: 'filters and page (SDK: flat page keys)', input: "{ filter: { status_in: ['pending', 'authorized'], country_code: 'US', inserted_at: { gte, lte } }, page: { number: 1, size: 250 } }",
        lib: (P, o) => P.listPortouts({ filter: { status_in: ['pending', 'authorized'], country_code: 'US', inserted_at: { gte: '2024-09-01T00:00:00Z', lte: '2024-09-30T23:59:59Z' } }, page: { number: 1, size: 250 } }, o),
        sdk: (c) => c.portouts.list({ filter: { status_in: ['pending', 'authorized'], country_code: 'US', inserted_at: { gte: '2024-09-01T00:00:00Z', lte: '2024-09-30T23:59:59Z' } }, 'page[number]': 1, 'page[size]': 250 }),
        expect: { method: 'GET', path: '/portouts', pairs: [['filter[status_in]', 'pending,authorized'], ['filter[country_code]', 'US'], ['filter[inserted_at][gte]', '2024-09-01T00:00:00Z'], ['filter[inserted_at][lte]', '2024-09-30T23:59:59Z'], ['page[number]', '1'], ['page[size]', '250']] },
      },
      {
        name: 'next page (Prism static meta: page 3 of 13)', input: "{ filter: { status: 'pending' } } then nextPage() / getNextPage()",
        lib: async (P, o) => (await P.listPortouts({ filter: { status: 'pending' } }, o)).nextPage(),
        sdk: async (c) => (await c.portouts.list({ filter: { status: 'pending' } })).getNextPage(),
        expect: { method: 'GET', path: '/portouts', pairs: [['filter[status]', 'pending'], ['page[number]', '4']] },
      },
    ],
    mutants: [
      { name: 'page[size]=251', apply: (w) => rewire(w, { pairs: [...w.pairs, ['page[size]', '251']] }), prism: 422 },
      { name: 'filter[status]=bogus', apply: (w) => rewire(w, { pairs: [['filter[status]', 'bogus']] }), prism: 422 },
      { name: 'one query pair dropped (valid, only the comparison sees it)', base: 1, apply: (w) => rewire(w, { pairs: w.pairs.slice(1) }), prism: null },
      noAuth,
    ],
    refusals: [
      { name: "status 'bogus'", input: "{ filter: { status: 'bogus' } }", lib: (P, o) => P.listPortouts({ filter: { status: 'bogus' } }, o), code: 'invalid_filter', path: 'filter.status' },
    ],
  },
  {
    name: 'getPortout', sdkName: 'client.portouts.retrieve', method: 'GET', specPath: '/portouts/{id}', result: 'data',
    cases: [
      { name: 'a UUID', input: `'${PORTOUT}'`, lib: (P, o) => P.getPortout(PORTOUT, o), sdk: (c) => c.portouts.retrieve(PORTOUT), expect: { method: 'GET', path: `/portouts/${PORTOUT}`, pairs: [] } },
    ],
    mutants: [
      { name: 'id not a UUID', apply: (w) => pathId(w, PORTOUT, 'not-a-uuid'), prism: 422 },
      { name: 'another UUID (valid, only the comparison sees it)', apply: (w) => pathId(w, PORTOUT, OTHER), prism: null },
      noAuth,
    ],
    refusals: [
      { name: 'id not a UUID', input: "'not-a-uuid'", lib: (P, o) => P.getPortout('not-a-uuid', o), code: 'invalid_params', path: 'id' },
    ],
  },
  {
    name: 'updatePortoutStatus', sdkName: 'client.portouts.updateStatus', method: 'PATCH', specPath: '/portouts/{id}/{status}', result: 'data',
    cases: [
      {
        name: 'authorized, reason and host_messaging false (the spec examples)', input: `('${PORTOUT}', 'authorized', { reason: '${REASON}', host_messaging: false })`,
        lib: (P, o) => P.updatePortoutStatus(PORTOUT, 'authorized', { reason: REASON, host_messaging: false }, o),
        sdk: (c) => c.portouts.updateStatus('authorized', { id: PORTOUT, reason: REASON, host_messaging: false }),
        expect: { method: 'PATCH', path: `/portouts/${PORTOUT}/authorized`, pairs: [], body: { reason: REASON, host_messaging: false } },
      },
      {
        name: 'rejected-pending with a reason', input: `('${PORTOUT}', 'rejected-pending', { reason: 'Customer did not request this port-out' })`,
        lib: (P, o) => P.updatePortoutStatus(PORTOUT, 'rejected-pending', { reason: 'Customer did not request this port-out' }, o),
        sdk: (c) => c.portouts.updateStatus('rejected-pending', { id: PORTOUT, reason: 'Customer did not request this port-out' }),
        expect: { method: 'PATCH', path: `/portouts/${PORTOUT}/rejected-pending`, pairs: [], body: { reason: 'Customer did not request this port-out' } },
      },
      {
        name: 'authorized, host_messaging true, reason with quotes and non-ASCII', input: `('${PORTOUT}', 'authorized', { reason: 'OK "per" Zoë ✓', host_messaging: true })`,
        lib: (P, o) => P.updatePortoutStatus(PORTOUT, 'authorized', { reason: 'OK "per" Zoë ✓', host_messaging: true }, o),
        sdk: (c) => c.portouts.updateStatus('authorized', { id: PORTOUT, reason: 'OK "per" Zoë ✓', host_messaging: true }),
        expect: { method: 'PATCH', path: `/portouts/${PORTOUT}/authorized`, pairs: [], body: { reason: 'OK "per" Zoë ✓', host_messaging: true } },
      },
      {
        name: "authorized with an empty reason (required by the spec, '' allowed)", input: `('${PORTOUT}', 'authorized', { reason: '' })`,
        lib: (P, o) => P.updatePortoutStatus(PORTOUT, 'authorized', { reason: '' }, o),
        sdk: (c) => c.portouts.updateStatus('authorized', { id: PORTOUT, reason: '' }),
        expect: { method: 'PATCH', path: `/portouts/${PORTOUT}/authorized`, pairs: [], body: { reason: '' } },
      },
    ],
    mutants: [
      { name: "status segment 'bogus'", apply: (w) => rewire(w, { path: w.path.replace(/authorized$/, 'bogus') }), prism: 422 },
      { name: 'body without reason', apply: (w) => rewire(w, { body: { host_messaging: false } }), prism: 422 },
      { name: "host_messaging 'yes'", apply: (w) => rewire(w, { body: { reason: REASON, host_messaging: 'yes' } }), prism: 422 },
      { name: 'id not a UUID', apply: (w) => pathId(w, PORTOUT, 'not-a-uuid'), prism: 422 },
      { name: 'method PUT', apply: (w) => rewire(w, { method: 'PUT' }), prism: 405 },
      { name: 'status segment rejected-pending (valid, only the comparison sees it)', apply: (w) => rewire(w, { path: w.path.replace(/authorized$/, 'rejected-pending') }), prism: null },
      { name: 'host_messaging true (valid, only the comparison sees it)', apply: (w) => rewire(w, { body: { reason: REASON, host_messaging: true } }), prism: null },
      noAuth,
    ],
    refusals: [
      { name: "status 'bogus'", input: `('${PORTOUT}', 'bogus', { reason })`, lib: (P, o) => P.updatePortoutStatus(PORTOUT, 'bogus', { reason: REASON }, o), code: 'invalid_params', path: 'status' },
      { name: 'rejected-pending without a reason', input: `('${PORTOUT}', 'rejected-pending', {})`, lib: (P, o) => P.updatePortoutStatus(PORTOUT, 'rejected-pending', {}, o), code: 'invalid_params', path: 'reason' },
      { name: "host_messaging 'yes'", input: "{ reason, host_messaging: 'yes' }", lib: (P, o) => P.updatePortoutStatus(PORTOUT, 'authorized', { reason: REASON, host_messaging: 'yes' }, o), code: 'invalid_params', path: 'host_messaging' },
      { name: 'id not a UUID', input: "('nope', 'authorized', { reason })", lib: (P, o) => P.updatePortoutStatus('nope', 'authorized', { reason: REASON }, o), code: 'invalid_params', path: 'id' },
      // Former deviations (found by this suite, fixed in the library): it sent `{}` for these, which
      // the spec (reason is required) and Prism refuse; the SDK sends `{}` too when reason is left out.
      { name: 'authorized without a reason (former deviation: sent {})', input: `('${PORTOUT}', 'authorized', {})`, lib: (P, o) => P.updatePortoutStatus(PORTOUT, 'authorized', {}, o), code: 'invalid_params', path: 'reason' },
      { name: 'authorized with reason null (former deviation: sent {})', input: `('${PORTOUT}', 'authorized', { reason: null })`, lib: (P, o) => P.updatePortoutStatus(PORTOUT, 'authorized', { reason: null }, o), code: 'invalid_params', path: 'reason' },
      { name: 'authorized with no params at all', input: `('${PORTOUT}', 'authorized')`, lib: (P, o) => P.updatePortoutStatus(PORTOUT, 'authorized', undefined, o), code: 'invalid_params', path: 'reason' },
      { name: "rejected-pending with a blank reason (stricter than the spec, which allows '')", input: `('${PORTOUT}', 'rejected-pending', { reason: ' ' })`, lib: (P, o) => P.updatePortoutStatus(PORTOUT, 'rejected-pending', { reason: ' ' }, o), code: 'invalid_params', path: 'reason' },
    ],
  },
  {
    name: 'listPortoutRejectionCodes', sdkName: 'client.portouts.listRejectionCodes', method: 'GET', specPath: '/portouts/rejections/{portout_id}', result: 'data',
    cases: [
      { name: 'no filter', input: `('${REJ_PORTOUT}')`, lib: (P, o) => P.listPortoutRejectionCodes(REJ_PORTOUT, undefined, o), sdk: (c) => c.portouts.listRejectionCodes(REJ_PORTOUT), expect: { method: 'GET', path: `/portouts/rejections/${REJ_PORTOUT}`, pairs: [] } },
      { name: 'code 1002', input: `('${REJ_PORTOUT}', { filter: { code: 1002 } })`, lib: (P, o) => P.listPortoutRejectionCodes(REJ_PORTOUT, { filter: { code: 1002 } }, o), sdk: (c) => c.portouts.listRejectionCodes(REJ_PORTOUT, { filter: { code: 1002 } }), expect: { method: 'GET', path: `/portouts/rejections/${REJ_PORTOUT}`, pairs: [['filter[code]', '1002']] } },
      {
        name: 'code [1002, 1003] (comma: the SDK\'s form and the default)', input: `('${REJ_PORTOUT}', { filter: { code: [1002, 1003] } })`,
        lib: (P, o) => P.listPortoutRejectionCodes(REJ_PORTOUT, { filter: { code: [1002, 1003] } }, o), sdk: (c) => c.portouts.listRejectionCodes(REJ_PORTOUT, { filter: { code: [1002, 1003] } }),
        expect: { method: 'GET', path: `/portouts/rejections/${REJ_PORTOUT}`, pairs: [['filter[code]', '1002,1003']] },
        prism: { status: 422, known: "Prism 5.14.2 does not split a comma list for a deepObject member whose schema is oneOf integer | integer[]: it reads the string '1002,1003', which is neither. It accepts the repeat and brackets forms (next case). The SDK sends the same comma form, refused the same way." },
      },
      {
        name: "code [1002, 1003] with arrayFormat 'repeat' (no SDK counterpart: its array format is fixed)", input: `('${REJ_PORTOUT}', { filter: { code: [1002, 1003] } }, { arrayFormat: 'repeat' })`,
        lib: (P, o) => P.listPortoutRejectionCodes(REJ_PORTOUT, { filter: { code: [1002, 1003] } }, { ...o, arrayFormat: 'repeat' }), sdk: null,
        expect: { method: 'GET', path: `/portouts/rejections/${REJ_PORTOUT}`, pairs: [['filter[code]', '1002'], ['filter[code]', '1003']] },
      },
    ],
    mutants: [
      { name: "code 'abc'", base: 1, apply: (w) => rewire(w, { pairs: [['filter[code]', 'abc']] }), prism: 422 },
      { name: "repeat form with a member 'abc' (Prism checks repeat members)", base: 3, apply: (w) => rewire(w, { pairs: [['filter[code]', '1002'], ['filter[code]', 'abc']] }), prism: 422 },
      { name: 'code 1.5', base: 1, apply: (w) => rewire(w, { pairs: [['filter[code]', '1.5']] }), prism: 422 },
      { name: 'code 1003 (valid, only the comparison sees it)', base: 1, apply: (w) => rewire(w, { pairs: [['filter[code]', '1003']] }), prism: null },
      { name: 'another portout id (valid, only the comparison sees it)', apply: (w) => pathId(w, REJ_PORTOUT, OTHER), prism: null },
      noAuth,
    ],
    refusals: [
      { name: "code 'abc'", input: "{ filter: { code: 'abc' } }", lib: (P, o) => P.listPortoutRejectionCodes(REJ_PORTOUT, { filter: { code: 'abc' } }, o), code: 'invalid_filter', path: 'filter.code' },
      { name: 'code 1.5', input: '{ filter: { code: 1.5 } }', lib: (P, o) => P.listPortoutRejectionCodes(REJ_PORTOUT, { filter: { code: 1.5 } }, o), code: 'invalid_filter', path: 'filter.code' },
      { name: 'portoutId not a UUID (the spec has no format here; the library asks for a UUID)', input: "('nope')", lib: (P, o) => P.listPortoutRejectionCodes('nope', undefined, o), code: 'invalid_params', path: 'portoutId' },
    ],
  },
  {
    name: 'listPortoutComments', sdkName: 'client.portouts.comments.list', method: 'GET', specPath: '/portouts/{id}/comments', result: 'data',
    cases: [
      { name: 'a UUID', input: `('${PORTOUT}')`, lib: (P, o) => P.listPortoutComments(PORTOUT, o), sdk: (c) => c.portouts.comments.list(PORTOUT), expect: { method: 'GET', path: `/portouts/${PORTOUT}/comments`, pairs: [] } },
    ],
    mutants: [
      { name: 'id not a UUID', apply: (w) => pathId(w, PORTOUT, 'nope'), prism: 422 },
      { name: 'method DELETE', apply: (w) => rewire(w, { method: 'DELETE' }), prism: 405 },
      { name: 'another UUID (valid, only the comparison sees it)', apply: (w) => pathId(w, PORTOUT, OTHER), prism: null },
      noAuth,
    ],
    refusals: [
      { name: 'id not a UUID', input: "('nope')", lib: (P, o) => P.listPortoutComments('nope', o), code: 'invalid_params', path: 'id' },
    ],
  },
  {
    name: 'createPortoutComment', sdkName: 'client.portouts.comments.create', method: 'POST', specPath: '/portouts/{id}/comments', result: 'data',
    cases: [
      { name: 'the spec example', input: `('${PORTOUT}', { body: 'This is a comment' })`, lib: (P, o) => P.createPortoutComment(PORTOUT, { body: 'This is a comment' }, o), sdk: (c) => c.portouts.comments.create(PORTOUT, { body: 'This is a comment' }), expect: { method: 'POST', path: `/portouts/${PORTOUT}/comments`, pairs: [], body: { body: 'This is a comment' } } },
      {
        name: 'quotes, a backslash, a newline, non-ASCII and an emoji', input: String.raw`{ body: 'Ça "va"? \\ <b>&</b>\nline 2 📞' }`,
        lib: (P, o) => P.createPortoutComment(PORTOUT, { body: 'Ça "va"? \\ <b>&</b>\nline 2 📞' }, o), sdk: (c) => c.portouts.comments.create(PORTOUT, { body: 'Ça "va"? \\ <b>&</b>\nline 2 📞' }),
        expect: { method: 'POST', path: `/portouts/${PORTOUT}/comments`, pairs: [], body: { body: 'Ça "va"? \\ <b>&</b>\nline 2 📞' } },
      },
    ],
    mutants: [
      { name: 'body a number', apply: (w) => rewire(w, { body: { body: 5 } }), prism: 422 },
      { name: 'text/plain instead of JSON', apply: (w) => rewire(w, { body: 'This is a comment', contentType: 'text/plain' }), prism: 422 },
      { name: 'no request body', apply: (w) => rewire(w, { body: null, contentType: null }), prism: 422 },
      { name: 'id not a UUID', apply: (w) => pathId(w, PORTOUT, 'nope'), prism: 422 },
      { name: 'another comment text (valid, only the comparison sees it)', apply: (w) => rewire(w, { body: { body: 'This is another comment' } }), prism: null },
      noAuth,
    ],
    refusals: [
      { name: 'body a number', input: '{ body: 5 }', lib: (P, o) => P.createPortoutComment(PORTOUT, { body: 5 }, o), code: 'invalid_params', path: 'body' },
      { name: 'no body', input: '{}', lib: (P, o) => P.createPortoutComment(PORTOUT, {}, o), code: 'invalid_params', path: 'body' },
      { name: 'id not a UUID', input: "('nope', { body })", lib: (P, o) => P.createPortoutComment('nope', { body: 'x' }, o), code: 'invalid_params', path: 'id' },
    ],
  },
  {
    name: 'listPortoutSupportingDocuments', sdkName: 'client.portouts.supportingDocuments.list', method: 'GET', specPath: '/portouts/{id}/supporting_documents', result: 'data',
    cases: [
      { name: 'a UUID (the spec gives this GET a 201)', input: `('${PORTOUT}')`, lib: (P, o) => P.listPortoutSupportingDocuments(PORTOUT, o), sdk: (c) => c.portouts.supportingDocuments.list(PORTOUT), expect: { method: 'GET', path: `/portouts/${PORTOUT}/supporting_documents`, pairs: [] } },
    ],
    mutants: [
      { name: 'id not a UUID (no 422 in the spec: Prism answers problem+json)', apply: (w) => pathId(w, PORTOUT, 'nope'), prism: 422 },
      { name: 'another UUID (valid, only the comparison sees it)', apply: (w) => pathId(w, PORTOUT, OTHER), prism: null },
      noAuth,
    ],
    refusals: [
      { name: 'id not a UUID', input: "('nope')", lib: (P, o) => P.listPortoutSupportingDocuments('nope', o), code: 'invalid_params', path: 'id' },
    ],
  },
  {
    name: 'createPortoutSupportingDocuments', sdkName: 'client.portouts.supportingDocuments.create', method: 'POST', specPath: '/portouts/{id}/supporting_documents', result: 'data',
    cases: [
      {
        name: 'one loa (the spec examples)', input: `('${PORTOUT}', { documents: [{ type: 'loa', document_id: '${DOC_A}' }] })`,
        lib: (P, o) => P.createPortoutSupportingDocuments(PORTOUT, { documents: [{ type: 'loa', document_id: DOC_A }] }, o),
        sdk: (c) => c.portouts.supportingDocuments.create(PORTOUT, { documents: [{ type: 'loa', document_id: DOC_A }] }),
        expect: { method: 'POST', path: `/portouts/${PORTOUT}/supporting_documents`, pairs: [], body: { documents: [{ type: 'loa', document_id: DOC_A }] } },
      },
      {
        name: 'an invoice and a loa (order kept)', input: `{ documents: [{ type: 'invoice', document_id: '${DOC_B}' }, { type: 'loa', document_id: '${DOC_A}' }] }`,
        lib: (P, o) => P.createPortoutSupportingDocuments(PORTOUT, { documents: [{ type: 'invoice', document_id: DOC_B }, { type: 'loa', document_id: DOC_A }] }, o),
        sdk: (c) => c.portouts.supportingDocuments.create(PORTOUT, { documents: [{ type: 'invoice', document_id: DOC_B }, { type: 'loa', document_id: DOC_A }] }),
        expect: { method: 'POST', path: `/portouts/${PORTOUT}/supporting_documents`, pairs: [], body: { documents: [{ type: 'invoice', document_id: DOC_B }, { type: 'loa', document_id: DOC_A }] } },
      },
      {
        name: 'ten documents (maxItems)', input: '{ documents: 10 x { type: loa | invoice, document_id } }',
        lib: (P, o) => P.createPortoutSupportingDocuments(PORTOUT, { documents: tenDocs() }, o),
        sdk: (c) => c.portouts.supportingDocuments.create(PORTOUT, { documents: tenDocs() }),
        expect: { method: 'POST', path: `/portouts/${PORTOUT}/supporting_documents`, pairs: [], body: { documents: tenDocs() } },
      },
    ],
    mutants: [
      { name: "document type 'pdf'", apply: (w) => rewire(w, { body: { documents: [{ type: 'pdf', document_id: DOC_A }] } }), prism: 422 },
      { name: 'documents empty', apply: (w) => rewire(w, { body: { documents: [] } }), prism: 422 },
      { name: 'eleven documents', apply: (w) => rewire(w, { body: { documents: [...tenDocs(), { type: 'loa', document_id: DOC_A }] } }), prism: 422 },
      { name: 'document_id missing', apply: (w) => rewire(w, { body: { documents: [{ type: 'loa' }] } }), prism: 422 },
      { name: 'document_id not a UUID', apply: (w) => rewire(w, { body: { documents: [{ type: 'loa', document_id: 'x' }] } }), prism: 422 },
      { name: 'documents in the other order (valid, only the comparison sees it)', base: 1, apply: (w) => rewire(w, { body: { documents: [...w.json.documents].reverse() } }), prism: null },
      { name: 'type invoice instead of loa (valid, only the comparison sees it)', apply: (w) => rewire(w, { body: { documents: [{ type: 'invoice', document_id: DOC_A }] } }), prism: null },
      noAuth,
    ],
    refusals: [
      { name: "document type 'pdf'", input: "{ documents: [{ type: 'pdf', document_id }] }", lib: (P, o) => P.createPortoutSupportingDocuments(PORTOUT, { documents: [{ type: 'pdf', document_id: DOC_A }] }, o), code: 'invalid_params', path: 'documents[0].type' },
      { name: 'documents empty', input: '{ documents: [] }', lib: (P, o) => P.createPortoutSupportingDocuments(PORTOUT, { documents: [] }, o), code: 'invalid_params', path: 'documents' },
      { name: 'eleven documents', input: '{ documents: 11 x ... }', lib: (P, o) => P.createPortoutSupportingDocuments(PORTOUT, { documents: [...tenDocs(), { type: 'loa', document_id: DOC_A }] }, o), code: 'invalid_params', path: 'documents' },
      { name: 'document_id not a UUID', input: "{ documents: [{ type: 'loa', document_id: 'x' }] }", lib: (P, o) => P.createPortoutSupportingDocuments(PORTOUT, { documents: [{ type: 'loa', document_id: 'x' }] }, o), code: 'invalid_params', path: 'documents[0].document_id' },
    ],
  },
  {
    name: 'listPortoutEvents', sdkName: 'client.portouts.events.list', method: 'GET', specPath: '/portouts/events', result: 'page',
    cases: [
      { name: 'no query', input: '{}', lib: (P, o) => P.listPortoutEvents({}, o), sdk: (c) => c.portouts.events.list({}), expect: { method: 'GET', path: '/portouts/events', pairs: [] } },
      {
        name: 'every filter and a page (SDK: flat page keys)', input: `{ filter: { event_type: 'portout.status_changed', portout_id: '${EVENT_PORTOUT}', created_at: { gte: '2021-01-01T00:00:00Z', lte: '2021-01-31T23:59:59Z' } }, page: { number: 2, size: 25 } }`,
        lib: (P, o) => P.listPortoutEvents({ filter: { event_type: 'portout.status_changed', portout_id: EVENT_PORTOUT, created_at: { gte: '2021-01-01T00:00:00Z', lte: '2021-01-31T23:59:59Z' } }, page: { number: 2, size: 25 } }, o),
        sdk: (c) => c.portouts.events.list({ filter: { event_type: 'portout.status_changed', portout_id: EVENT_PORTOUT, created_at: { gte: '2021-01-01T00:00:00Z', lte: '2021-01-31T23:59:59Z' } }, 'page[number]': 2, 'page[size]': 25 }),
        expect: { method: 'GET', path: '/portouts/events', pairs: [['filter[event_type]', 'portout.status_changed'], ['filter[portout_id]', EVENT_PORTOUT], ['filter[created_at][gte]', '2021-01-01T00:00:00Z'], ['filter[created_at][lte]', '2021-01-31T23:59:59Z'], ['page[number]', '2'], ['page[size]', '25']] },
      },
      {
        name: "portout.foc_date_changed, created_at.gte with an offset, flat 'page[size]' in both", input: "{ filter: { event_type: 'portout.foc_date_changed', created_at: { gte: '2021-06-01T12:00:00+02:00' } }, 'page[size]': 250 }",
        lib: (P, o) => P.listPortoutEvents({ filter: { event_type: 'portout.foc_date_changed', created_at: { gte: '2021-06-01T12:00:00+02:00' } }, 'page[size]': 250 }, o),
        sdk: (c) => c.portouts.events.list({ filter: { event_type: 'portout.foc_date_changed', created_at: { gte: '2021-06-01T12:00:00+02:00' } }, 'page[size]': 250 }),
        expect: { method: 'GET', path: '/portouts/events', pairs: [['filter[event_type]', 'portout.foc_date_changed'], ['filter[created_at][gte]', '2021-06-01T12:00:00+02:00'], ['page[size]', '250']] },
      },
      {
        name: 'next page (Prism static meta: page 2 of 3)', input: "{ filter: { event_type: 'portout.new_comment' }, page: { size: 25 } } then nextPage() / getNextPage()",
        lib: async (P, o) => (await P.listPortoutEvents({ filter: { event_type: 'portout.new_comment' }, page: { size: 25 } }, o)).nextPage(),
        sdk: async (c) => (await c.portouts.events.list({ filter: { event_type: 'portout.new_comment' }, 'page[size]': 25 })).getNextPage(),
        expect: { method: 'GET', path: '/portouts/events', pairs: [['filter[event_type]', 'portout.new_comment'], ['page[size]', '25'], ['page[number]', '3']] },
      },
    ],
    mutants: [
      { name: "event_type 'bogus'", apply: (w) => rewire(w, { pairs: [['filter[event_type]', 'bogus']] }), prism: 422 },
      { name: 'portout_id not a UUID', apply: (w) => rewire(w, { pairs: [['filter[portout_id]', 'nope']] }), prism: 422 },
      { name: 'created_at.gte a bare date', apply: (w) => rewire(w, { pairs: [['filter[created_at][gte]', '2021-01-01']] }), prism: 422 },
      { name: 'page[size]=251', apply: (w) => rewire(w, { pairs: [['page[size]', '251']] }), prism: 422 },
      { name: 'page[number]=0', apply: (w) => rewire(w, { pairs: [['page[number]', '0']] }), prism: 422 },
      { name: 'event_type portout.new_comment (valid, only the comparison sees it)', base: 1, apply: (w) => rewire(w, { pairs: w.pairs.map(([k, v]) => [k, k === 'filter[event_type]' ? 'portout.new_comment' : v]) }), prism: null },
      { name: 'page[number] dropped (valid, only the comparison sees it)', base: 1, apply: (w) => rewire(w, { pairs: w.pairs.filter(([k]) => k !== 'page[number]') }), prism: null },
      noAuth,
    ],
    refusals: [
      { name: "event_type 'bogus'", input: "{ filter: { event_type: 'bogus' } }", lib: (P, o) => P.listPortoutEvents({ filter: { event_type: 'bogus' } }, o), code: 'invalid_filter', path: 'filter.event_type' },
      { name: 'portout_id not a UUID', input: "{ filter: { portout_id: 'x' } }", lib: (P, o) => P.listPortoutEvents({ filter: { portout_id: 'x' } }, o), code: 'invalid_filter', path: 'filter.portout_id' },
      { name: 'page.size 251', input: '{ page: { size: 251 } }', lib: (P, o) => P.listPortoutEvents({ page: { size: 251 } }, o), code: 'invalid_filter', path: 'page.size' },
      { name: "created_at.gte 'yesterday'", input: "{ filter: { created_at: { gte: 'yesterday' } } }", lib: (P, o) => P.listPortoutEvents({ filter: { created_at: { gte: 'yesterday' } } }, o), code: 'invalid_filter', path: 'filter.created_at.gte' },
    ],
    known: [
      {
        name: 'created_at as bare dates', input: "{ filter: { created_at: { gte: '2021-01-01', lte: '2021-01-31' } } }",
        lib: (P, o) => P.listPortoutEvents({ filter: { created_at: { gte: '2021-01-01', lte: '2021-01-31' } } }, o),
        sdk: (c) => c.portouts.events.list({ filter: { created_at: { gte: '2021-01-01', lte: '2021-01-31' } } }),
        expect: 'by design: the library sends a bare date as a whole-day date-time (gte the first, lte the last millisecond of the UTC day), as for listPortouts; the SDK sends it as is, which Prism refuses (format date-time)',
        pairs: [['filter[created_at][gte]', '2021-01-01T00:00:00.000Z'], ['filter[created_at][lte]', '2021-01-31T23:59:59.999Z']],
      },
    ],
  },
  {
    name: 'getPortoutEvent', sdkName: 'client.portouts.events.retrieve', method: 'GET', specPath: '/portouts/events/{id}', result: 'data',
    cases: [
      { name: 'a UUID', input: `('${EVENT}')`, lib: (P, o) => P.getPortoutEvent(EVENT, o), sdk: (c) => c.portouts.events.retrieve(EVENT), expect: { method: 'GET', path: `/portouts/events/${EVENT}`, pairs: [] } },
    ],
    mutants: [
      { name: 'id not a UUID (no 422 in the spec: problem+json)', apply: (w) => pathId(w, EVENT, 'nope'), prism: 422 },
      { name: 'method POST', apply: (w) => rewire(w, { method: 'POST' }), prism: 405 },
      { name: 'another UUID (valid, only the comparison sees it)', apply: (w) => pathId(w, EVENT, OTHER), prism: null },
      noAuth,
    ],
    refusals: [
      { name: 'id not a UUID', input: "('nope')", lib: (P, o) => P.getPortoutEvent('nope', o), code: 'invalid_params', path: 'id' },
      { name: 'id in braces', input: `('{${EVENT}}')`, lib: (P, o) => P.getPortoutEvent(`{${EVENT}}`, o), code: 'invalid_params', path: 'id' },
    ],
  },
  {
    name: 'republishPortoutEvent', sdkName: 'client.portouts.events.republish', method: 'POST', specPath: '/portouts/events/{id}/republish', result: 'none',
    cases: [
      { name: 'a UUID (204, no body)', input: `('${EVENT}')`, lib: (P, o) => P.republishPortoutEvent(EVENT, o), sdk: (c) => c.portouts.events.republish(EVENT), expect: { method: 'POST', path: `/portouts/events/${EVENT}/republish`, pairs: [] } },
    ],
    mutants: [
      { name: 'id not a UUID (problem+json)', apply: (w) => pathId(w, EVENT, 'nope'), prism: 422 },
      { name: 'method GET', apply: (w) => rewire(w, { method: 'GET' }), prism: 405 },
      { name: 'a JSON body added (the operation has no request body)', apply: (w) => rewire(w, { body: {}, contentType: 'application/json' }), prism: 415 },
      { name: 'another UUID (valid, only the comparison sees it)', apply: (w) => pathId(w, EVENT, OTHER), prism: null },
      noAuth,
    ],
    refusals: [
      { name: 'id not a UUID', input: "('nope')", lib: (P, o) => P.republishPortoutEvent('nope', o), code: 'invalid_params', path: 'id' },
    ],
  },
  {
    name: 'listPortoutReports', sdkName: 'client.portouts.reports.list', method: 'GET', specPath: '/portouts/reports', result: 'page',
    cases: [
      { name: 'no query', input: '{}', lib: (P, o) => P.listPortoutReports({}, o), sdk: (c) => c.portouts.reports.list({}), expect: { method: 'GET', path: '/portouts/reports', pairs: [] } },
      {
        name: 'both filters and a page', input: "{ filter: { report_type: 'export_portouts_csv', status: 'completed' }, page: { number: 1, size: 10 } }",
        lib: (P, o) => P.listPortoutReports({ filter: { report_type: 'export_portouts_csv', status: 'completed' }, page: { number: 1, size: 10 } }, o),
        sdk: (c) => c.portouts.reports.list({ filter: { report_type: 'export_portouts_csv', status: 'completed' }, 'page[number]': 1, 'page[size]': 10 }),
        expect: { method: 'GET', path: '/portouts/reports', pairs: [['filter[report_type]', 'export_portouts_csv'], ['filter[status]', 'completed'], ['page[number]', '1'], ['page[size]', '10']] },
      },
      {
        name: 'next page (Prism static meta: page 2 of 3)', input: "{ filter: { status: 'pending' } } then nextPage() / getNextPage()",
        lib: async (P, o) => (await P.listPortoutReports({ filter: { status: 'pending' } }, o)).nextPage(),
        sdk: async (c) => (await c.portouts.reports.list({ filter: { status: 'pending' } })).getNextPage(),
        expect: { method: 'GET', path: '/portouts/reports', pairs: [['filter[status]', 'pending'], ['page[number]', '3']] },
      },
    ],
    mutants: [
      { name: "status 'done'", apply: (w) => rewire(w, { pairs: [['filter[status]', 'done']] }), prism: 422 },
      { name: "report_type 'pdf'", apply: (w) => rewire(w, { pairs: [['filter[report_type]', 'pdf']] }), prism: 422 },
      { name: 'page[size]=0', apply: (w) => rewire(w, { pairs: [['page[size]', '0']] }), prism: 422 },
      { name: 'status pending instead of completed (valid, only the comparison sees it)', base: 1, apply: (w) => rewire(w, { pairs: w.pairs.map(([k, v]) => [k, k === 'filter[status]' ? 'pending' : v]) }), prism: null },
      noAuth,
    ],
    refusals: [
      { name: "status 'done'", input: "{ filter: { status: 'done' } }", lib: (P, o) => P.listPortoutReports({ filter: { status: 'done' } }, o), code: 'invalid_filter', path: 'filter.status' },
      { name: "report_type 'pdf'", input: "{ filter: { report_type: 'pdf' } }", lib: (P, o) => P.listPortoutReports({ filter: { report_type: 'pdf' } }, o), code: 'invalid_filter', path: 'filter.report_type' },
    ],
  },
  {
    name: 'createPortoutReport', sdkName: 'client.portouts.reports.create', method: 'POST', specPath: '/portouts/reports', result: 'data',
    cases: [
      {
        name: 'every filter (the spec examples)', input: "{ report_type: 'export_portouts_csv', params: { filters: { status__in, created_at__gt, created_at__lt, customer_reference__in, end_user_name, phone_numbers__overlaps } } }",
        lib: (P, o) => P.createPortoutReport(fullReport(), o), sdk: (c) => c.portouts.reports.create(fullReport()),
        expect: { method: 'POST', path: '/portouts/reports', pairs: [], body: fullReport() },
      },
      {
        name: 'empty filters', input: "{ report_type: 'export_portouts_csv', params: { filters: {} } }",
        lib: (P, o) => P.createPortoutReport({ report_type: 'export_portouts_csv', params: { filters: {} } }, o), sdk: (c) => c.portouts.reports.create({ report_type: 'export_portouts_csv', params: { filters: {} } }),
        expect: { method: 'POST', path: '/portouts/reports', pairs: [], body: { report_type: 'export_portouts_csv', params: { filters: {} } } },
      },
      {
        name: 'all six statuses', input: "{ report_type: 'export_portouts_csv', params: { filters: { status__in: [six statuses] } } }",
        lib: (P, o) => P.createPortoutReport({ report_type: 'export_portouts_csv', params: { filters: { status__in: ALL_STATUSES } } }, o), sdk: (c) => c.portouts.reports.create({ report_type: 'export_portouts_csv', params: { filters: { status__in: ALL_STATUSES } } }),
        expect: { method: 'POST', path: '/portouts/reports', pairs: [], body: { report_type: 'export_portouts_csv', params: { filters: { status__in: ALL_STATUSES } } } },
      },
    ],
    mutants: [
      { name: "report_type 'export_pdf'", apply: (w) => rewire(w, { body: { ...w.json, report_type: 'export_pdf' } }), prism: 422 },
      { name: 'params without filters', apply: (w) => rewire(w, { body: { report_type: 'export_portouts_csv', params: {} } }), prism: 422 },
      { name: 'no params', apply: (w) => rewire(w, { body: { report_type: 'export_portouts_csv' } }), prism: 422 },
      { name: "status__in ['bogus']", apply: (w) => rewire(w, { body: { report_type: 'export_portouts_csv', params: { filters: { status__in: ['bogus'] } } } }), prism: 422 },
      { name: "created_at__gt 'yesterday'", apply: (w) => rewire(w, { body: { report_type: 'export_portouts_csv', params: { filters: { created_at__gt: 'yesterday' } } } }), prism: 422 },
      { name: 'a status dropped from status__in (valid, only the comparison sees it)', apply: (w) => rewire(w, { body: { ...w.json, params: { filters: { ...w.json.params.filters, status__in: w.json.params.filters.status__in.slice(1) } } } }), prism: null },
      noAuth,
    ],
    refusals: [
      { name: "report_type 'pdf'", input: "{ report_type: 'pdf', params: { filters: {} } }", lib: (P, o) => P.createPortoutReport({ report_type: 'pdf', params: { filters: {} } }, o), code: 'invalid_params', path: 'report_type' },
      { name: 'no params', input: "{ report_type: 'export_portouts_csv' }", lib: (P, o) => P.createPortoutReport({ report_type: 'export_portouts_csv' }, o), code: 'invalid_params', path: 'params' },
      { name: "status__in ['bogus']", input: "{ ..., params: { filters: { status__in: ['bogus'] } } }", lib: (P, o) => P.createPortoutReport({ report_type: 'export_portouts_csv', params: { filters: { status__in: ['bogus'] } } }, o), code: 'invalid_params', path: 'params.filters.status__in[0]' },
      { name: "created_at__gt 'yesterday'", input: "{ ..., params: { filters: { created_at__gt: 'yesterday' } } }", lib: (P, o) => P.createPortoutReport({ report_type: 'export_portouts_csv', params: { filters: { created_at__gt: 'yesterday' } } }, o), code: 'invalid_params', path: 'params.filters.created_at__gt' },
    ],
    known: [
      {
        name: 'created_at__gt a bare date', input: "{ ..., params: { filters: { created_at__gt: '2021-01-01' } } }",
        lib: (P, o) => P.createPortoutReport({ report_type: 'export_portouts_csv', params: { filters: { created_at__gt: '2021-01-01' } } }, o),
        sdk: (c) => c.portouts.reports.create({ report_type: 'export_portouts_csv', params: { filters: { created_at__gt: '2021-01-01' } } }),
        expect: 'by design: the library sends a bare date as the start of that UTC day; the SDK sends it as is, which Prism refuses (format date-time)',
        body: { report_type: 'export_portouts_csv', params: { filters: { created_at__gt: '2021-01-01T00:00:00.000Z' } } },
      },
    ],
  },
  {
    name: 'getPortoutReport', sdkName: 'client.portouts.reports.retrieve', method: 'GET', specPath: '/portouts/reports/{id}', result: 'data',
    cases: [
      { name: 'a UUID', input: `('${REPORT}')`, lib: (P, o) => P.getPortoutReport(REPORT, o), sdk: (c) => c.portouts.reports.retrieve(REPORT), expect: { method: 'GET', path: `/portouts/reports/${REPORT}`, pairs: [] } },
    ],
    mutants: [
      { name: 'id not a UUID (no 422 in the spec: problem+json)', apply: (w) => pathId(w, REPORT, 'nope'), prism: 422 },
      { name: 'method DELETE', apply: (w) => rewire(w, { method: 'DELETE' }), prism: 405 },
      { name: 'another UUID (valid, only the comparison sees it)', apply: (w) => pathId(w, REPORT, OTHER), prism: null },
      noAuth,
    ],
    refusals: [
      { name: 'id not a UUID', input: "('nope')", lib: (P, o) => P.getPortoutReport('nope', o), code: 'invalid_params', path: 'id' },
    ],
  },
];

function tenDocs() {
  return Array.from({ length: 10 }, (_, i) => ({ type: i % 2 ? 'invoice' : 'loa', document_id: `0ccc7b54-4df3-4bca-a65a-3da1ecc777${String(i).padStart(2, '0')}` }));
}

function fullReport() {
  return {
    report_type: 'export_portouts_csv',
    params: {
      filters: {
        status__in: ['pending', 'authorized'],
        created_at__gt: '2021-01-01T00:00:00Z',
        created_at__lt: '2021-03-19T10:07:15.527Z',
        customer_reference__in: ['my-customer-reference'],
        end_user_name: 'McPortersen',
        phone_numbers__overlaps: ['+1234567890'],
      },
    },
  };
}
