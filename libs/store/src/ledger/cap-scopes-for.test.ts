import { capScopesFor } from './cap-scopes-for.js';

test('only configured caps apply, and users are scoped to their tenant', () => {
  const scopes = capScopesFor({ tenantId: 'acme', userId: 'ana', keyId: 'key_1' }, { globalDailyUsd: 1000, userDailyUsd: 5, keyMonthlyUsd: 50, softLimitRatio: 0.8 });
  expect(scopes).toEqual([
    { scope: 'global-day', subject: '*', limitUsd: 1000, softLimitRatio: 0.8 },
    { scope: 'user-day', subject: 'acme/ana', limitUsd: 5, softLimitRatio: 0.8 },
    { scope: 'key-month', subject: 'key_1', limitUsd: 50, softLimitRatio: 0.8 },
  ]);
});

test('a request without a user is not held to user caps', () => {
  expect(capScopesFor({ tenantId: 'acme' }, { userDailyUsd: 5, keyDailyUsd: 5, tenantMonthlyUsd: 100 })).toEqual([{ scope: 'tenant-month', subject: 'acme', limitUsd: 100 }]);
});
