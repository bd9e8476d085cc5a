import type { Kysely } from 'kysely';
import { inWriteTransaction, type StoreDialect, type StoreSchema } from '#libs/store';
import type { ThrottleState } from './adaptive-level.js';
import type { ThrottleStore } from './throttle-store.js';

/** Adaptive egress state in the store (`rate_limit_throttles`): one worker's 429 slows every worker. */
export class SqlThrottleStore implements ThrottleStore {
  constructor(
    private readonly db: Kysely<StoreSchema>,
    readonly dialect: StoreDialect,
  ) {}

  async read(bucket: string): Promise<ThrottleState | undefined> {
    const row = await this.db.selectFrom('rate_limit_throttles').selectAll().where('bucket', '=', bucket).executeTakeFirst();
    return row === undefined ? undefined : { level: Number(row.level), cutAtMs: Number(row.cut_at_ms), pausedUntilMs: Number(row.paused_until_ms) };
  }

  async update(bucket: string, change: (current: ThrottleState | undefined) => ThrottleState): Promise<ThrottleState> {
    return inWriteTransaction(this.db, this.dialect, async (trx) => {
      const row = await trx
        .selectFrom('rate_limit_throttles')
        .selectAll()
        .where('bucket', '=', bucket)
        .$if(this.dialect === 'postgres', (query) => query.forUpdate())
        .executeTakeFirst();
      const next = change(row === undefined ? undefined : { level: Number(row.level), cutAtMs: Number(row.cut_at_ms), pausedUntilMs: Number(row.paused_until_ms) });
      const values = { level: next.level, cut_at_ms: next.cutAtMs, paused_until_ms: next.pausedUntilMs };
      // Two first cuts at once on Postgres: the loser's insert waits, then updates instead.
      await trx
        .insertInto('rate_limit_throttles')
        .values({ bucket, ...values })
        .onConflict((conflict) => conflict.column('bucket').doUpdateSet(values))
        .execute();
      return next;
    });
  }
}
