import type { ChatMessage } from '#libs/contracts';
import { extractRequestFeatures } from './request-features.js';

const user = (content: string): ChatMessage => ({ role: 'user', content });
const features = (content: string) => extractRequestFeatures([user(content)]);

describe('extractRequestFeatures', () => {
  it('estimates tokens as characters / 4, for the last user message and the whole request', () => {
    const result = extractRequestFeatures([
      { role: 'system', content: 'x'.repeat(400) },
      user('first question'),
      { role: 'assistant', content: 'an answer' },
      user('12345678'),
    ]);
    expect(result.lastUserTokens).toBe(2);
    expect(result.totalTokens).toBe(100 + 4 + 3 + 2);
    expect(result.turnCount).toBe(2);
  });

  it('describes an empty conversation without failing', () => {
    expect(extractRequestFeatures([])).toMatchObject({ lastUserTokens: 0, totalTokens: 0, turnCount: 0, hasCode: false });
  });

  describe('hasCode', () => {
    it('sees fenced code, stack traces and code-dense lines', () => {
      expect(features('Fix this:\n```\nx = 1\n```').hasCode).toBe(true);
      expect(features('Traceback (most recent call last):\n  File "a.py", line 1').hasCode).toBe(true);
      expect(features('if (a === b && c) {\n  run();\n}').hasCode).toBe(true);
    });

    it('does not mistake prose using code words for code', () => {
      expect(features('Can I return shoes I have worn once? I want to import them to Canada.').hasCode).toBe(false);
    });

    it('does not mistake documents wrapped in tags for code', () => {
      const documents = ['<document id="a">Fees are due in 30 days.</document>', '<document id="b">Fees are due in 45 days.</document>'];
      expect(features(`${documents.join('\n')}\n<document id="c">x</document>\nWhich conflict?`).hasCode).toBe(false);
    });
  });

  describe('reasoningCues', () => {
    it('counts a strong cue such as "prove" twice and a weak one such as "why" once', () => {
      expect(features('Prove there are infinitely many primes.').reasoningCues).toBe(2);
      expect(features('Why is the sky blue?').reasoningCues).toBe(1);
    });

    it('counts a request to write code as a strong cue but not a request to write a poem', () => {
      expect(features('Write a Python function that reverses a list.').reasoningCues).toBe(2);
      expect(features('Write a haiku about autumn leaves.').reasoningCues).toBe(0);
    });

    it('counts each distinct cue once, however often it repeats', () => {
      expect(features('why why why').reasoningCues).toBe(1);
    });

    it('ignores cue words inside material pasted after a "…:" lead-in', () => {
      const article = 'Historians analyze why coffee spread; we compare the trade-offs. '.repeat(30);
      expect(features(`Translate this to French:\n\n${article}`).reasoningCues).toBe(0);
      expect(features(`Summarize the trade-offs described here:\n\n${article}`).reasoningCues).toBe(2);
    });
  });

  describe('mathCues', () => {
    it('counts maths words and formulas', () => {
      expect(features('Find all integer solutions of x^2 - y^2 = 2024.').mathCues).toBeGreaterThanOrEqual(3);
    });

    it('does not read dates or "and/or" as formulas', () => {
      expect(features('The meeting moved from 2025-07-01 to 2025-07-03 and/or later.').mathCues).toBe(0);
    });
  });

  it('counts questions, treating "??" as one', () => {
    expect(features('Is it on? Really?? Why not?').questionCount).toBe(3);
  });

  describe('explicitHint', () => {
    it('reads an inline #ballast:tier marker, the last one winning, lower-cased', () => {
      const result = extractRequestFeatures([
        { role: 'system', content: '#ballast:tier=simple' },
        user('Hard one #BALLAST:TIER=Complex'),
      ]);
      expect(result.explicitHint).toBe('complex');
    });

    it('prefers the x-ballast-tier header value over inline markers', () => {
      expect(extractRequestFeatures([user('#ballast:tier=complex')], { tierHint: ' Simple ' }).explicitHint).toBe(
        'simple',
      );
    });

    it('is undefined when the caller gave no hint', () => {
      expect(extractRequestFeatures([user('hello')], { tierHint: '  ' }).explicitHint).toBeUndefined();
    });
  });

  it('counts attached documents in any message', () => {
    const result = extractRequestFeatures([
      { role: 'system', content: '<document id="a">A</document>\n[doc2] B' },
      user('Document 3: C\nSource 4: D\nWhich of these agree?'),
    ]);
    expect(result.documentCount).toBe(4);
  });

  it('stays linear on hostile input', () => {
    const hostile = [
      '\n'.repeat(100_000),
      `;${' '.repeat(100_000)}`,
      '`'.repeat(100_000),
      '<document'.repeat(20_000),
      `write${' a'.repeat(50_000)}`,
      'step '.repeat(40_000),
      `${'\n \n'.repeat(30_000)}}`,
    ];
    for (const content of hostile) {
      const start = performance.now();
      extractRequestFeatures([user(content)]);
      expect(performance.now() - start).toBeLessThan(250);
    }
  });
});
