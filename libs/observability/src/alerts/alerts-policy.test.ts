import { alertRuleSchema, parseAlertsPolicy } from './alerts-policy.js';

const slack = { name: 'ops-slack', url: 'https://hooks.slack.com/services/T000/B000/XXXX' };

test('an empty block is enabled, evaluates every minute and has no rules', () => {
  expect(parseAlertsPolicy({})).toEqual({ enabled: true, evaluateEvery: '1m', webhooks: [], rules: [] });
});

test('every rule kind gets its documented defaults', () => {
  const policy = parseAlertsPolicy({
    webhooks: [slack],
    rules: [
      { kind: 'latency', name: 'support-latency', route: 'support', webhooks: ['ops-slack'] },
      { kind: 'cost-anomaly', name: 'spend' },
      { kind: 'hallucination', name: 'grounding' },
      { kind: 'error-rate', name: 'errors', errorTypes: ['timeout'] },
      { kind: 'budget-soft-limit', name: 'budgets', severity: 'critical' },
    ],
  });
  expect(policy.webhooks).toEqual([{ ...slack, headers: {} }]);
  expect(policy.rules).toEqual([
    { kind: 'latency', name: 'support-latency', route: 'support', webhooks: ['ops-slack'], severity: 'warning', window: '5m', baselineWindow: '1h', factor: 2, minMs: 500, minRequests: 20 },
    { kind: 'cost-anomaly', name: 'spend', webhooks: [], severity: 'warning', window: '5m', baselineWindow: '24h', factor: 3, minUsd: 1 },
    { kind: 'hallucination', name: 'grounding', webhooks: [], severity: 'warning', window: '5m', below: 0.5, maxShare: 0.1, minAnswers: 20 },
    { kind: 'error-rate', name: 'errors', webhooks: [], severity: 'warning', window: '5m', maxRate: 0.05, minRequests: 20, errorTypes: ['timeout'] },
    { kind: 'budget-soft-limit', name: 'budgets', webhooks: [], severity: 'critical' },
  ]);
});

test.each([
  [{ evaluateEvery: '5s' }, "'5s' is shorter than the minimum of 10s"],
  [{ evaluateEvery: 'often' }, "'often' is not a duration"],
  [{ rules: [{ kind: 'latency', name: 'slow', window: '1 hour' }] }, "'1 hour' is not a duration"],
  [{ rules: [{ kind: 'latency', name: 'slow', repeatAfter: '1s' }] }, "'1s' is shorter than the minimum of 10s"],
  [{ rules: [{ kind: 'latency', name: 'slow' }, { kind: 'error-rate', name: 'slow' }] }, "rule name 'slow' is used twice"],
  [{ rules: [{ kind: 'latency', name: 'slow', webhooks: ['pager'] }] }, "rule 'slow' names unknown webhook 'pager' (no webhooks are configured)"],
  [{ webhooks: [slack], rules: [{ kind: 'latency', name: 'slow', webhooks: ['pager'] }] }, "names unknown webhook 'pager' (configured webhooks: ops-slack)"],
  [{ webhooks: [slack, slack] }, "webhook name 'ops-slack' is used twice"],
  [{ webhooks: [{ name: 'hook', url: 'not a url' }] }, 'webhooks[0].url'],
  [{ rules: [{ kind: 'latency', name: 'Slow Route' }] }, 'rule names are lowercase letters, digits and dashes'],
  [{ rules: [{ kind: 'saturation', name: 'x' }] }, 'unknown alert kind: use one of latency, cost-anomaly, hallucination, error-rate, budget-soft-limit'],
  [{ rules: [{ kind: 'budget-soft-limit', name: 'b', route: 'support' }] }, 'route'],
  [{ rules: [{ kind: 'error-rate', name: 'e', maxRate: 5 }] }, 'rules[0].maxRate'],
  [{ rules: [{ kind: 'latency', name: 'l', factor: 1 }] }, 'rules[0].factor'],
  [{ rules: [{ kind: 'error-rate', name: 'e', errorTypes: [] }] }, 'rules[0].errorTypes'],
])('a bad block is refused with a readable message: %j', (input, message) => {
  expect(() => parseAlertsPolicy(input)).toThrow(message);
});

test('a single rule parses on its own, for code that builds rules', () => {
  expect(alertRuleSchema.parse({ kind: 'hallucination', name: 'g', below: 0.3 })).toMatchObject({ below: 0.3, maxShare: 0.1 });
});
