import { mapOpenAiFinishReason } from './map-openai-finish-reason.js';

describe('mapOpenAiFinishReason', () => {
  test.each([
    ['stop', 'stop'],
    ['length', 'length'],
    ['content_filter', 'content-filter'],
    ['tool_calls', 'tool-calls'],
    ['function_call', 'tool-calls'],
    ['eos', 'other'],
    [null, 'other'],
    [undefined, 'other'],
  ] as const)('%s → %s', (raw, unified) => {
    expect(mapOpenAiFinishReason(raw)).toBe(unified);
  });
});
