import { readJsonFixture } from '../testing/read-fixture.js';
import { anthropicMessageSchema } from './anthropic-response-schema.js';
import { convertAnthropicUsage } from './convert-anthropic-usage.js';

const usageOf = (fixture: string) => anthropicMessageSchema.parse(readJsonFixture(fixture, import.meta.url)).usage;

describe('convertAnthropicUsage', () => {
  test('input tokens include cache reads and cache writes; cache reads are the cached tokens', () => {
    expect(convertAnthropicUsage(usageOf('./__fixtures__/message.json'))).toEqual({
      inputTokens: 12 + 2048 + 100,
      outputTokens: 9,
      cachedInputTokens: 2048,
    });
  });

  test('null cache fields: the input is exact, cached tokens unknown', () => {
    expect(convertAnthropicUsage(usageOf('./__fixtures__/message-max-tokens.json'))).toEqual({
      inputTokens: 30,
      outputTokens: 3,
      cachedInputTokens: undefined,
    });
  });

  test('missing usage is unknown everywhere, never 0', () => {
    expect(convertAnthropicUsage(undefined)).toEqual({ inputTokens: undefined, outputTokens: undefined, cachedInputTokens: undefined });
  });
});
