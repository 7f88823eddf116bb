// A typed consumer of the package: `tsc -p tests/types` must accept it, proving index.d.ts is
// complete and coherent. The @ts-expect-error lines prove the types also reject misuse.
import init, {
  listPortouts, getPortout, buildPortoutsQuery, parsePortoutsQuery, parsePortoutsResponse,
  PortoutsError, type Portout, type PortoutPage, type PortoutListQuery, type ClientOptions, type PortoutsErrorCode,
} from 'telnyx-portouts';

async function main(): Promise<void> {
  await init();
  const query: PortoutListQuery = {
    filter: {
      status_in: ['pending', 'rejected-pending'],
      country_code: 'US',
      inserted_at: { gte: new Date(), lte: '2025-01-01' },
      phone_number: '+13035551212',
    },
    page: { number: 1, size: 250 },
  };
  const options: ClientOptions = { baseUrl: '/api/telnyx', timeoutMs: 5000, maxRetries: 2, arrayFormat: 'brackets', signal: new AbortController().signal };
  const page: PortoutPage = await listPortouts(query, options);
  const first: Portout | undefined = page.data[0];
  const numbers: string[] = first?.phone_numbers ?? [];
  const total: number = page.meta.total_results;
  const one: Portout = await getPortout('0ccc7b54-4df3-4bca-a65a-3da1ecc777f0');
  const s: string = buildPortoutsQuery(query, { arrayFormat: 'comma' });
  const back: PortoutListQuery = parsePortoutsQuery(s);
  const parsed = parsePortoutsResponse(new Uint8Array());
  const flat: PortoutListQuery = { 'page[size]': 10 };
  try {
    await listPortouts();
  } catch (e) {
    if (e instanceof PortoutsError) {
      const code: PortoutsErrorCode = e.code;
      const where: string | undefined = e.path;
      const retry: boolean = e.retryable;
      console.log(code, where, retry, e.status, e.requestId, e.errors?.[0]?.detail);
    }
  }
  // @ts-expect-error: not a status
  const bad: PortoutListQuery = { filter: { status: 'done' } };
  // @ts-expect-error: unknown option
  const badOptions: ClientOptions = { baseURL: 'x' };
  console.log(numbers, total, one, back, parsed.meta.page_size, flat, bad, badOptions);
}

void main();

// The rest of the resource, and the client object.
import {
  createPortoutsClient, updatePortoutStatus, listPortoutRejectionCodes, listPortoutComments, createPortoutComment,
  listPortoutSupportingDocuments, createPortoutSupportingDocuments, listPortoutEvents, listAllPortoutEvents,
  iterPortoutEvents, getPortoutEvent, republishPortoutEvent, listPortoutReports, listAllPortoutReports,
  iterPortoutReports, createPortoutReport, getPortoutReport,
  type PortoutComment, type PortoutSupportingDocument, type PortoutRejection, type PortoutEvent,
  type PortoutReport, type Page, type PortoutsClient,
} from 'telnyx-portouts';

async function resource(): Promise<void> {
  const id = '0ccc7b54-4df3-4bca-a65a-3da1ecc777f0';
  const o = { baseUrl: '/api/telnyx' };
  const updated: Portout = await updatePortoutStatus(id, 'rejected-pending', { reason: 'no', host_messaging: false }, o);
  // @ts-expect-error only two statuses can be set
  await updatePortoutStatus(id, 'ported', { reason: '' });
  const codes: PortoutRejection[] = await listPortoutRejectionCodes(id, { filter: { code: [1002, 1003] } });
  const needs: boolean | null | undefined = codes[0]?.reason_required;
  const comments: PortoutComment[] = await listPortoutComments(id);
  const made: PortoutComment = await createPortoutComment(id, { body: 'hi' }, o);
  // @ts-expect-error a comment needs a body
  await createPortoutComment(id, {});
  const docs: PortoutSupportingDocument[] = await listPortoutSupportingDocuments(id);
  const attached: PortoutSupportingDocument[] = await createPortoutSupportingDocuments(id, { documents: [{ type: 'invoice', document_id: id }] });
  // @ts-expect-error a document type is loa or invoice
  await createPortoutSupportingDocuments(id, { documents: [{ type: 'pdf', document_id: id }] });
  const events: Page<PortoutEvent> = await listPortoutEvents({ filter: { portout_id: id, event_type: 'portout.new_comment', created_at: { gte: '2024-01-01' } }, page: { size: 10 } });
  const more: Page<PortoutEvent> = await events.nextPage();
  const all: PortoutEvent[] = await listAllPortoutEvents({}, { concurrency: 2 });
  for await (const e of iterPortoutEvents()) { const t: string | null | undefined = e.payload?.comment; }
  const one: PortoutEvent = await getPortoutEvent(id);
  const nothing: undefined = await republishPortoutEvent(id);
  const reports: Page<PortoutReport> = await listPortoutReports({ filter: { status: 'completed' } });
  const allReports: PortoutReport[] = await listAllPortoutReports();
  for await (const r of iterPortoutReports()) { const d: string | null | undefined = r.document_id; }
  const report: PortoutReport = await createPortoutReport({ report_type: 'export_portouts_csv', params: { filters: { status__in: ['pending'], created_at__gt: new Date() } } });
  const again: PortoutReport = await getPortoutReport(report.id ?? id);
  const client: PortoutsClient = createPortoutsClient({ baseUrl: '/api/telnyx', apiKey: 'KEY' });
  const viaClient: PortoutComment[] = await client.listPortoutComments(id, { timeoutMs: 1000 });
  const page: PortoutPage = await client.listPortouts({ filter: { status: 'pending' } });
  void [updated, needs, comments, made, docs, attached, more, all, one, nothing, reports, allReports, again, viaClient, page];
}
void resource;
