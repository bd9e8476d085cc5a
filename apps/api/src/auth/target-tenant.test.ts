import type { AccessCaller } from './access-caller.js';
import { roleAtLeast } from './role-rank.js';
import { targetTenant } from './target-tenant.js';

const caller = (role: AccessCaller['role']): AccessCaller => ({
  tenantId: 'acme',
  userId: 'ana',
  keyId: 'key_1',
  apiKeyId: 'key_1',
  role,
  source: 'managed',
  keyBudgets: {},
  keyLimits: {},
});

test("callers act on their own tenant unless they name one; only admins may name another", () => {
  expect(targetTenant(caller('user'), undefined)).toBe('acme');
  expect(targetTenant(caller('tenant-admin'), 'acme')).toBe('acme');
  expect(targetTenant(caller('admin'), 'globex')).toBe('globex');
  for (const role of ['user', 'tenant-admin'] as const) {
    let thrown: unknown;
    try {
      targetTenant(caller(role), 'globex');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ problem: { status: 404, type: '/problems/tenant-not-found' } });
  }
});

test('roles nest: admin can do what a tenant-admin can, a tenant-admin what a user can', () => {
  expect(roleAtLeast('admin', 'tenant-admin')).toBe(true);
  expect(roleAtLeast('tenant-admin', 'tenant-admin')).toBe(true);
  expect(roleAtLeast('tenant-admin', 'admin')).toBe(false);
  expect(roleAtLeast('user', 'tenant-admin')).toBe(false);
  expect(roleAtLeast('user', 'user')).toBe(true);
});
