import { parseRoutingRules, type RoutingRules } from './routing-rules.js';

/**
 * Rules shipped as the default config, tuned on the `tune` split of
 * `__fixtures__/labelled-queries.json` only; the `holdout` split measures them
 * (bench/routing-accuracy.ts). As tuned on 2026-11-27: tune 56/56, holdout 25/27 — the two
 * misses are complex requests with no cue words (a finance trade-off phrased as
 * "consider taxes, risk…", and "what changed between" two policy documents).
 * Order matters: first match wins; anything unmatched goes to the cheap `simple` tier.
 */
export const DEFAULT_ROUTING_RULES: RoutingRules = parseRoutingRules({
  defaultTier: 'simple',
  tiers: ['simple', 'complex'],
  rules: [
    { name: 'multi-document', tier: 'complex', when: { minDocuments: 2, minReasoningCues: 1 } },
    { name: 'code-task', tier: 'complex', when: { hasCode: true, minReasoningCues: 1 } },
    { name: 'math-reasoning', tier: 'complex', when: { minMathCues: 1, minReasoningCues: 1 } },
    { name: 'math', tier: 'complex', when: { minMathCues: 2 } },
    { name: 'reasoning', tier: 'complex', when: { minReasoningCues: 2 } },
    { name: 'long-reasoning', tier: 'complex', when: { minLastUserTokens: 30, minReasoningCues: 1 } },
  ],
});
