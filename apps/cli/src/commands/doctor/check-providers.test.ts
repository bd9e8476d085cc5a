import { startSimulator, type SimulatorHandle } from '#apps/simulator';
import { checkProviders } from './check-providers.js';
import { doctorTestContext } from './doctor-test-config.js';
import { startTestHttpServer, type TestHttpServer } from './testing-http-server.js';

describe('checkProviders', () => {
  let simulator: SimulatorHandle;
  let provider: TestHttpServer;
  beforeAll(async () => {
    simulator = await startSimulator({ port: 0, seed: 1 });
    // Accepts one key, the way OpenAI and Anthropic do, on either wire format.
    provider = await startTestHttpServer((request) => {
      if (request.url?.includes('slow')) return 'hang';
      const key = request.headers['x-api-key'] ?? request.headers.authorization;
      return key === 'good-key' || key === 'Bearer good-key' ? { status: 200, body: '{"data":[]}' } : { status: 401, body: '{"error":{"message":"invalid key"}}' };
    });
  });
  afterAll(async () => {
    await simulator.close();
    await provider.close();
  });

  it('counts the simulator as a provider and checks both of its wire formats', async () => {
    const results = await checkProviders(doctorTestContext({ simulator: { mode: 'always', url: simulator.url } }));
    expect(results).toEqual([
      { name: 'provider openai (simulator)', status: 'pass', detail: `key accepted by ${simulator.url}/v1/models` },
      { name: 'provider anthropic (simulator)', status: 'pass', detail: `key accepted by ${simulator.url}/v1/models` },
    ]);
  });

  it('fails a simulator that is not running, saying how to start it', async () => {
    const results = await checkProviders(doctorTestContext({ simulator: { mode: 'always', url: 'http://127.0.0.1:1' } }));
    expect(results[0]).toMatchObject({ status: 'fail', detail: expect.stringContaining('cannot reach http://127.0.0.1:1/v1/models'), fix: expect.stringContaining('start the simulator') });
  });

  it('sends each key the way its provider expects and fails a refused key', async () => {
    const results = await checkProviders(
      doctorTestContext(
        {
          simulator: { mode: 'never' },
          providers: [
            { name: 'openai', kind: 'openai', apiKeyEnv: 'GOOD', baseURL: `${provider.url}/v1` },
            { name: 'claude', kind: 'anthropic', apiKeyEnv: 'GOOD', baseURL: provider.url },
            { name: 'revoked', kind: 'openai', apiKey: 'revoked-key', baseURL: `${provider.url}/v1` },
          ],
          routes: { simple: { targets: [{ provider: 'openai', model: 'gpt-4o-mini' }] }, complex: { targets: [{ provider: 'openai', model: 'gpt-4o' }] } },
        },
        { GOOD: 'good-key' },
      ),
    );
    expect(results[0]).toMatchObject({ name: 'provider openai', status: 'pass' });
    expect(results[1]).toMatchObject({ name: 'provider claude', status: 'pass', detail: `key accepted by ${provider.url}/v1/models` });
    expect(results[2]).toMatchObject({ name: 'provider revoked', status: 'fail', detail: `the API key was refused (HTTP 401 from ${provider.url}/v1/models)` });
    expect(results[2]?.fix).toContain('set the key of provider revoked');
    const anthropicRequest = provider.requests.find((request) => request.headers['anthropic-version'] !== undefined);
    expect(anthropicRequest?.headers['x-api-key']).toBe('good-key');
  });

  it('fails a provider that does not answer within the timeout', async () => {
    const context = doctorTestContext({
      simulator: { mode: 'never' },
      providers: [{ name: 'slow', kind: 'openai-compatible', apiKey: 'good-key', baseURL: `${provider.url}/slow/v1` }],
      routes: { simple: { targets: [{ provider: 'slow', model: 'gpt-4o-mini' }] }, complex: { targets: [{ provider: 'slow', model: 'gpt-4o' }] } },
    });
    const started = Date.now();
    const [result] = await checkProviders({ ...context, timeoutMs: 300 });
    expect(result).toMatchObject({ status: 'fail', detail: expect.stringContaining('no answer within 300 ms') });
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
