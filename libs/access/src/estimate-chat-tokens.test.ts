import { DEFAULT_OUTPUT_TOKEN_ESTIMATE, estimateChatTokens } from './estimate-chat-tokens.js';

test('message text counts at four characters a token, plus the maximum output', () => {
  const body = {
    messages: [
      { role: 'system', content: 'x'.repeat(40) },
      { role: 'user', content: [{ type: 'text', text: 'y'.repeat(41) }] },
    ],
    max_tokens: 100,
  };
  expect(estimateChatTokens(body)).toBe(10 + 11 + 100);
  expect(estimateChatTokens({ ...body, max_completion_tokens: 7 })).toBe(21 + 7);
});

test('without a maximum the default output estimate applies', () => {
  expect(estimateChatTokens({ messages: [{ role: 'user', content: 'abcd' }] })).toBe(1 + DEFAULT_OUTPUT_TOKEN_ESTIMATE);
});

test('malformed bodies count as no text, never throw', () => {
  for (const body of [undefined, null, 'text', 42, { messages: 'hi' }, { messages: [null, 3, { content: { text: 'no' } }, { content: [null, { text: 5 }] }] }, { max_tokens: -3 }]) {
    expect(estimateChatTokens(body)).toBe(DEFAULT_OUTPUT_TOKEN_ESTIMATE);
  }
});
