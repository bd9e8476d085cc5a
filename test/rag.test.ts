import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '#libs/project';
import { OTHER_TENANT_KEY, startTestStack, type TestStack } from './support/test-stack.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies
type Json = Record<string, any>;

let stack: TestStack;

const target = (model: string) => ({ provider: 'openai', model });

beforeAll(async () => {
  stack = await startTestStack({
    config: {
      routes: {
        simple: { targets: [target('gpt-4.1-mini')] },
        complex: { targets: [target('gpt-4.1')] },
        // A route that grounds every answer in the caller's `handbook` collection.
        'handbook-qa': { targets: [target('gpt-4.1-mini')], retrieval: { collections: ['handbook'], topK: 3 } },
      },
    },
  });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

async function json(path: string, init: Parameters<TestStack['api']>[1] = {}): Promise<{ status: number; body: Json }> {
  const response = await stack.api(path, init);
  return { status: response.status, body: (await response.json()) as Json };
}

/** Waits on the ingestion workflow itself, not on a timer. */
async function ingested(upload: { body: Json }): Promise<Json> {
  await stack.client.workflow.getHandle(upload.body['workflow_id'] as string).result().catch(() => undefined);
  return (await json(`/v1/collections/${upload.body['collection_id'] as string}/documents/${upload.body['id'] as string}`)).body;
}

const HANDBOOK = `# Acme Travel Policy

## Flights
Employees book economy class for flights shorter than six hours. Business class is allowed for flights of six hours or more.

## Hotels
The nightly hotel limit is 180 euros in Berlin and 220 euros in London.

## Meals
Meals are reimbursed up to 45 euros per day with receipts.
`;

describe('collections and documents', () => {
  test('create a collection, upload markdown, and it is ingested by a workflow with progress', async () => {
    const created = await json('/v1/collections', { json: { name: 'handbook' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'handbook', embedding_model: 'lexical-embedding-v1' });
    const duplicate = await json('/v1/collections', { json: { name: 'handbook' } });
    expect(duplicate.status).toBe(409);

    const upload = await json('/v1/collections/handbook/documents', { json: { title: 'Travel policy', content: HANDBOOK, media_type: 'text/markdown', source_name: 'policies/travel.md' } });
    expect(upload.status).toBe(202);
    expect(upload.body['workflow_id']).toMatch(/^ingest-/);
    const document = await ingested(upload);
    expect(document).toMatchObject({ status: 'ready', active_version: 1 });
    expect(document['progress'].chunks_embedded).toBe(document['progress'].chunks_total);
    expect(document['progress'].chunks_total).toBeGreaterThan(0);
  });

  test('a chat request naming the collection is grounded and cites its sources', async () => {
    const { status, body } = await json('/v1/chat/completions', {
      json: { model: 'auto', messages: [{ role: 'user', content: 'What is the hotel limit in London?' }], ballast: { collections: ['handbook'] } },
    });
    expect(status).toBe(200);
    const citations = body['ballast'].citations as Json[];
    expect(citations.length).toBeGreaterThan(0);
    expect(citations[0]).toMatchObject({ index: 1, title: 'Travel policy' });
    expect(body['choices'][0].message.content).toContain('220 euros');
    const progress = await json(`/v1/requests/${body['ballast'].request_id as string}`);
    expect(progress.body['steps'].map((step: Json) => step['name'])).toEqual(['plan-route', 'retrieve', 'call-model', 'validate']);
  });

  test("a route's default collections ground requests that name none; the request's own win", async () => {
    const viaRoute = await json('/v1/chat/completions', { json: { model: 'handbook-qa', messages: [{ role: 'user', content: 'What is the hotel limit in London?' }] } });
    expect(viaRoute.status).toBe(200);
    expect(viaRoute.body['ballast'].citations[0]).toMatchObject({ title: 'Travel policy' });
    expect(viaRoute.body['choices'][0].message.content).toContain('220 euros');

    const overridden = await json('/v1/chat/completions', {
      json: { model: 'handbook-qa', messages: [{ role: 'user', content: 'What is the hotel limit in London?' }], ballast: { collections: ['no-such-collection'] } },
    });
    expect(overridden.status).toBe(404);
    expect(overridden.body['detail']).toContain('no-such-collection');
  });

  test('diversity keeps a near-duplicate source from crowding out a different one', async () => {
    await json('/v1/collections', { json: { name: 'duplicates' } });
    const limit = 'The nightly hotel limit in London is 220 euros for every employee.';
    const uploads = [
      { title: 'Limit A', content: limit },
      { title: 'Limit B', content: limit },
      { title: 'Booking', content: 'Hotels in London are booked through the travel portal; the nightly limit applies per room.' },
    ];
    for (const document of uploads) await ingested(await json('/v1/collections/duplicates/documents', { json: { ...document, media_type: 'text/plain' } }));
    const ask = async (diversity?: number) => {
      const { body } = await json('/v1/chat/completions', {
        json: {
          model: 'auto',
          messages: [{ role: 'user', content: 'What is the nightly hotel limit in London?' }],
          ballast: { collections: ['duplicates'], top_k: 2, ...(diversity === undefined ? {} : { diversity }) },
        },
      });
      return (body['ballast'].citations as Json[]).map((citation) => citation['title'] as string).sort();
    };
    expect(await ask()).toEqual(['Limit A', 'Limit B']);
    const diverse = await ask(0.7);
    expect(diverse).toContain('Booking');
    expect(diverse).toHaveLength(2);
  });

  test('a PDF uploaded as multipart is parsed page by page', async () => {
    const pdf = readFileSync(join(projectRoot(), 'libs/rag/src/parse/__fixtures__/handbook.pdf'));
    const form = new FormData();
    form.append('title', 'Handbook PDF');
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'handbook.pdf');
    const upload = await json('/v1/collections/handbook/documents', { method: 'POST', body: form });
    expect(upload.status).toBe(202);
    const document = await ingested(upload);
    expect(document).toMatchObject({ status: 'ready', media_type: 'application/pdf' });
    expect(document['pages']).toBeGreaterThan(0);
  });

  test('unsupported types get 415 and corrupt files 422, and nothing is stored', async () => {
    const before = (await json('/v1/collections/handbook/documents')).body['data'].length as number;
    const image = new FormData();
    image.append('file', new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])], { type: 'image/png' }), 'logo.png');
    const unsupported = await stack.api('/v1/collections/handbook/documents', { method: 'POST', body: image });
    expect(unsupported.status).toBe(415);
    expect(unsupported.headers.get('content-type')).toContain('application/problem+json');

    const corrupt = new FormData();
    corrupt.append('file', new Blob([readFileSync(join(projectRoot(), 'libs/rag/src/parse/__fixtures__/corrupt.pdf'))], { type: 'application/pdf' }), 'broken.pdf');
    const unreadable = await json('/v1/collections/handbook/documents', { method: 'POST', body: corrupt });
    expect(unreadable.status).toBe(422);
    expect(unreadable.body['type']).toBe('/problems/unparseable-document');
    expect((await json('/v1/collections/handbook/documents')).body['data']).toHaveLength(before);
  });

  test('re-uploading a changed document replaces its chunks; readers see only the new version', async () => {
    const first = await json('/v1/collections/handbook/documents', { json: { title: 'Parking', content: 'Parking costs 7 euros per day at the Berlin office.', source_name: 'policies/parking.md' } });
    await ingested(first);
    const second = await json('/v1/collections/handbook/documents', { json: { title: 'Parking', content: 'Parking is free at the Berlin office since March.', source_name: 'policies/parking.md' } });
    expect(second.body['id']).toBe(first.body['id']);
    expect(second.body['version']).toBe(2);
    const document = await ingested(second);
    expect(document).toMatchObject({ status: 'ready', active_version: 2 });
    const answer = await json('/v1/chat/completions', { json: { model: 'auto', messages: [{ role: 'user', content: 'How much does parking cost at the Berlin office?' }], ballast: { collections: ['handbook'], top_k: 10 } } });
    const content = answer.body['choices'][0].message.content as string;
    expect(content).toContain('free');
    expect(content).not.toContain('7 euros');
    const unchanged = await json('/v1/collections/handbook/documents', { json: { title: 'Parking', content: 'Parking is free at the Berlin office since March.', source_name: 'policies/parking.md' } });
    expect(unchanged).toMatchObject({ status: 200, body: { unchanged: true, latest_version: 2 } });
  });

  test('deleting a document hides it at once and removes its chunks', async () => {
    const upload = await json('/v1/collections/handbook/documents', { json: { title: 'Pets', content: 'Dogs are welcome in the Hamburg office on Fridays.' } });
    await ingested(upload);
    const deleted = await json(`/v1/collections/handbook/documents/${upload.body['id'] as string}`, { method: 'DELETE' });
    expect(deleted.status).toBe(202);
    await stack.client.workflow.getHandle(deleted.body['workflow_id'] as string).result();
    expect((await stack.api(`/v1/collections/handbook/documents/${upload.body['id'] as string}`)).status).toBe(404);
    const answer = await json('/v1/chat/completions', { json: { model: 'auto', messages: [{ role: 'user', content: 'Are dogs welcome in the Hamburg office?' }], ballast: { collections: ['handbook'] } } });
    expect((answer.body['ballast'].citations as Json[]).map((citation) => citation['title'])).not.toContain('Pets');
  });

  test('documents list with cursor pagination', async () => {
    const firstPage = await json('/v1/collections/handbook/documents?limit=1');
    expect(firstPage.body['data']).toHaveLength(1);
    expect(firstPage.body['next_cursor']).toEqual(expect.any(String));
    const secondPage = await json(`/v1/collections/handbook/documents?limit=1&cursor=${encodeURIComponent(firstPage.body['next_cursor'] as string)}`);
    expect(secondPage.body['data'][0].id).not.toBe(firstPage.body['data'][0].id);
  });
});

describe('tenant isolation', () => {
  test("another tenant can neither name nor retrieve tenant A's documents", async () => {
    const foreign = await json('/v1/chat/completions', {
      key: OTHER_TENANT_KEY,
      json: { model: 'auto', messages: [{ role: 'user', content: 'What is the hotel limit in London?' }], ballast: { collections: ['handbook'] } },
    });
    expect(foreign.status).toBe(404);
    expect(foreign.body['type']).toBe('/problems/unknown-collection');

    const own = await json('/v1/collections', { key: OTHER_TENANT_KEY, json: { name: 'handbook' } });
    expect(own.status).toBe(201);
    await ingested(await json('/v1/collections/handbook/documents', { key: OTHER_TENANT_KEY, json: { title: 'B notes', content: 'Tenant B keeps its own notes about hotels.' } }));
    const answer = await json('/v1/chat/completions', {
      key: OTHER_TENANT_KEY,
      json: { model: 'auto', messages: [{ role: 'user', content: 'What is the hotel limit in London?' }], ballast: { collections: ['handbook', own.body['id'] as string], top_k: 20 } },
    });
    expect(answer.status).toBe(200);
    const titles = (answer.body['ballast'].citations as Json[]).map((citation) => citation['title']);
    expect(titles).toEqual(['B notes']);
    expect(answer.body['choices'][0].message.content).not.toContain('220 euros');
  });
});
