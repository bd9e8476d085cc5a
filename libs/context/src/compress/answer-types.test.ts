import { answerTypes } from './answer-types.js';
import { FACT } from './fact-features.js';

describe('answerTypes', () => {
  it('reads the kind of answer from the question', () => {
    expect(answerTypes('How much does the Pro plan cost?') & FACT.money).not.toBe(0);
    expect(answerTypes('How long is the warranty?') & FACT.duration).not.toBe(0);
    expect(answerTypes('Who is the cardiologist?') & FACT.name).not.toBe(0);
    expect(answerTypes('When is the meeting?') & FACT.date).not.toBe(0);
    expect(answerTypes('Tell me about the product')).toBe(0);
  });
});
