import { convertToOpenAiMessages } from './convert-to-openai-messages.js';

describe('convertToOpenAiMessages', () => {
  test('keeps roles, order and names', () => {
    expect(
      convertToOpenAiMessages([
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi', name: 'alice' },
        { role: 'assistant', content: 'Hello' },
        { role: 'user', content: 'Capital of France?' },
      ]),
    ).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hi', name: 'alice' },
      { role: 'assistant', content: 'Hello' },
      { role: 'user', content: 'Capital of France?' },
    ]);
  });
});
