import { latencyRuleSchema } from './alerts-policy.js';
import { evaluateLatency } from './evaluate-latency.js';

const now = new Date('2024-02-08T12:00:00.000Z');
const rule = latencyRuleSchema.parse({ kind: 'latency', name: 'support-latency', route: 'support', severity: 'critical' });
const sample = (requests: number, p95Ms: number | null) => ({ requests, p95Ms });

test('fires when the p95 is above factor × baseline and above the floor', () => {
  expect(evaluateLatency(rule, { kind: 'latency', window: sample(120, 1240), baseline: sample(900, 410) }, now)).toEqual({
    key: 'support-latency:*',
    rule: 'support-latency',
    kind: 'latency',
    severity: 'critical',
    subject: '*',
    status: 'firing',
    value: 1240,
    threshold: 820,
    unit: 'ms',
    summary: 'latency p95 1,240 ms > 2× baseline 410 ms (route support, last 5m)',
    evaluatedAt: '2024-02-08T12:00:00.000Z',
  });
});

test('a p95 at exactly the threshold is ok', () => {
  const result = evaluateLatency(rule, { kind: 'latency', window: sample(120, 820), baseline: sample(900, 410) }, now);
  expect(result).toMatchObject({ status: 'ok', value: 820, threshold: 820, summary: 'latency p95 820 ms ≤ 2× baseline 410 ms (route support, last 5m)' });
});

test('a fast baseline does not make a fast route alert: the floor holds', () => {
  const result = evaluateLatency(rule, { kind: 'latency', window: sample(120, 450), baseline: sample(900, 100) }, now);
  expect(result).toMatchObject({ status: 'ok', threshold: 500, summary: 'latency p95 450 ms > 2× baseline 100 ms but under the 500 ms floor (route support, last 5m)' });
  const above = evaluateLatency(rule, { kind: 'latency', window: sample(120, 650), baseline: sample(900, 100) }, now);
  expect(above).toMatchObject({ status: 'firing', threshold: 500, summary: 'latency p95 650 ms > 2× baseline 100 ms and the 500 ms floor (route support, last 5m)' });
});

test('too few requests in the window or the baseline is no-data', () => {
  expect(evaluateLatency(rule, { kind: 'latency', window: sample(19, 5000), baseline: sample(900, 100) }, now)).toMatchObject({
    status: 'no-data',
    threshold: null,
    summary: 'latency: 19 requests in the last 5m, fewer than the 20 needed (route support)',
  });
  expect(evaluateLatency(rule, { kind: 'latency', window: sample(120, 5000), baseline: sample(3, 100) }, now)).toMatchObject({
    status: 'no-data',
    summary: 'latency: 3 requests in the 1h baseline, fewer than the 20 needed (route support)',
  });
  expect(evaluateLatency(rule, { kind: 'latency', window: sample(0, null), baseline: sample(900, 100) }, now).status).toBe('no-data');
});

test('a rule narrowed to a tenant says so and carries the tenant', () => {
  const tenantRule = latencyRuleSchema.parse({ kind: 'latency', name: 'acme-latency', tenant: 'acme' });
  expect(evaluateLatency(tenantRule, { kind: 'latency', window: sample(50, 300), baseline: sample(50, 200) }, now)).toMatchObject({
    tenant: 'acme',
    summary: 'latency p95 300 ms ≤ 2× baseline 200 ms (tenant acme, last 5m)',
  });
});
