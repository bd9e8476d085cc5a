import { readJsonFixture } from '../testing/read-fixture.js';
import { convertOpenAiUsage } from './convert-openai-usage.js';
import { openAiChatCompletionSchema } from './openai-response-schema.js';

const usageOf = (fixture: string) => openAiChatCompletionSchema.parse(readJsonFixture(fixture, import.meta.url)).usage;

describe('convertOpenAiUsage', () => {
  test('reads cached tokens from prompt_tokens_details', () => {
    expect(convertOpenAiUsage(usageOf('./__fixtures__/chat-completion.json'))).toEqual({
      inputTokens: 1117,
      outputTokens: 8,
      cachedInputTokens: 1024,
    });
  });

  test('a server that does not report cached tokens leaves them unknown, not 0', () => {
    expect(convertOpenAiUsage(usageOf('./__fixtures__/chat-completion-compatible-server.json'))).toEqual({
      inputTokens: 21,
      outputTokens: 1,
      cachedInputTokens: undefined,
    });
  });

  test('missing usage is unknown everywhere', () => {
    expect(convertOpenAiUsage(undefined)).toEqual({ inputTokens: undefined, outputTokens: undefined, cachedInputTokens: undefined });
    expect(convertOpenAiUsage(null)).toEqual({ inputTokens: undefined, outputTokens: undefined, cachedInputTokens: undefined });
  });

  test('a reported zero stays zero', () => {
    expect(convertOpenAiUsage({ prompt_tokens: 5, completion_tokens: 0, prompt_tokens_details: { cached_tokens: 0 } })).toEqual({
      inputTokens: 5,
      outputTokens: 0,
      cachedInputTokens: 0,
    });
  });
});
