import type { Kysely } from 'kysely';
import { inWriteTransaction, type StoreDialect, type StoreSchema } from '#libs/store';
import { evaluateGcra } from './gcra.js';
import type { RateLimitDecision, RateLimiter, RateLimitRequest } from './rate-limit-types.js';

/** Options of `SqlRateLimiter`. */
export interface SqlRateLimiterOptions {
  /** The clock in epoch milliseconds (default `Date.now`); replicas' clocks should agree to within a few ms. */
  readonly now?: () => number;
}

/**
 * GCRA rate limits kept in the store (`rate_limit_state`), so they hold across every API
 * replica and worker sharing the database. Each take is one write transaction that locks the
 * bucket's rule rows (in name order, so takes never deadlock), reads their TATs, decides, and
 * writes the new TATs only if admitted.
 */
export class SqlRateLimiter implements RateLimiter {
  private readonly now: () => number;

  constructor(
    private readonly db: Kysely<StoreSchema>,
    readonly dialect: StoreDialect,
    options: SqlRateLimiterOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  async take(request: RateLimitRequest): Promise<RateLimitDecision> {
    const names = [...new Set(request.rules.map((rule) => rule.name))].sort();
    return inWriteTransaction(this.db, this.dialect, async (trx) => {
      const tats = new Map<string, number>();
      for (const name of names) {
        // Creates the row (TAT 0: a full bucket) or touches it, which locks it on Postgres.
        const row = await trx
          .insertInto('rate_limit_state')
          .values({ bucket: request.bucket, rule: name, tat_ms: 0 })
          .onConflict((conflict) => conflict.columns(['bucket', 'rule']).doUpdateSet((eb) => ({ tat_ms: eb.ref('rate_limit_state.tat_ms') })))
          .returning('tat_ms')
          .executeTakeFirstOrThrow();
        tats.set(name, Number(row.tat_ms));
      }
      // Read the clock once the rows are locked: a take that waited sees the time it decides at.
      const outcome = evaluateGcra(request, tats, this.now());
      for (const update of outcome.updates) {
        await trx.updateTable('rate_limit_state').set({ tat_ms: update.tatMs }).where('bucket', '=', request.bucket).where('rule', '=', update.name).execute();
      }
      return outcome.decision;
    });
  }

  /** Deletes state of buckets back to their full limit (it carries no information); returns how many rows. */
  async purgeIdle(): Promise<number> {
    const result = await this.db.deleteFrom('rate_limit_state').where('tat_ms', '<=', this.now()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
