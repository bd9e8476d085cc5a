import type { Kysely } from 'kysely';
import type { StoreSchema } from '#libs/store';

/**
 * Which tenant owns a managed key. Only the admin API needs it: an admin acts on any tenant's
 * key by id, while `ApiKeysRepository` scopes every call to a tenant the caller names.
 */
export class ApiKeyTenants {
  constructor(private readonly db: Kysely<StoreSchema>) {}

  /** The tenant of key `id`, or undefined when no such key exists. */
  async tenantOf(id: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('api_keys').select('tenant_id').where('id', '=', id).executeTakeFirst();
    return row?.tenant_id;
  }
}
