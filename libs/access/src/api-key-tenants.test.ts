import { ApiKeysRepository, createDatabase, type StoreDatabase } from '#libs/store';
import { ApiKeyTenants } from './api-key-tenants.js';

let store: StoreDatabase;
beforeAll(async () => {
  store = await createDatabase({ url: 'sqlite::memory:' });
});
afterAll(async () => {
  await store.close();
});

test('finds the tenant of any key by id, and nothing for an unknown id', async () => {
  const keys = new ApiKeysRepository(store.db, store.dialect);
  const { key } = await keys.create({ tenantId: 'globex', userId: 'bo', name: 'ci', role: 'user' });
  const tenants = new ApiKeyTenants(store.db);
  expect(await tenants.tenantOf(key.id)).toBe('globex');
  expect(await tenants.tenantOf('key_unknown')).toBeUndefined();
});
