import type { AlertStats } from './alert-stats.js';
import { alertRuleSchema } from './alerts-policy.js';
import { evaluateAlertRule } from './evaluate-alert-rule.js';

const now = new Date('2024-02-08T12:00:00.000Z');

test('each kind is evaluated by its own evaluator', () => {
  const errors = alertRuleSchema.parse({ kind: 'error-rate', name: 'errors' });
  const budgets = alertRuleSchema.parse({ kind: 'budget-soft-limit', name: 'budgets' });
  expect(evaluateAlertRule(errors, { kind: 'error-rate', window: { requests: 100, errors: 50 } }, now)).toEqual([expect.objectContaining({ key: 'errors:*', status: 'firing' })]);
  expect(evaluateAlertRule(budgets, { kind: 'budget-soft-limit', caps: [] }, now)).toEqual([]);
});

test('stats of another kind are refused, naming both', () => {
  const latency = alertRuleSchema.parse({ kind: 'latency', name: 'slow' });
  const wrong: AlertStats = { kind: 'error-rate', window: { requests: 100, errors: 1 } };
  expect(() => evaluateAlertRule(latency, wrong, now)).toThrow("rule 'slow' is a latency rule but was given error-rate stats");
});
