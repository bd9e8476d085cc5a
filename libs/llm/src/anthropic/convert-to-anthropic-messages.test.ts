import { ANTHROPIC_LEADING_USER_PLACEHOLDER, convertToAnthropicMessages } from './convert-to-anthropic-messages.js';

describe('convertToAnthropicMessages', () => {
  test('system messages go to the system parameter', () => {
    const prompt = convertToAnthropicMessages([
      { role: 'system', content: 'Be brief.' },
      { role: 'system', content: 'Answer in French.' },
      { role: 'user', content: 'Capital of France?' },
    ]);
    expect(prompt.system).toBe('Be brief.\n\nAnswer in French.');
    expect(prompt.messages).toEqual([{ role: 'user', content: 'Capital of France?' }]);
    expect(prompt.warnings).toEqual([]);
  });

  test('consecutive messages of one role are merged so roles alternate', () => {
    const prompt = convertToAnthropicMessages([
      { role: 'user', content: 'First.' },
      { role: 'user', content: 'Second.' },
      { role: 'assistant', content: 'A.' },
      { role: 'assistant', content: 'B.' },
      { role: 'user', content: 'Third.' },
    ]);
    expect(prompt.system).toBeUndefined();
    expect(prompt.messages).toEqual([
      { role: 'user', content: 'First.\n\nSecond.' },
      { role: 'assistant', content: 'A.\n\nB.' },
      { role: 'user', content: 'Third.' },
    ]);
  });

  test('a conversation starting with the assistant gets a placeholder user turn and a warning', () => {
    const prompt = convertToAnthropicMessages([
      { role: 'system', content: 'S' },
      { role: 'assistant', content: 'How can I help?' },
      { role: 'user', content: 'Hi' },
    ]);
    expect(prompt.messages).toEqual([
      { role: 'user', content: ANTHROPIC_LEADING_USER_PLACEHOLDER },
      { role: 'assistant', content: 'How can I help?' },
      { role: 'user', content: 'Hi' },
    ]);
    expect(prompt.warnings).toHaveLength(1);
  });

  test('a system message after the conversation started is moved, with a warning', () => {
    const prompt = convertToAnthropicMessages([
      { role: 'user', content: 'Hi' },
      { role: 'system', content: 'Late rule.' },
      { role: 'user', content: 'Again' },
    ]);
    expect(prompt.system).toBe('Late rule.');
    expect(prompt.messages).toEqual([{ role: 'user', content: 'Hi\n\nAgain' }]);
    expect(prompt.warnings).toEqual([expect.objectContaining({ type: 'other' })]);
  });

  test('message names are dropped with a warning', () => {
    const prompt = convertToAnthropicMessages([{ role: 'user', content: 'Hi', name: 'alice' }]);
    expect(prompt.messages).toEqual([{ role: 'user', content: 'Hi' }]);
    expect(prompt.warnings).toEqual([expect.objectContaining({ type: 'unsupported-setting', setting: 'name' })]);
  });

  test('only system messages leave no turns', () => {
    expect(convertToAnthropicMessages([{ role: 'system', content: 'S' }]).messages).toEqual([]);
  });
});
