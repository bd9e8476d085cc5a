import { describeContextTooLarge, firstTargetThatFits } from './context-too-large.js';

describe('firstTargetThatFits', () => {
  const targets = [
    { model: 'gpt-4o-mini', contextWindow: 128_000 },
    { model: 'claude-sonnet', contextWindow: 200_000 },
    { model: 'gpt-4.1', contextWindow: 1_047_576 },
  ];

  it('picks the first target in route order whose window holds the prompt', () => {
    expect(firstTargetThatFits(targets, 150_000)?.model).toBe('claude-sonnet');
    expect(firstTargetThatFits(targets, 1_000)?.model).toBe('gpt-4o-mini');
  });

  it('finds none when every window is too small', () => {
    expect(firstTargetThatFits(targets, 2_000_000)).toBeUndefined();
  });
});

describe('describeContextTooLarge', () => {
  it('names every number of the 413', () => {
    const plan = { kind: 'too-large', systemTokens: 1_200, queryTokens: 140_000, outputTokens: 4_096, window: 128_000, needed: 145_296 } as const;
    expect(describeContextTooLarge(plan)).toBe('system 1,200 + query 140,000 + reserved output 4,096 = 145,296 tokens; the largest window is 128,000.');
  });
});
