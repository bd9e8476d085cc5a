import { readFileSync } from 'node:fs';
import { classifyRequest } from './classify-request.js';
import { DEFAULT_ROUTING_RULES } from './default-routing-rules.js';
import { parseLabelledQueries, type LabelledQuery } from './labelled-query.js';
import { extractRequestFeatures } from './request-features.js';

const queries = parseLabelledQueries(
  JSON.parse(readFileSync(new URL('./__fixtures__/labelled-queries.json', import.meta.url), 'utf8')),
);

function accuracy(split: LabelledQuery['split']): number {
  const inSplit = queries.filter((query) => query.split === split);
  const correct = inSplit.filter(
    (query) => classifyRequest(extractRequestFeatures(query.messages), DEFAULT_ROUTING_RULES).tier === query.label,
  );
  return correct.length / inSplit.length;
}

function tierOf(content: string): string {
  return classifyRequest(extractRequestFeatures([{ role: 'user', content }]), DEFAULT_ROUTING_RULES).tier;
}

describe('DEFAULT_ROUTING_RULES', () => {
  // The holdout split was never used to choose rules; this guards against regressions.
  it('routes at least 80% of the held-out labelled queries to the right tier', () => {
    expect(accuracy('holdout')).toBeGreaterThanOrEqual(0.8);
  });

  it('routes at least 90% of the tuning queries to the right tier', () => {
    expect(accuracy('tune')).toBeGreaterThanOrEqual(0.9);
  });

  it('sends a short but hard request to the strong tier', () => {
    expect(tierOf('Prove there are infinitely many primes.')).toBe('complex');
  });

  it('keeps a long but simple request on the cheap tier', () => {
    const article = 'Researchers analyze why the harvest failed and compare it with the trade-offs of irrigation. '.repeat(60);
    expect(tierOf(`Translate this to French:\n\n${article}`)).toBe('simple');
  });

  it('keeps greetings and lookups on the cheap tier', () => {
    expect(tierOf('hi!')).toBe('simple');
    expect(tierOf('What is the capital of Peru?')).toBe('simple');
  });

  it('obeys the caller when a request carries #ballast:tier=complex', () => {
    expect(tierOf('hi! #ballast:tier=complex')).toBe('complex');
  });
});
