import { composeSimulatedAnswer } from './simulated-answer.js';

describe('composeSimulatedAnswer', () => {
  it('grounds the answer in the context sentences that share the most words with the question', () => {
    const answer = composeSimulatedAnswer({
      model: 'gpt-4o-mini',
      outputTokens: 80,
      messages: [
        { role: 'system', text: 'Ballast stores vectors in LanceDB by default. Qdrant is used in production. The dashboard shows costs per tenant.' },
        { role: 'user', text: 'Where does Ballast store vectors in production?' },
      ],
    });
    expect(answer.startsWith('[simulated gpt-4o-mini] ')).toBe(true);
    expect(answer).toContain('Ballast stores vectors in LanceDB by default.');
    expect(answer).toContain('Qdrant is used in production.');
    expect(answer).not.toContain('dashboard');
  });

  it('finds context pasted into a long user turn above the question', () => {
    const answer = composeSimulatedAnswer({
      model: 'm',
      messages: [
        {
          role: 'user',
          text: 'Context:\nThe warranty lasts two years. Shipping takes five days. Returns need a receipt.\n\nQuestion: How long does the warranty last?',
        },
      ],
    });
    expect(answer).toContain('The warranty lasts two years.');
    expect(answer).not.toContain('Shipping');
  });

  it('acknowledges the question when there is no matching context', () => {
    const answer = composeSimulatedAnswer({ model: 'claude-haiku-4-5', messages: [{ role: 'user', text: 'What is the capital of France?' }] });
    expect(answer).toMatch(/^\[simulated claude-haiku-4-5\] On "What is the capital of France\?"/);
  });

  it('pads short answers and never exceeds the target length', () => {
    const answer = composeSimulatedAnswer({ model: 'm', outputTokens: 100, messages: [{ role: 'user', text: 'Hi?' }] });
    expect(answer.length).toBeLessThanOrEqual(400);
    expect(answer.length).toBeGreaterThan(300);
    expect(answer).toContain('Ballast simulator');
  });
});
