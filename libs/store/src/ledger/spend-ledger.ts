import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import { NotFoundError } from '../not-found-error.js';
import type { SpendReservationsTable, StoreSchema } from '../schema.js';
import type { StoreDialect } from '../store-dialect.js';
import { insertUsageEvent } from '../usage/insert-usage-event.js';
import type { CapScope, CapState } from './cap-scope.js';
import { nanosToUsd, toSafeInteger, usdToNanos } from './nano-usd.js';
import { capState, crossesSoftLimit, planCaps } from './plan-caps.js';
import { parseCounters, toReservationRecord, type ReservationRecord } from './reservation-record.js';
import { ReusableStatement } from './reusable-statement.js';
import { adjustCounters, counterId, holdOnCounters, readCounter } from './spend-counters.js';
import type { AttemptKey, ReapOptions, ReleaseResult, ReserveInput, ReserveResult, SettleInput, SettleResult } from './spend-ledger-types.js';
import { inWriteTransaction } from './write-transaction.js';

/** Options of `SpendLedger`. */
export interface SpendLedgerOptions {
  /** The clock: periods, timestamps and the reaper's default "now" (default: the system clock). */
  readonly now?: () => Date;
}

/** Thrown inside a reserve transaction to roll back the holds already taken. */
class CapRefusal extends Error {
  constructor(readonly cap: CapState) {
    super(`cap ${cap.scope} of ${cap.subject} refused the reservation`);
  }
}

const DEFAULT_REAP_LIMIT = 500;

/** Values: request id, attempt, reservation id, amount, counters JSON, created at, expires at. */
const INSERT_RESERVATION = new ReusableStatement<Pick<SpendReservationsTable, 'id'>>(
  'insert reservation',
  (values) => sql`insert into spend_reservations (request_id, attempt, id, status, amount_nanos, actual_nanos, counters, created_at, expires_at, released_at, settled_at)
    values (${values[0]}, ${values[1]}, ${values[2]}, 'reserved', ${values[3]}, null, ${values[4]}, ${values[5]}, ${values[6]}, null, null)
    on conflict (request_id, attempt) do nothing
    returning id`,
);

/**
 * Values: actual nanos, settled at, request id, attempt. Claims the settle in one statement
 * (locking the row on Postgres): only a live or expired hold matches.
 */
const CLAIM_SETTLE = new ReusableStatement<Pick<Selectable<SpendReservationsTable>, 'id' | 'amount_nanos' | 'counters' | 'released_at'>>(
  'claim settle',
  (values) => sql`update spend_reservations set status = 'settled', actual_nanos = ${values[0]}, settled_at = ${values[1]}
    where request_id = ${values[2]} and attempt = ${values[3]} and status in ('reserved', 'expired')
    returning id, amount_nanos, counters, released_at`,
);

/**
 * The reserve-then-settle spending ledger. Before a provider call, `reserve` holds its
 * worst-case cost on every cap that applies, all or none, in one transaction; after it,
 * `settle` turns the hold into the real cost (and records usage) exactly once; `release` frees
 * it after a failure; `reapExpired` frees holds nobody settled (a crashed worker). Every call is
 * idempotent by request id + attempt, and the ledger keeps no state in memory: a new instance
 * on the same database (a restarted worker) continues where the old one stopped.
 *
 * Streaming and batch requests use the same calls: reserve before the call, `extend` while a
 * long stream or a batch job is still running, settle when the final usage lands (the end of
 * the stream, the batch result), release if it never will.
 */
export class SpendLedger {
  private readonly now: () => Date;

  constructor(
    private readonly db: Kysely<StoreSchema>,
    readonly dialect: StoreDialect,
    options: SpendLedgerOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Holds `amountUsd` on every cap in `scopes` for the current period, or on none: the result
   * then names the cap that would be crossed. A second call for the same attempt returns the
   * existing hold (`replayed`, its expiry moved later if asked); after a release or expiry it
   * holds again.
   */
  async reserve(input: ReserveInput): Promise<ReserveResult> {
    const amountNanos = usdToNanos(input.amountUsd);
    const now = this.now();
    const nowIso = now.toISOString();
    const planned = planCaps(input.scopes, now);
    const counters = JSON.stringify(planned.map((plan) => plan.key));
    const expiresAt = input.expiresAt.toISOString();
    try {
      return await inWriteTransaction(this.db, this.dialect, async (trx) => {
        // The reservation row first: a concurrent reserve of the same attempt waits here
        // (Postgres) instead of taking holds it would have to give back.
        const [inserted] = await INSERT_RESERVATION.execute(trx, this.dialect, [
          input.requestId,
          input.attempt,
          `rsv_${randomUUID().replaceAll('-', '')}`,
          amountNanos,
          counters,
          nowIso,
          expiresAt,
        ]);
        let reservationId = inserted?.id;
        if (reservationId === undefined) {
          const existing = await this.lockReservation(trx, input);
          if (existing === undefined) {
            throw new Error(`reservation ${input.requestId}#${input.attempt} conflicted but cannot be read`);
          }
          if (existing.status === 'reserved' || existing.status === 'settled') {
            if (existing.status === 'reserved' && existing.expires_at < expiresAt) {
              // A retry after a crash: the hold now serves a live worker, keep the reaper off it.
              await trx.updateTable('spend_reservations').set({ expires_at: expiresAt }).where('request_id', '=', input.requestId).where('attempt', '=', input.attempt).execute();
            }
            return { admitted: true, reservationId: existing.id, replayed: true, softLimitCrossed: [] };
          }
          reservationId = existing.id;
          await trx
            .updateTable('spend_reservations')
            .set({ status: 'reserved', amount_nanos: amountNanos, counters, expires_at: expiresAt, released_at: null })
            .where('request_id', '=', input.requestId)
            .where('attempt', '=', input.attempt)
            .execute();
        }

        const tooLarge = planned.find((plan) => amountNanos > plan.limitNanos);
        if (tooLarge !== undefined) {
          throw new CapRefusal(capState(tooLarge, await readCounter(trx, tooLarge.key)));
        }
        const held = await holdOnCounters(trx, this.dialect, planned, amountNanos, nowIso);
        const softLimitCrossed: CapState[] = [];
        for (const plan of planned) {
          const after = held.get(counterId(plan.key));
          if (after === undefined) {
            throw new CapRefusal(capState(plan, await readCounter(trx, plan.key)));
          }
          if (crossesSoftLimit(plan, after, amountNanos)) {
            softLimitCrossed.push(capState(plan, after));
          }
        }
        return { admitted: true, reservationId, replayed: false, softLimitCrossed };
      });
    } catch (error) {
      if (error instanceof CapRefusal) {
        return { admitted: false, cap: error.cap };
      }
      throw error;
    }
  }

  /**
   * Charges `actualUsd` in place of the hold and records the usage event, once: a later settle
   * of the same attempt changes nothing and returns the first result. A reservation the reaper
   * expired is still charged (the call did happen); one the caller released is not. The cost
   * is charged even above a cap: it was incurred. Throws NotFoundError when the attempt never
   * reserved.
   */
  async settle(input: SettleInput): Promise<SettleResult> {
    const actualNanos = usdToNanos(input.actualUsd);
    const nowIso = this.now().toISOString();
    return inWriteTransaction(this.db, this.dialect, async (trx) => {
      const [claimed] = await CLAIM_SETTLE.execute(trx, this.dialect, [actualNanos, nowIso, input.requestId, input.attempt]);
      if (claimed === undefined) {
        const existing = await this.lockReservation(trx, input);
        if (existing === undefined) {
          throw new NotFoundError({ entity: 'reservation', id: `${input.requestId}#${input.attempt}`, tenantId: input.tenantId });
        }
        return existing.status === 'settled'
          ? { status: 'settled', reservationId: existing.id, actualUsd: nanosToUsd(toSafeInteger(existing.actual_nanos)), replayed: true, late: existing.released_at !== null }
          : { status: 'released', reservationId: existing.id };
      }
      // An expired hold was already freed by the reaper (released_at is set exactly then).
      const late = claimed.released_at !== null;
      const heldNanos = late ? 0 : toSafeInteger(claimed.amount_nanos);
      await adjustCounters(trx, this.dialect, parseCounters(claimed.counters), { spentNanos: actualNanos, reservedNanos: -heldNanos }, nowIso);
      await insertUsageEvent(trx, this.dialect, {
        requestId: input.requestId,
        attempt: input.attempt,
        tenantId: input.tenantId,
        userId: input.userId,
        keyId: input.keyId,
        provider: input.provider,
        model: input.model,
        inputTokens: input.inputTokens,
        outputTokens: input.outputTokens,
        cachedTokens: input.cachedTokens,
        costNanos: actualNanos,
        occurredAt: nowIso,
      });
      return { status: 'settled', reservationId: claimed.id, actualUsd: nanosToUsd(actualNanos), replayed: false, late };
    });
  }

  /** Frees the attempt's hold after a failed call. Idempotent; never undoes a settle. */
  async release(key: AttemptKey): Promise<ReleaseResult> {
    return this.freeHold(key, 'released', this.now().toISOString());
  }

  /**
   * Moves the attempt's expiry (a long stream or a batch job still running), so the reaper
   * leaves its hold alone. False when it holds nothing any more.
   */
  async extend(key: AttemptKey, expiresAt: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('spend_reservations')
      .set({ expires_at: expiresAt.toISOString() })
      .where('request_id', '=', key.requestId)
      .where('attempt', '=', key.attempt)
      .where('status', '=', 'reserved')
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /**
   * Frees holds whose expiry is at or before `now` (status `expired`); returns how many. Run it
   * periodically from one or more processes: each hold is freed once, whoever gets there first.
   */
  async reapExpired(options: ReapOptions = {}): Promise<number> {
    const nowIso = (options.now ?? this.now()).toISOString();
    const due = await this.db
      .selectFrom('spend_reservations')
      .select(['request_id', 'attempt'])
      .where('status', '=', 'reserved')
      .where('expires_at', '<=', nowIso)
      .orderBy('expires_at')
      .limit(options.limit ?? DEFAULT_REAP_LIMIT)
      .execute();
    let reaped = 0;
    for (const row of due) {
      const result = await this.freeHold({ requestId: row.request_id, attempt: row.attempt }, 'expired', nowIso);
      reaped += result.replayed ? 0 : 1;
    }
    return reaped;
  }

  /** Where each cap stands in its current period (for headers, dashboards and alerts). */
  async capStates(scopes: readonly CapScope[]): Promise<CapState[]> {
    const states: CapState[] = [];
    for (const plan of planCaps(scopes, this.now())) {
      states.push(capState(plan, await readCounter(this.db, plan.key)));
    }
    return states;
  }

  /** The attempt's reservation, or undefined if it never reserved. */
  async findReservation(key: AttemptKey): Promise<ReservationRecord | undefined> {
    const row = await this.db.selectFrom('spend_reservations').selectAll().where('request_id', '=', key.requestId).where('attempt', '=', key.attempt).executeTakeFirst();
    return row === undefined ? undefined : toReservationRecord(row);
  }

  /** Frees a live hold as `status`; with `expired`, only if its expiry is at or before `nowIso`. */
  private async freeHold(key: AttemptKey, status: 'released' | 'expired', nowIso: string): Promise<ReleaseResult> {
    return inWriteTransaction(this.db, this.dialect, async (trx) => {
      const freed = await trx
        .updateTable('spend_reservations')
        .set({ status, released_at: nowIso })
        .where('request_id', '=', key.requestId)
        .where('attempt', '=', key.attempt)
        .where('status', '=', 'reserved')
        .$if(status === 'expired', (query) => query.where('expires_at', '<=', nowIso))
        .returning(['id', 'amount_nanos', 'counters'])
        .executeTakeFirst();
      if (freed === undefined) {
        const existing = await this.lockReservation(trx, key);
        return existing === undefined ? { status: 'not-found', replayed: true } : { status: existing.status, reservationId: existing.id, replayed: true };
      }
      await adjustCounters(trx, this.dialect, parseCounters(freed.counters), { spentNanos: 0, reservedNanos: -toSafeInteger(freed.amount_nanos) }, nowIso);
      return { status, reservationId: freed.id, replayed: false };
    });
  }

  /** Reads the attempt's reservation, locking its row on Postgres until the transaction ends. */
  private lockReservation(trx: Kysely<StoreSchema>, key: AttemptKey): Promise<Selectable<SpendReservationsTable> | undefined> {
    return trx
      .selectFrom('spend_reservations')
      .selectAll()
      .where('request_id', '=', key.requestId)
      .where('attempt', '=', key.attempt)
      .$if(this.dialect === 'postgres', (query) => query.forUpdate())
      .executeTakeFirst();
  }
}
