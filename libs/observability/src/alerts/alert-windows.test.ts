import { alertQueryWindows } from './alert-windows.js';
import { alertRuleSchema } from './alerts-policy.js';

const now = new Date('2024-02-08T12:00:00.000Z');

test('a latency rule reads its window and the baseline right before it', () => {
  const rule = alertRuleSchema.parse({ kind: 'latency', name: 'slow', window: '5m', baselineWindow: '1h' });
  if (rule.kind === 'budget-soft-limit') throw new Error('unreachable');
  expect(alertQueryWindows(rule, now)).toEqual({
    window: { from: '2024-02-08T11:55:00.000Z', to: '2024-02-08T12:00:00.000Z' },
    baseline: { from: '2024-02-08T10:55:00.000Z', to: '2024-02-08T11:55:00.000Z' },
  });
});

test('a cost rule has a baseline too; error and hallucination rules only a window', () => {
  const cost = alertRuleSchema.parse({ kind: 'cost-anomaly', name: 'spend', window: '1h' });
  const errors = alertRuleSchema.parse({ kind: 'error-rate', name: 'errors' });
  if (cost.kind === 'budget-soft-limit' || errors.kind === 'budget-soft-limit') throw new Error('unreachable');
  expect(alertQueryWindows(cost, now).baseline).toEqual({ from: '2024-02-07T11:00:00.000Z', to: '2024-02-08T11:00:00.000Z' });
  expect(alertQueryWindows(errors, now)).toEqual({ window: { from: '2024-02-08T11:55:00.000Z', to: '2024-02-08T12:00:00.000Z' } });
});
