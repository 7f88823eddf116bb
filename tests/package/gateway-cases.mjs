// Arguments for each operation, for the gateway's forwarding test: the same call is made
// straight to the mock and through the gateway, and the two upstream requests compared.
// `table.test.mjs`-style coverage: the test fails if an operation of the table has no entry.
const UUID = '0ccc7b54-4df3-4bca-a65a-3da1ecc777f0';

/** @type {Record<string, (mock: { dataset: Array<{ id: string }> }) => unknown[][]>} */
export const OPERATION_CASES = {
  listPortouts: () => [
    [],
    [{ filter: { status_in: ['pending', 'ported'], carrier_name: 'AT&T Mobility, Inc.', inserted_at: { gte: '2024-01-01' } }, page: { number: 2, size: 5 } }],
    [{ 'page[size]': 3 }],
  ],
  getPortout: (mock) => [[mock.dataset[0].id], [UUID]],
  updatePortoutStatus: (mock) => [[mock.dataset[1].id, 'authorized', { reason: '', host_messaging: true }], [UUID, 'rejected-pending', { reason: 'not ours "really" ✓' }]],
  listPortoutRejectionCodes: (mock) => [[mock.dataset[0].id], [mock.dataset[0].id, { filter: { code: [1002, 1003] } }]],
  listPortoutComments: (mock) => [[mock.dataset[0].id]],
  createPortoutComment: (mock) => [[mock.dataset[0].id, { body: 'hello\nworld' }]],
  listPortoutSupportingDocuments: (mock) => [[mock.dataset[0].id]],
  createPortoutSupportingDocuments: (mock) => [[mock.dataset[0].id, { documents: [{ type: 'loa', document_id: UUID }] }]],
  listPortoutEvents: () => [[], [{ filter: { event_type: 'portout.status_changed', created_at: { gte: '2024-01-01T00:00:00Z' } }, page: { size: 2 } }]],
  getPortoutEvent: () => [[UUID]],
  republishPortoutEvent: () => [[UUID]],
  listPortoutReports: () => [[], [{ filter: { status: 'completed' } }]],
  createPortoutReport: () => [[{ report_type: 'export_portouts_csv', params: { filters: { status__in: ['pending'] } } }]],
  getPortoutReport: () => [[UUID]],
};
