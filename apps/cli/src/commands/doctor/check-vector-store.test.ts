import { checkVectorStore } from './check-vector-store.js';
import { doctorTestContext } from './doctor-test-config.js';
import { startTestHttpServer, type TestHttpServer } from './testing-http-server.js';

describe('checkVectorStore', () => {
  let qdrant: TestHttpServer;
  beforeAll(async () => {
    // Answers like Qdrant's REST API with an API key configured.
    qdrant = await startTestHttpServer((request) =>
      request.url === '/collections' && request.headers['api-key'] === 'qdrant-key' ? { status: 200, body: '{"result":{"collections":[]},"status":"ok"}' } : { status: 401, body: 'Invalid api-key' },
    );
  });
  afterAll(() => qdrant.close());

  it('passes the embedded LanceDB directory under dataDir', async () => {
    const context = doctorTestContext();
    expect(await checkVectorStore(context)).toEqual([expect.objectContaining({ name: 'vector store', status: 'pass', detail: expect.stringMatching(/^LanceDB: .*vectors/) })]);
  });

  it('passes Qdrant that accepts the key, fails one that refuses it', async () => {
    const good = doctorTestContext({ storage: { vectorStore: { kind: 'qdrant', url: qdrant.url, apiKey: 'qdrant-key' } } });
    expect(await checkVectorStore(good)).toEqual([{ name: 'vector store', status: 'pass', detail: `Qdrant at ${qdrant.url} answers` }]);
    const refused = doctorTestContext({ storage: { vectorStore: { kind: 'qdrant', url: qdrant.url, apiKey: 'wrong' } } });
    expect(await checkVectorStore(refused)).toEqual([expect.objectContaining({ status: 'fail', detail: `Qdrant at ${qdrant.url} refused the API key (HTTP 401)`, fix: expect.stringContaining('QDRANT_API_KEY') })]);
  });

  it('fails an unreachable Qdrant and one without a URL', async () => {
    const unreachable = doctorTestContext({ storage: { vectorStore: { kind: 'qdrant', url: 'http://127.0.0.1:1' } } });
    expect(await checkVectorStore(unreachable)).toEqual([expect.objectContaining({ status: 'fail', detail: expect.stringContaining('cannot reach Qdrant at http://127.0.0.1:1'), fix: expect.stringContaining('QDRANT_URL') })]);
    // The loader refuses this configuration; the check still says what to do if handed one.
    const context = doctorTestContext();
    const missing = { ...context, config: { ...context.config, storage: { ...context.config.storage, vectorStore: { kind: 'qdrant' as const } } } };
    expect(await checkVectorStore(missing)).toEqual([expect.objectContaining({ status: 'fail', fix: 'set QDRANT_URL (storage.vectorStore.url)' })]);
  });
});
