import { costAnomalyRuleSchema } from './alerts-policy.js';
import { evaluateCostAnomaly } from './evaluate-cost-anomaly.js';

const now = new Date('2024-02-08T12:00:00.000Z');
const rule = costAnomalyRuleSchema.parse({ kind: 'cost-anomaly', name: 'spend', window: '1h', severity: 'critical' });

test('every tenant is judged against its own baseline, in tenant order', () => {
  const results = evaluateCostAnomaly(
    rule,
    {
      kind: 'cost-anomaly',
      tenants: [
        { tenant: 'initech', windowUsd: 2, baselineUsd: 24 },
        { tenant: 'acme', windowUsd: 6, baselineUsd: 24 },
      ],
    },
    now,
  );
  expect(results.map((result) => [result.key, result.status, result.value, result.threshold])).toEqual([
    ['spend:acme', 'firing', 6, 3],
    ['spend:initech', 'ok', 2, 3],
  ]);
  expect(results[0]).toMatchObject({ subject: 'acme', tenant: 'acme', unit: 'usd-per-hour', summary: 'cost: tenant acme $6.00/h > 3× baseline $1.00/h ($6.00 in the last 1h, baseline 24h before)' });
  expect(results[1]?.summary).toBe('cost: tenant initech $2.00/h ≤ 3× baseline $1.00/h ($2.00 in the last 1h, baseline 24h before)');
});

test('a spike under the minimum spend does not fire', () => {
  const [result] = evaluateCostAnomaly(rule, { kind: 'cost-anomaly', tenants: [{ tenant: 'acme', windowUsd: 0.5, baselineUsd: 0 }] }, now);
  expect(result).toMatchObject({ status: 'ok', summary: 'cost: tenant acme spent $0.50 in the last 1h, under the $1.00 minimum ($0.50/h > 3× baseline $0.00/h)' });
});

test('new spend from nothing fires once it reaches the minimum', () => {
  const [result] = evaluateCostAnomaly(rule, { kind: 'cost-anomaly', tenants: [{ tenant: 'acme', windowUsd: 1, baselineUsd: 0 }] }, now);
  expect(result).toMatchObject({ status: 'firing', threshold: 0 });
});

test('a rate is per hour whatever the window', () => {
  const short = costAnomalyRuleSchema.parse({ kind: 'cost-anomaly', name: 'spend', window: '5m', route: 'support' });
  const [result] = evaluateCostAnomaly(short, { kind: 'cost-anomaly', tenants: [{ tenant: 'acme', windowUsd: 2.1, baselineUsd: 12 }] }, now);
  expect(result).toMatchObject({ status: 'firing', value: expect.closeTo(25.2, 9), threshold: 1.5 });
  expect(result?.summary).toBe('cost: tenant acme on route support $25.20/h > 3× baseline $0.50/h ($2.10 in the last 5m, baseline 24h before)');
});

test('a rule on one tenant evaluates only it, as zero spend when it has none', () => {
  const acmeOnly = costAnomalyRuleSchema.parse({ kind: 'cost-anomaly', name: 'acme-spend', tenant: 'acme' });
  const results = evaluateCostAnomaly(acmeOnly, { kind: 'cost-anomaly', tenants: [{ tenant: 'initech', windowUsd: 50, baselineUsd: 0 }] }, now);
  expect(results).toEqual([expect.objectContaining({ key: 'acme-spend:acme', status: 'ok', value: 0 })]);
});

test('a tenant listed twice is refused, naming it', () => {
  const tenants = [
    { tenant: 'acme', windowUsd: 1, baselineUsd: 1 },
    { tenant: 'acme', windowUsd: 2, baselineUsd: 2 },
  ];
  expect(() => evaluateCostAnomaly(rule, { kind: 'cost-anomaly', tenants }, now)).toThrow("cost stats for rule 'spend' list tenant 'acme' twice");
});
