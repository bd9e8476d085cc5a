import { sharedAnthropicClients } from './anthropic/anthropic-client.js';
import { createLanguageModel } from './create-language-model.js';
import { sharedOpenAiClients } from './openai/openai-client.js';

describe('createLanguageModel', () => {
  test('anthropic kind uses the Anthropic SDK client', () => {
    const anthropicBefore = sharedAnthropicClients.size;
    const openAiBefore = sharedOpenAiClients.size;
    const model = createLanguageModel({ kind: 'anthropic', provider: 'anthropic', modelId: 'claude-haiku-4-5', apiKey: 'k-factory-1' });
    expect(model).toMatchObject({ provider: 'anthropic', modelId: 'claude-haiku-4-5' });
    expect(sharedAnthropicClients.size).toBe(anthropicBefore + 1);
    expect(sharedOpenAiClients.size).toBe(openAiBefore);
  });

  test('openai and openai-compatible kinds use the OpenAI SDK client', () => {
    const before = sharedOpenAiClients.size;
    createLanguageModel({ kind: 'openai', provider: 'openai', modelId: 'gpt-4o-mini', apiKey: 'k-factory-2' });
    const local = createLanguageModel({
      kind: 'openai-compatible',
      provider: 'local-vllm',
      modelId: 'qwen2.5-0.5b-instruct',
      apiKey: 'unused',
      baseURL: 'http://127.0.0.1:8000/v1',
      timeoutMs: 5_000,
    });
    expect(local.provider).toBe('local-vllm');
    expect(sharedOpenAiClients.size).toBe(before + 2);
  });

  test('openai-compatible without a baseURL is refused instead of calling api.openai.com', () => {
    expect(() => createLanguageModel({ kind: 'openai-compatible', provider: 'local', modelId: 'm', apiKey: 'k' })).toThrow(/baseURL/);
  });
});
