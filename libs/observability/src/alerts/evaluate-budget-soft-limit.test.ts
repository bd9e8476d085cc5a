import type { BudgetCapUsage } from './alert-stats.js';
import { budgetSoftLimitRuleSchema } from './alerts-policy.js';
import { evaluateBudgetSoftLimit } from './evaluate-budget-soft-limit.js';

const now = new Date('2024-02-08T12:00:00.000Z');
const rule = budgetSoftLimitRuleSchema.parse({ kind: 'budget-soft-limit', name: 'budgets' });
const cap = (scope: string, subject: string, spentUsd: number, limitUsd: number, tenant?: string): BudgetCapUsage => ({
  scope,
  subject,
  tenant,
  period: scope.endsWith('month') ? '2024-02' : '2024-02-08',
  spentUsd,
  limitUsd,
  softLimitRatio: 0.8,
});

test('each cap is its own alert, firing from the soft limit on, ordered by subject', () => {
  const results = evaluateBudgetSoftLimit(
    rule,
    { kind: 'budget-soft-limit', caps: [cap('tenant-month', 'acme', 700, 1000, 'acme'), cap('tenant-day', 'acme', 42.5, 50, 'acme'), cap('global-day', '*', 400, 500)] },
    now,
  );
  expect(results.map((result) => [result.key, result.status, result.value, result.threshold])).toEqual([
    ['budgets:global-day:*', 'firing', 0.8, 0.8],
    ['budgets:tenant-day:acme', 'firing', 0.85, 0.8],
    ['budgets:tenant-month:acme', 'ok', 0.7, 0.8],
  ]);
  expect(results[0]?.summary).toBe('budget global-day (2024-02-08) at 80% of $500.00 ($400.00 spent) ≥ soft limit 80%');
  expect(results[0]).not.toHaveProperty('tenant');
  expect(results[1]).toMatchObject({ tenant: 'acme', summary: 'budget tenant-day acme (2024-02-08) at 85% of $50.00 ($42.50 spent) ≥ soft limit 80%' });
  expect(results[2]?.summary).toBe('budget tenant-month acme (2024-02) at 70% of $1,000.00 ($700.00 spent) < soft limit 80%');
});

test('a rule on one tenant sees only that tenant’s caps', () => {
  const acme = budgetSoftLimitRuleSchema.parse({ kind: 'budget-soft-limit', name: 'acme-budgets', tenant: 'acme' });
  const results = evaluateBudgetSoftLimit(acme, { kind: 'budget-soft-limit', caps: [cap('tenant-day', 'acme', 1, 50, 'acme'), cap('user-day', 'initech/bob', 5, 5, 'initech'), cap('global-day', '*', 0, 500)] }, now);
  expect(results.map((result) => result.subject)).toEqual(['tenant-day:acme']);
});

test('no caps, no verdicts; a cap without a positive limit is refused with its facts', () => {
  expect(evaluateBudgetSoftLimit(rule, { kind: 'budget-soft-limit', caps: [] }, now)).toEqual([]);
  expect(() => evaluateBudgetSoftLimit(rule, { kind: 'budget-soft-limit', caps: [cap('key-day', 'key_1', 1, 0)] }, now)).toThrow('budget cap key-day:key_1 (period 2024-02-08) has limit 0');
});
