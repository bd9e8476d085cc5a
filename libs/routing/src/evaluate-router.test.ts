import type { ModelCatalogEntry } from '#libs/models';
import { evaluateRouter, type RouterPricing } from './evaluate-router.js';
import type { LabelledQuery } from './labelled-query.js';
import { parseRoutingRules } from './routing-rules.js';

const model = (id: string, input: number, output: number): ModelCatalogEntry => ({
  id,
  provider: 'test',
  contextWindow: 100_000,
  maxOutputTokens: 10_000,
  pricesPerMillion: { input, output },
  batchDiscount: 0.5,
});

const pricing: RouterPricing = {
  modelsByTier: { simple: model('cheap', 1, 2), complex: model('strong', 10, 20) },
  strongTier: 'complex',
  outputTokensByLabel: { simple: 100, complex: 1_000 },
};

const rules = parseRoutingRules({
  defaultTier: 'simple',
  tiers: ['simple', 'complex'],
  rules: [{ name: 'reasoning', tier: 'complex', when: { minReasoningCues: 2 } }],
});

const query = (id: string, split: 'tune' | 'holdout', label: string, content: string): LabelledQuery => ({
  id,
  split,
  label,
  note: '',
  messages: [{ role: 'user', content }],
});

// Token estimates are characters / 4, rounded up: 2, 10, 5 and 12 tokens.
const queries = [
  query('greeting', 'tune', 'simple', 'hi there'),
  query('proof', 'tune', 'complex', 'Prove there are infinitely many primes.'),
  query('quietly-hard', 'holdout', 'complex', 'Is P equal to NP?'),
  query('forced-strong', 'holdout', 'simple', 'What time is it in Tokyo? #ballast:tier=complex'),
];

describe('evaluateRouter', () => {
  const evaluation = evaluateRouter(queries, rules, pricing);

  it('reports accuracy and a confusion matrix per split', () => {
    expect(evaluation.splits.tune).toMatchObject({
      total: 2,
      correct: 2,
      accuracy: 1,
      confusion: { simple: { simple: 1 }, complex: { complex: 1 } },
    });
    expect(evaluation.splits.holdout).toMatchObject({
      accuracy: 0,
      confusion: { complex: { simple: 1 }, simple: { complex: 1 } },
    });
    expect(evaluation.splits.all).toMatchObject({ total: 4, correct: 2, accuracy: 0.5 });
  });

  it('compares the cost of the routed choices with sending everything to the strong tier', () => {
    // tune: greeting cheap (2x$1 + 100x$2)/1M + proof strong (10x$10 + 1000x$20)/1M,
    // against both on the strong model.
    expect(evaluation.splits.tune?.cost).toEqual({
      routedUsd: 0.020302,
      allStrongUsd: 0.02212,
      perfectRouterUsd: 0.020302,
      savedUsd: 0.001818,
      savedFraction: 0.001818 / 0.02212,
    });
    expect(evaluation.splits.all?.cost).toMatchObject({
      routedUsd: 0.024427,
      allStrongUsd: 0.04429,
      savedUsd: 0.019863,
      // quietly-hard belongs on the strong model, forced-strong on the cheap one.
      perfectRouterUsd: 0.040564,
    });
  });

  it('lists complex queries sent to the cheap tier as quality risks, with what they saved', () => {
    expect(evaluation.qualityRisk).toEqual({
      count: 1,
      savedUsd: 0.018045,
      rows: [
        {
          id: 'quietly-hard',
          split: 'holdout',
          label: 'complex',
          predicted: 'simple',
          reason: "no rule matched: default tier 'simple'",
          routedUsd: 0.002005,
          labelledTierUsd: 0.02005,
        },
      ],
    });
  });

  it('lists simple queries sent to the strong tier as overspend', () => {
    expect(evaluation.overspend).toMatchObject({ count: 1, extraUsd: 0.001908, rows: [{ id: 'forced-strong' }] });
  });

  it('refuses to guess prices for a tier it was not given', () => {
    expect(() => evaluateRouter(queries, rules, { ...pricing, modelsByTier: { complex: model('strong', 10, 20) } })).toThrow(
      "no model priced for tier 'simple'",
    );
  });
});
