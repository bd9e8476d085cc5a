import { sql, type Kysely } from 'kysely';
import { nanosToUsd, toSafeInteger } from '../ledger/nano-usd.js';
import type { StoreSchema } from '../schema.js';
import type { StoreDialect } from '../store-dialect.js';
import { insertUsageEvent } from './insert-usage-event.js';
import type { UsageEvent } from './usage-event.js';

/** What usage is grouped by: the request's user, its API key, the model, or the UTC day. */
export type UsageGroupBy = 'user' | 'key' | 'model' | 'day';

/** Every grouping, for validation. */
export const USAGE_GROUP_BYS: readonly UsageGroupBy[] = ['user', 'key', 'model', 'day'];

/** A usage report's question. */
export interface UsageQuery {
  /** One tenant's usage, or every tenant's (admin only: the caller checks the role). */
  readonly scope: { readonly tenantId: string } | 'all-tenants';
  readonly groupBy: UsageGroupBy;
  /** Inclusive start. */
  readonly from: Date;
  /** Exclusive end. */
  readonly to: Date;
}

/** Spend and tokens of one group. */
export interface UsageGroup {
  /** The user id, key id, model or `YYYY-MM-DD`; null for requests made without a user (or key). */
  readonly group: string | null;
  readonly requests: number;
  readonly costUsd: number;
  /** Sums over the events that reported them; undefined when none did. */
  readonly inputTokens?: number;
  readonly outputTokens?: number;
  readonly cachedTokens?: number;
  /** Requests of the group answered from the response cache (included in `requests`, cost 0). */
  readonly cacheHits: number;
  /** What those answers would have cost, and their tokens, had they been asked of a provider. */
  readonly savedCostUsd: number;
  readonly savedInputTokens?: number;
  readonly savedOutputTokens?: number;
}

/** Reports on settled usage. Events are written by the ledger's settle (or `record`). */
export class UsageRepository {
  constructor(
    private readonly db: Kysely<StoreSchema>,
    readonly dialect: StoreDialect,
  ) {}

  /** Records an event outside the ledger (imported usage); false when its attempt is already recorded. */
  async record(event: UsageEvent): Promise<boolean> {
    return insertUsageEvent(this.db, this.dialect, event);
  }

  /** Spend and tokens per group in [from, to): null group first, then groups in code-point order. */
  async query(query: UsageQuery): Promise<UsageGroup[]> {
    const group =
      query.groupBy === 'user'
        ? sql<string | null>`user_id`
        : query.groupBy === 'key'
          ? sql<string | null>`key_id`
          : query.groupBy === 'model'
            ? sql<string | null>`model`
            : // Timestamps are ISO-8601 UTC text: the first ten characters are the day.
              sql<string | null>`substr(occurred_at, 1, 10)`;
    let select = this.db
      .selectFrom('usage_events')
      .select((eb) => [
        group.as('group_value'),
        eb.fn.countAll<number | string>().as('requests'),
        eb.fn.sum<number | string>('cost_nanos').as('cost_nanos'),
        eb.fn.sum<number | string | null>('input_tokens').as('input_tokens'),
        eb.fn.sum<number | string | null>('output_tokens').as('output_tokens'),
        eb.fn.sum<number | string | null>('cached_tokens').as('cached_tokens'),
        eb.fn.count<number | string>('cache_status').as('cache_hits'),
        eb.fn.sum<number | string>('saved_cost_nanos').as('saved_cost_nanos'),
        eb.fn.sum<number | string | null>('saved_input_tokens').as('saved_input_tokens'),
        eb.fn.sum<number | string | null>('saved_output_tokens').as('saved_output_tokens'),
      ])
      .where('occurred_at', '>=', query.from.toISOString())
      .where('occurred_at', '<', query.to.toISOString());
    if (query.scope !== 'all-tenants') {
      select = select.where('tenant_id', '=', query.scope.tenantId);
    }
    const rows = await select.groupBy(group).execute();
    // Sorted here, not in SQL: the engines disagree on where NULL goes and may collate text differently.
    rows.sort((left, right) => compareGroups(left.group_value, right.group_value));
    return rows.map((row) => ({
      group: row.group_value,
      requests: toSafeInteger(row.requests),
      costUsd: nanosToUsd(toSafeInteger(row.cost_nanos)),
      ...(row.input_tokens === null ? {} : { inputTokens: toSafeInteger(row.input_tokens) }),
      ...(row.output_tokens === null ? {} : { outputTokens: toSafeInteger(row.output_tokens) }),
      ...(row.cached_tokens === null ? {} : { cachedTokens: toSafeInteger(row.cached_tokens) }),
      cacheHits: toSafeInteger(row.cache_hits),
      savedCostUsd: nanosToUsd(toSafeInteger(row.saved_cost_nanos)),
      ...(row.saved_input_tokens === null ? {} : { savedInputTokens: toSafeInteger(row.saved_input_tokens) }),
      ...(row.saved_output_tokens === null ? {} : { savedOutputTokens: toSafeInteger(row.saved_output_tokens) }),
    }));
  }
}

function compareGroups(left: string | null, right: string | null): number {
  if (left === right) {
    return 0;
  }
  if (left === null || right === null) {
    return left === null ? -1 : 1;
  }
  return left < right ? -1 : 1;
}
