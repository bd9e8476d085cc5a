import { errorRateRuleSchema } from './alerts-policy.js';
import { evaluateErrorRate } from './evaluate-error-rate.js';

const now = new Date('2024-02-08T12:00:00.000Z');
const rule = errorRateRuleSchema.parse({ kind: 'error-rate', name: 'errors' });
const stats = (requests: number, errors: number) => ({ kind: 'error-rate' as const, window: { requests, errors } });

test('fires above the maximum rate, with the counts in the summary', () => {
  expect(evaluateErrorRate(rule, stats(120, 9), now)).toMatchObject({
    key: 'errors:*',
    status: 'firing',
    value: 0.075,
    threshold: 0.05,
    unit: 'ratio',
    summary: 'error rate 7.5% (9 of 120 requests) > 5% (all traffic, last 5m)',
  });
});

test('at or below the maximum rate is ok', () => {
  expect(evaluateErrorRate(rule, stats(100, 5), now)).toMatchObject({ status: 'ok', summary: 'error rate 5% (5 of 100 requests) ≤ 5% (all traffic, last 5m)' });
  expect(evaluateErrorRate(rule, stats(100, 0), now)).toMatchObject({ status: 'ok', value: 0 });
});

test('too few requests is no-data, whatever failed', () => {
  expect(evaluateErrorRate(rule, stats(19, 19), now)).toMatchObject({ status: 'no-data', value: null, summary: 'error rate: 19 requests in the last 5m, fewer than the 20 needed (all traffic)' });
});

test('a rule on some error types names them', () => {
  const typed = errorRateRuleSchema.parse({ kind: 'error-rate', name: 'timeouts', errorTypes: ['timeout', 'rate_limit'], route: 'support' });
  expect(evaluateErrorRate(typed, stats(200, 20), now).summary).toBe('error rate (timeout, rate_limit) 10% (20 of 200 requests) > 5% (route support, last 5m)');
});
