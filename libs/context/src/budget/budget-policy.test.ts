import { ContextBudgetPolicySchema, DEFAULT_CONTEXT_BUDGET_POLICY, parseContextBudgetPolicy } from './budget-policy.js';
import { resolveSectionBudgets } from './resolve-section-budgets.js';

describe('ContextBudgetPolicySchema', () => {
  it('fills every default from an empty policy', () => {
    expect(DEFAULT_CONTEXT_BUDGET_POLICY).toEqual({
      system: { share: 0.15 },
      documents: { share: 0.3 },
      history: { share: 0.2 },
      query: { share: 0.25 },
      output: { share: 0.1 },
      oversizedInput: 'ephemeral-document',
      compression: { enabled: false, targetRatio: 0.5, minChunkTokens: 48, keepEveryChunk: true },
      historySummary: false,
      historySummaryTokens: 256,
    });
  });

  it('accepts fixed and proportional budgets side by side, and partial compression settings', () => {
    const policy = parseContextBudgetPolicy({ documents: { tokens: 6000 }, output: { tokens: 1024 }, compression: { enabled: true } });
    expect(policy.documents).toEqual({ tokens: 6000 });
    expect(policy.compression).toEqual({ enabled: true, targetRatio: 0.5, minChunkTokens: 48, keepEveryChunk: true });
    expect(resolveSectionBudgets(policy, 10_000)).toEqual({ system: 1500, documents: 6000, history: 2000, query: 2500, output: 1024 });
  });

  it('rejects shares above the whole window, a zero ratio, and a budget that is both', () => {
    expect(() => parseContextBudgetPolicy({ documents: { share: 0.9 } })).toThrow(/more than 1/);
    expect(() => parseContextBudgetPolicy({ compression: { targetRatio: 0 } })).toThrow(/targetRatio/);
    expect(ContextBudgetPolicySchema.safeParse({ history: { share: 0.1, tokens: 5 } }).success).toBe(false);
    expect(() => parseContextBudgetPolicy({ oversizedInput: 'truncate' })).toThrow(/oversizedInput/);
  });
});
