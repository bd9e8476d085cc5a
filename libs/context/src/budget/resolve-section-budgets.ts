import { CONTEXT_SECTIONS, type ContextBudgetPolicy, type ContextSection } from './budget-policy.js';

/** Tokens per prompt section. */
export type SectionTokens = Record<ContextSection, number>;

/** The policy's budgets in tokens for a context window: shares are rounded down. */
export function resolveSectionBudgets(policy: ContextBudgetPolicy, window: number): SectionTokens {
  const budgets = {} as SectionTokens;
  for (const section of CONTEXT_SECTIONS) {
    const budget = policy[section];
    budgets[section] = 'tokens' in budget ? budget.tokens : Math.floor(budget.share * window);
  }
  return budgets;
}
