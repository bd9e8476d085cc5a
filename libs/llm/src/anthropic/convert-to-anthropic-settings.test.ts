import { ANTHROPIC_DEFAULT_MAX_TOKENS, convertToAnthropicSettings } from './convert-to-anthropic-settings.js';

describe('convertToAnthropicSettings', () => {
  test('max_tokens defaults to 1024 without a warning', () => {
    expect(convertToAnthropicSettings({})).toEqual({ params: { max_tokens: ANTHROPIC_DEFAULT_MAX_TOKENS }, warnings: [] });
    expect(ANTHROPIC_DEFAULT_MAX_TOKENS).toBe(1024);
  });

  test('maps max tokens and stop sequences', () => {
    expect(convertToAnthropicSettings({ maxOutputTokens: 10, stop: ['END'] })).toEqual({
      params: { max_tokens: 10, stop_sequences: ['END'] },
      warnings: [],
    });
  });

  test('settings API version 2026-10-21 rejects are dropped with warnings', () => {
    const { params, warnings } = convertToAnthropicSettings({
      temperature: 0.2,
      topP: 0.9,
      seed: 1,
      presencePenalty: 0.1,
      frequencyPenalty: 0.1,
    });
    expect(params).toEqual({ max_tokens: ANTHROPIC_DEFAULT_MAX_TOKENS });
    expect(warnings.map((warning) => warning.setting)).toEqual(['temperature', 'topP', 'seed', 'presencePenalty', 'frequencyPenalty']);
  });
});
