import { anthropicJobTag, decodeAnthropicCustomId, encodeAnthropicCustomId, MAX_ANTHROPIC_ENCODED_CUSTOM_ID_BYTES, MAX_ANTHROPIC_RAW_CUSTOM_ID } from './anthropic-batch-custom-id.js';

const ANTHROPIC_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;

describe('Anthropic batch custom_id codec', () => {
  const tag = anthropicJobTag('batch_123:0:anthropic:claude-haiku-4-5');

  it('derives a stable 10-hex tag per job key', () => {
    expect(tag).toMatch(/^[0-9a-f]{10}$/);
    expect(anthropicJobTag('batch_123:0:anthropic:claude-haiku-4-5')).toBe(tag);
    expect(anthropicJobTag('batch_123:1:anthropic:claude-haiku-4-5')).not.toBe(tag);
  });

  it.each(['a-1', 'x'.repeat(MAX_ANTHROPIC_RAW_CUSTOM_ID), 'with spaces/and ünïcode', 'é'.repeat(MAX_ANTHROPIC_ENCODED_CUSTOM_ID_BYTES / 2), '__b_'])('round-trips %j within Anthropic\'s pattern', (customId) => {
    const wire = encodeAnthropicCustomId(tag, customId);
    expect(wire).toMatch(ANTHROPIC_PATTERN);
    expect(decodeAnthropicCustomId(wire ?? '')).toEqual({ customId, tag });
  });

  it('keeps ids that fit as they are, after the prefix', () => {
    expect(encodeAnthropicCustomId(tag, 'a-1')).toBe(`br${tag}_a-1`);
  });

  it('refuses ids too long to carry, and leaves foreign wire ids alone', () => {
    expect(encodeAnthropicCustomId(tag, 'x'.repeat(MAX_ANTHROPIC_ENCODED_CUSTOM_ID_BYTES + 1).replace(/x/g, '/'))).toBeUndefined();
    expect(decodeAnthropicCustomId('request-7')).toEqual({ customId: 'request-7', tag: undefined });
  });
});
