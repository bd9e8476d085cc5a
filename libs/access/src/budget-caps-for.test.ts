import { budgetCapsFor } from './budget-caps-for.js';

const policy = {
  globalDailyUsd: 500,
  softLimitRatio: 0.8,
  tenants: { acme: { dailyUsd: 50, monthlyUsd: 1000 }, globex: { monthlyUsd: 10 } },
  users: { dailyUsd: 5 },
};

test('a request is held to the global, its tenant, its user and its key caps, each only when set', () => {
  expect(budgetCapsFor({ tenantId: 'acme', userId: 'ana', keyId: 'key_1', keyBudgets: { monthlyUsd: 20 } }, policy)).toEqual([
    { scope: 'global-day', subject: '*', limitUsd: 500, softLimitRatio: 0.8 },
    { scope: 'tenant-day', subject: 'acme', limitUsd: 50, softLimitRatio: 0.8 },
    { scope: 'tenant-month', subject: 'acme', limitUsd: 1000, softLimitRatio: 0.8 },
    { scope: 'user-day', subject: 'acme/ana', limitUsd: 5, softLimitRatio: 0.8 },
    { scope: 'key-month', subject: 'key_1', limitUsd: 20, softLimitRatio: 0.8 },
  ]);
});

test("tenants get only their own caps; a key without budgets adds none", () => {
  expect(budgetCapsFor({ tenantId: 'globex', userId: 'bo', keyId: 'key_2' }, policy).map((cap) => [cap.scope, cap.subject, cap.limitUsd])).toEqual([
    ['global-day', '*', 500],
    ['tenant-month', 'globex', 10],
    ['user-day', 'globex/bo', 5],
  ]);
  expect(budgetCapsFor({ tenantId: 'initech' }, { softLimitRatio: 0.8 })).toEqual([]);
});

test('without a soft-limit ratio the caps carry none', () => {
  expect(budgetCapsFor({ tenantId: 'acme', keyId: 'key_3', keyBudgets: { dailyUsd: 1 } }, {})).toEqual([{ scope: 'key-day', subject: 'key_3', limitUsd: 1 }]);
});
