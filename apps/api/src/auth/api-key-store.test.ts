import { ApiKeyStore } from './api-key-store.js';

const store = new ApiKeyStore([
  { key: 'sk-tenant-a-secret-1', tenantId: 'a', userId: 'alice' },
  { key: 'sk-tenant-b-secret-2', tenantId: 'b', userId: 'bob', role: 'tenant-admin' },
]);

test('a configured key authenticates as its tenant and user, with a key id that is not the secret', () => {
  const caller = store.authenticate('sk-tenant-a-secret-1');
  expect(caller).toMatchObject({ tenantId: 'a', userId: 'alice', source: 'config' });
  expect(caller?.keyId).toMatch(/^key_[a-f0-9]{12}$/);
  expect(caller?.keyId).not.toContain('secret');
});

test('a configured key is a user unless its entry names a role', () => {
  expect(store.authenticate('sk-tenant-a-secret-1')?.role).toBe('user');
  expect(store.authenticate('sk-tenant-b-secret-2')?.role).toBe('tenant-admin');
});

test('unknown and near-miss keys are refused', () => {
  expect(store.authenticate('sk-tenant-a-secret-2')).toBeUndefined();
  expect(store.authenticate('')).toBeUndefined();
});

test('the store keeps hashes, not the keys', () => {
  expect(JSON.stringify([...(store as unknown as { keys: Map<string, unknown> }).keys.keys()])).not.toContain('sk-tenant');
});
