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
