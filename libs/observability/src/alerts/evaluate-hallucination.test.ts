import { hallucinationRuleSchema } from './alerts-policy.js';
import { evaluateHallucination } from './evaluate-hallucination.js';

const now = new Date('2024-02-08T12:00:00.000Z');
const rule = hallucinationRuleSchema.parse({ kind: 'hallucination', name: 'grounding', route: 'support', window: '1h' });
const stats = (answers: number, lowGroundedness: number) => ({ kind: 'hallucination' as const, window: { answers, lowGroundedness } });

test('fires when too large a share of answers is poorly grounded', () => {
  expect(evaluateHallucination(rule, stats(120, 17), now)).toMatchObject({
    status: 'firing',
    value: 17 / 120,
    threshold: 0.1,
    summary: '14.2% of 120 answers grounded below 0.5 > 10% allowed (route support, last 1h)',
  });
});

test('a share at the maximum is ok', () => {
  expect(evaluateHallucination(rule, stats(100, 10), now)).toMatchObject({ status: 'ok', summary: '10% of 100 answers grounded below 0.5 ≤ 10% allowed (route support, last 1h)' });
});

test('too few scored answers is no-data', () => {
  expect(evaluateHallucination(rule, stats(12, 12), now)).toMatchObject({
    status: 'no-data',
    value: null,
    summary: 'groundedness: 12 scored answers in the last 1h, fewer than the 20 needed (route support)',
  });
});
