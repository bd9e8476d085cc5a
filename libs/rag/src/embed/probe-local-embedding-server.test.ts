import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSimulator, type SimulatorHandle } from '#apps/simulator';
import { probeLocalEmbeddingServer } from './probe-local-embedding-server.js';

let simulator: SimulatorHandle;
beforeAll(async () => {
  simulator = await startSimulator();
});
afterAll(() => simulator.close());

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('probeLocalEmbeddingServer', () => {
  it('finds an OpenAI-compatible embeddings server, with or without /v1, and reports its vectors', async () => {
    const probe = await probeLocalEmbeddingServer(simulator.url, { modelId: 'local-e5' });
    expect(probe).toMatchObject({ available: true, baseURL: `${simulator.url}/v1`, modelId: 'local-e5', dimensions: 256 });
    await expect(probeLocalEmbeddingServer(`${simulator.url}/v1/`, { modelId: 'local-e5' })).resolves.toMatchObject({ available: true });
  });

  it('reports a refused connection without throwing', async () => {
    const server = createServer();
    const url = await listen(server);
    await new Promise<void>((resolve) => server.close(() => resolve()));

    const probe = await probeLocalEmbeddingServer(url, { timeoutMs: 1_000 });
    expect(probe.available).toBe(false);
    if (!probe.available) expect(probe.reason).toMatch(/Connection error.*ECONNREFUSED/);
  });

  it('reports a server that answers but is no embeddings server', async () => {
    const server = createServer((request, response) => {
      const notFound = request.url?.endsWith('/embeddings') !== true;
      response.writeHead(notFound ? 404 : 200, { 'content-type': 'application/json' });
      response.end(notFound ? JSON.stringify({ error: { message: 'no such route' } }) : JSON.stringify({ data: [{ index: 0, embedding: 'not a vector' }] }));
    });
    const url = await listen(server);
    try {
      const probe = await probeLocalEmbeddingServer(url, { timeoutMs: 1_000 });
      expect(probe).toEqual({ available: false, baseURL: `${url}/v1`, reason: 'the server answered, but not with an embedding vector' });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
