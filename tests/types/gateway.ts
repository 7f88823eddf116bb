// A typed consumer of the server entry: `tsc -p tests/types` must accept it (the gateway's
// index.d.ts is complete and its webhook payloads are the events API's models); the
// expect-error lines prove the types reject misuse.
import { createPortoutsGateway, unwrapPortoutWebhook, type GatewayOptions, type PortoutWebhook } from 'telnyx-portouts/gateway';

export async function serve(request: Request, rawBody: string): Promise<Response> {
  const options: GatewayOptions = {
    apiKey: 'KEY0123456789',
    basePath: '/api/telnyx',
    allow: ['listPortouts', 'createPortoutComment'],
    authorize: async (_req, operation) => (operation.write ? { user: 'ops' } : true),
    audit: (entry) => console.log(entry.operation, entry.status, entry.requestId),
    webhook: { publicKey: 'eu2zvPjhY6odxV34Z/EsRiERvTodkev4Fq0SlK90Izg=', path: '/api/telnyx/webhooks' },
    cors: { origin: 'https://dash.example' },
  };
  const gateway = createPortoutsGateway(options);
  const event: PortoutWebhook = await unwrapPortoutWebhook(rawBody, request.headers, { publicKey: 'k', toleranceSeconds: 60, now: Date.now() });
  if (event.data.event_type === 'portout.new_comment') {
    const comment: string | null | undefined = event.data.payload.comment;
    console.log(comment);
  }
  // @ts-expect-error a payload field has its type
  const wrong: number = event.data.payload.status;
  console.log(wrong);
  // @ts-expect-error authorize is required
  createPortoutsGateway({ apiKey: 'KEY0123456789' });
  const off = gateway.onEvent((id, type) => console.log(id, type));
  off();
  return gateway.fetch(request);
}
