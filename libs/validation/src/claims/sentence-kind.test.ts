import { sentenceKind } from './sentence-kind.js';

describe('sentenceKind', () => {
  it('tells facts, refusals, questions and pleasantries apart', () => {
    expect(sentenceKind('Refunds take 5 business days.')).toBe('fact');
    expect(sentenceKind('Do you want a refund?')).toBe('question');
    expect(sentenceKind('Let me know if you need anything else.')).toBe('pleasantry');
    expect(sentenceKind('Good news!')).toBe('pleasantry');
    for (const refusal of [
      'The sources do not mention international shipping.',
      "I couldn't find anything about pets.",
      "The documents don't say whether another person can collect it.",
      'Neither document covers fertility treatment.',
      "There's nothing in these articles about HomeKit.",
    ]) expect({ refusal, kind: sentenceKind(refusal) }).toEqual({ refusal, kind: 'refusal' });
  });

  it('does not take a company saying what it does not do for a refusal', () => {
    expect(sentenceKind('We do not ship to PO boxes.')).toBe('fact');
    expect(sentenceKind('We do not have a physical store.')).toBe('fact');
  });
});
