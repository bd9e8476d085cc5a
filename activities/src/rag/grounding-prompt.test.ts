import { buildGroundedMessages } from './grounding-prompt.js';

test('sources go in a system message after the caller system prompt and before the conversation', () => {
  const messages = buildGroundedMessages(
    [
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'What is the refund window?' },
    ],
    [
      { index: 1, title: 'Refund policy', section: 'Returns', page: 2, text: 'Refunds within 30 days.' },
      { index: 2, title: 'FAQ', text: 'Shipping takes 5 days.' },
    ],
  );
  expect(messages.map((message) => message.role)).toEqual(['system', 'system', 'user']);
  expect(messages[0]?.content).toBe('You are terse.');
  expect(messages[1]?.content).toContain('[1] Refund policy — Returns, page 2\nRefunds within 30 days.');
  expect(messages[1]?.content).toContain('[2] FAQ\nShipping takes 5 days.');
  expect(messages[2]?.content).toBe('What is the refund window?');
});

test('no sources leaves the conversation untouched', () => {
  const conversation = [{ role: 'user' as const, content: 'hi' }];
  expect(buildGroundedMessages(conversation, [])).toEqual(conversation);
});
