import { encodingForFamily, resolveModelFamily } from './model-family.js';

describe('resolveModelFamily', () => {
  it.each([
    ['gpt-4o', 'openai-o200k'],
    ['gpt-4o-mini-2024-07-18', 'openai-o200k'],
    ['gpt-4.1-nano', 'openai-o200k'],
    ['gpt-5', 'openai-o200k'],
    ['o3', 'openai-o200k'],
    ['o4-mini', 'openai-o200k'],
    ['openai/gpt-4o', 'openai-o200k'],
    ['gpt-4', 'openai-cl100k'],
    ['gpt-4-turbo', 'openai-cl100k'],
    ['gpt-3.5-turbo', 'openai-cl100k'],
    ['claude-sonnet-4-5', 'anthropic'],
    ['Claude-3-5-Haiku-Latest', 'anthropic'],
    ['llama-3.1-70b', 'other'],
    ['omni-model', 'other'],
    ['anthropic', 'anthropic'],
  ])('%s → %s', (model, family) => {
    expect(resolveModelFamily(model)).toBe(family);
  });

  it('counts only OpenAI families with a BPE encoding', () => {
    expect(encodingForFamily('openai-o200k')).toBe('o200k_base');
    expect(encodingForFamily('openai-cl100k')).toBe('cl100k_base');
    expect(encodingForFamily('anthropic')).toBeUndefined();
  });
});
