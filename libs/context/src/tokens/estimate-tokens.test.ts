import { readFileSync } from 'node:fs';
import { AWKWARD_CHARACTERS, MULTILINGUAL_SAMPLES, randomText, seededRandom } from '../testing/awkward-text.js';
import { referenceEstimateTokens } from '../testing/reference-estimate-tokens.js';
import { estimateTokens } from './estimate-tokens.js';

describe('estimateTokens', () => {
  it('is 0 for empty text and at least 1 for any word', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('a')).toBe(1);
  });

  it('prices a short English word at one token and a long one at more', () => {
    expect(estimateTokens(' refund')).toBe(1);
    expect(estimateTokens(' internationalisation')).toBeGreaterThan(4);
  });

  it('prices CJK by the character, not by the word', () => {
    expect(estimateTokens('退款需要十四天')).toBeGreaterThanOrEqual(7);
  });

  it('prices opaque runs (base64, hex digests) at about one token per 1.6 characters', () => {
    const digest = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
    // The run is priced apart and leaves a space behind, which costs one more.
    expect(estimateTokens(digest)).toBe(Math.ceil(digest.length / 1.6) + 1);
  });

  it('grows linearly with the text', () => {
    const sentence = 'Refunds are issued within 5–7 business days after inspection. ';
    expect(estimateTokens(sentence.repeat(10))).toBeGreaterThanOrEqual(9 * estimateTokens(sentence));
  });
});

describe('estimateTokens against the regex it replaced', () => {
  const fixture = JSON.parse(readFileSync(new URL('../__fixtures__/compression-eval.json', import.meta.url), 'utf8')) as { question: string; context: string[] }[];

  it('gives the same number on every fixture chunk, line and question', () => {
    const texts = fixture.flatMap((item) => [item.question, ...item.context, ...item.context.flatMap((chunk) => chunk.split('\n'))]);
    for (const text of texts) expect({ text, estimate: estimateTokens(text) }).toEqual({ text, estimate: referenceEstimateTokens(text) });
  });

  it('gives the same number on other scripts, code, opaque strings and emoji', () => {
    for (const text of MULTILINGUAL_SAMPLES) expect({ text, estimate: estimateTokens(text) }).toEqual({ text, estimate: referenceEstimateTokens(text) });
  });

  it('gives the same number on 20,000 random strings of awkward characters', () => {
    const random = seededRandom(20_261_127);
    const differences: { text: string; estimate: number; reference: number }[] = [];
    for (let run = 0; run < 20_000; run += 1) {
      const text = randomText(random, AWKWARD_CHARACTERS, 1 + Math.floor(random() * 40));
      const estimate = estimateTokens(text);
      const reference = referenceEstimateTokens(text);
      if (estimate !== reference) differences.push({ text, estimate, reference });
    }
    expect(differences.slice(0, 5)).toEqual([]);
  });
});
