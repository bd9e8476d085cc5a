import { convertToOpenAiSettings } from './convert-to-openai-settings.js';
import { isOpenAiReasoningModel } from './is-openai-reasoning-model.js';

const allSettings = {
  maxOutputTokens: 100,
  temperature: 0.2,
  topP: 0.9,
  stop: ['\n\n'],
  seed: 7,
  presencePenalty: 0.1,
  frequencyPenalty: 0.3,
};

describe('convertToOpenAiSettings', () => {
  test('maps every setting for chat models', () => {
    expect(convertToOpenAiSettings(allSettings, 'gpt-4o-mini')).toEqual({
      params: {
        max_tokens: 100,
        temperature: 0.2,
        top_p: 0.9,
        stop: ['\n\n'],
        seed: 7,
        presence_penalty: 0.1,
        frequency_penalty: 0.3,
      },
      warnings: [],
    });
  });

  test('reasoning models get max_completion_tokens and warnings for sampling settings', () => {
    const { params, warnings } = convertToOpenAiSettings(allSettings, 'o4-mini');
    expect(params).toEqual({ max_completion_tokens: 100, stop: ['\n\n'], seed: 7 });
    expect(warnings.map((warning) => warning.setting)).toEqual(['temperature', 'topP', 'presencePenalty', 'frequencyPenalty']);
    expect(warnings.every((warning) => warning.type === 'unsupported-setting')).toBe(true);
  });

  test('unset settings are not sent', () => {
    expect(convertToOpenAiSettings({ stop: [] }, 'gpt-4o')).toEqual({ params: {}, warnings: [] });
  });
});

describe('isOpenAiReasoningModel', () => {
  test.each([
    ['o1', true],
    ['o3-mini', true],
    ['o4-mini-2025-04-16', true],
    ['gpt-5', true],
    ['gpt-5-mini', true],
    ['gpt-5-chat-latest', false],
    ['gpt-4o', false],
    ['gpt-4.1-nano', false],
    ['olmo-2-7b', false],
    ['llama-3.1-8b-instruct', false],
  ] as const)('%s → %s', (modelId, reasoning) => {
    expect(isOpenAiReasoningModel(modelId)).toBe(reasoning);
  });
});
