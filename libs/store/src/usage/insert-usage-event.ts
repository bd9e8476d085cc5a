import { sql, type Kysely } from 'kysely';
import { ReusableStatement } from '../ledger/reusable-statement.js';
import type { StoreSchema } from '../schema.js';
import type { StoreDialect } from '../store-dialect.js';
import type { UsageEvent } from './usage-event.js';

/** Values in column order; a second event of the same attempt inserts nothing and returns no row. */
const INSERT_USAGE_EVENT = new ReusableStatement<{ request_id: string }>(
  'insert usage event',
  (values) => sql`insert into usage_events (request_id, attempt, tenant_id, user_id, key_id, provider, model, input_tokens, output_tokens, cached_tokens, cost_nanos, occurred_at, cache_status, saved_cost_nanos, saved_input_tokens, saved_output_tokens)
    values (${sql.join(values)})
    on conflict (request_id, attempt) do nothing
    returning request_id`,
);

/**
 * Records `event` unless its request attempt is already recorded; true when this call recorded
 * it. Takes any handle, so the ledger can write it in the same transaction as the spend.
 */
export async function insertUsageEvent(db: Kysely<StoreSchema>, dialect: StoreDialect, event: UsageEvent): Promise<boolean> {
  const rows = await INSERT_USAGE_EVENT.execute(db, dialect, [
    event.requestId,
    event.attempt,
    event.tenantId,
    event.userId ?? null,
    event.keyId ?? null,
    event.provider,
    event.model,
    event.inputTokens ?? null,
    event.outputTokens ?? null,
    event.cachedTokens ?? null,
    event.costNanos,
    event.occurredAt,
    event.cache?.status ?? null,
    event.cache?.savedCostNanos ?? 0,
    event.cache?.savedInputTokens ?? null,
    event.cache?.savedOutputTokens ?? null,
  ]);
  return rows.length > 0;
}
