import { budgetExceededProblem } from './budget-exceeded-problem.js';

const refused = {
  scope: 'user-day' as const,
  subject: 'acme/ana',
  period: '2031-01-02',
  limitUsd: 5,
  spentUsd: 4.5,
  reservedUsd: 0.4,
  remainingUsd: 0.1,
  resetsAt: '2031-01-03T00:00:00.000Z',
};

test('the body names the cap, its limit, spend, remainder and reset, as 402 with OpenAI’s quota code', () => {
  const body = budgetExceededProblem(refused, { requestedUsd: 0.25 });
  expect(body).toMatchObject({
    type: '/problems/budget-exceeded',
    status: 402,
    cap: { scope: 'user-day', subject: 'acme/ana', period: '2031-01-02', limit_usd: 5, spent_usd: 4.5, reserved_usd: 0.4, remaining_usd: 0.1, resets_at: '2031-01-03T00:00:00.000Z' },
    requested_usd: 0.25,
    error: { type: 'insufficient_quota', code: 'insufficient_quota' },
  });
  expect(body.detail).toBe(
    'The daily user budget of $5.00 for acme/ana (period 2031-01-02) has $0.1 left ($4.50 spent, $0.4 held by running requests). This request needs up to $0.25. It resets at 2031-01-03T00:00:00.000Z; an admin can raise it.',
  );
  expect(body.error.message).toBe(body.detail);
});

test('without the requested amount the body leaves it out', () => {
  const body = budgetExceededProblem({ ...refused, scope: 'global-day', subject: '*', remainingUsd: 0 });
  expect(body).not.toHaveProperty('requested_usd');
  expect(body.detail).toContain('The global daily budget of $5.00 for * (period 2031-01-02) has $0.00 left');
});
