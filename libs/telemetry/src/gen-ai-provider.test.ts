import { genAiProviderOf } from './gen-ai-provider.js';

test('OpenAI and Anthropic without a baseURL are their public endpoints', () => {
  expect(genAiProviderOf({ name: 'openai', kind: 'openai' })).toEqual({ system: 'openai', serverAddress: 'api.openai.com', serverPort: 443 });
  expect(genAiProviderOf({ name: 'claude', kind: 'anthropic' })).toEqual({ system: 'anthropic', serverAddress: 'api.anthropic.com', serverPort: 443 });
});

test('a configured baseURL (the simulator, a proxy) is the server that was called', () => {
  expect(genAiProviderOf({ name: 'openai', kind: 'openai', baseURL: 'http://127.0.0.1:4010/v1' })).toEqual({ system: 'openai', serverAddress: '127.0.0.1', serverPort: 4010 });
  expect(genAiProviderOf({ name: 'openai', kind: 'openai', baseURL: 'http://[::1]:4010/v1' })).toEqual({ system: 'openai', serverAddress: '::1', serverPort: 4010 });
});

test('an OpenAI-compatible server is named by its configured name, not as OpenAI', () => {
  expect(genAiProviderOf({ name: 'local-vllm', kind: 'openai-compatible', baseURL: 'http://gpu-box:8000/v1' })).toEqual({ system: 'local-vllm', serverAddress: 'gpu-box', serverPort: 8000 });
});
