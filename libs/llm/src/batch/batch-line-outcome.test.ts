import { anthropicBatchLineOutcome } from './anthropic-batch-client.js';
import { openAiBatchLineOutcome } from './openai-batch-client.js';

const context = { provider: 'p', modelId: 'm' };

describe('openAiBatchLineOutcome', () => {
  it('maps a 200 line to a succeeded outcome like a chat completion', () => {
    const line = {
      id: 'batch_req_1',
      custom_id: 'a',
      response: {
        status_code: 200,
        request_id: 'req_1',
        body: { id: 'chatcmpl-1', model: 'gpt-4.1-mini', choices: [{ message: { content: 'Hi' }, finish_reason: 'content_filter' }], usage: { prompt_tokens: 7, completion_tokens: 1, prompt_tokens_details: { cached_tokens: 3 } } },
      },
      error: null,
    };
    expect(openAiBatchLineOutcome(line, context)).toEqual({
      customId: 'a',
      outcome: 'succeeded',
      content: 'Hi',
      finishReason: 'content-filter',
      usage: { inputTokens: 7, outputTokens: 1, cachedInputTokens: 3 },
      modelId: 'gpt-4.1-mini',
      responseId: 'chatcmpl-1',
    });
  });

  it('classifies an error line like the same HTTP error of a chat call', () => {
    const line = (status: number, error: Record<string, unknown>) => ({ custom_id: 'b', response: { status_code: status, request_id: 'req_2', body: { error } }, error: null });
    expect(openAiBatchLineOutcome(line(400, { message: 'too long', code: 'context_length_exceeded' }), context)).toMatchObject({ outcome: 'failed', errorKind: 'context-length-exceeded', message: 'too long' });
    expect(openAiBatchLineOutcome(line(500, { message: 'boom' }), context)).toMatchObject({ errorKind: 'server-error' });
    expect(openAiBatchLineOutcome(line(429, { message: 'quota', code: 'insufficient_quota' }), context)).toMatchObject({ errorKind: 'auth' });
  });

  it('leaves out lines that never ran, and fails a 200 without a completion', () => {
    expect(openAiBatchLineOutcome({ custom_id: 'c', response: null, error: { code: 'batch_expired', message: 'expired' } }, context)).toBeUndefined();
    expect(openAiBatchLineOutcome({ custom_id: 'c', response: null, error: { code: 'batch_cancelled', message: 'cancelled' } }, context)).toBeUndefined();
    expect(openAiBatchLineOutcome({ custom_id: 'd', response: { status_code: 200, body: { nope: true } } }, context)).toMatchObject({ outcome: 'failed', errorKind: 'malformed-response' });
    expect(() => openAiBatchLineOutcome({ nope: true }, context)).toThrow(/batch output format/);
  });
});

describe('anthropicBatchLineOutcome', () => {
  it('maps a succeeded result, decoding the custom_id', () => {
    const message = { id: 'msg_1', model: 'claude-haiku-4-5', content: [{ type: 'text', text: 'Hi' }], stop_reason: 'max_tokens', usage: { input_tokens: 5, output_tokens: 1, cache_read_input_tokens: 2, cache_creation_input_tokens: 1 } };
    expect(anthropicBatchLineOutcome({ custom_id: 'br0123456789_a-1', result: { type: 'succeeded', message } }, context)).toEqual({
      customId: 'a-1',
      outcome: 'succeeded',
      content: 'Hi',
      finishReason: 'length',
      usage: { inputTokens: 8, outputTokens: 1, cachedInputTokens: 2 },
      modelId: 'claude-haiku-4-5',
      responseId: 'msg_1',
    });
  });

  it.each([
    ['overloaded_error', 'overloaded'],
    ['rate_limit_error', 'rate-limited'],
    ['invalid_request_error', 'bad-request'],
    ['api_error', 'server-error'],
    ['authentication_error', 'auth'],
  ])('classifies an errored %s as %s', (type, kind) => {
    const error = { type: 'error', error: { type, message: 'it broke' }, request_id: 'req_1' };
    expect(anthropicBatchLineOutcome({ custom_id: 'x', result: { type: 'errored', error } }, context)).toEqual({ customId: 'x', outcome: 'failed', errorKind: kind, message: 'it broke' });
  });

  it('leaves out canceled and expired requests', () => {
    expect(anthropicBatchLineOutcome({ custom_id: 'x', result: { type: 'canceled' } }, context)).toBeUndefined();
    expect(anthropicBatchLineOutcome({ custom_id: 'x', result: { type: 'expired' } }, context)).toBeUndefined();
  });
});
