import { sql, type Kysely } from 'kysely';
import type { StoreSchema } from '../schema.js';
import type { StoreDialect } from '../store-dialect.js';
import type { CapScopeKind } from './cap-scope.js';
import { toSafeInteger } from './nano-usd.js';
import { ReusableStatement, valueRows } from './reusable-statement.js';

/** Primary key of a counter row. */
export interface CounterKey {
  readonly scope: CapScopeKind;
  readonly subject: string;
  readonly period: string;
}

/** A counter's amounts, in nano-dollars. */
export interface CounterAmounts {
  readonly spentNanos: number;
  readonly reservedNanos: number;
}

/**
 * The one order in which every ledger transaction locks counter rows, so that two Postgres
 * transactions holding different caps of the same request can never wait on each other.
 */
export function compareCounterKeys(left: CounterKey, right: CounterKey): number {
  return compare(left.scope, right.scope) || compare(left.subject, right.subject) || compare(left.period, right.period);
}

function compare(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

/** A cap to hold an amount on: its counter row and its limit. */
export interface CounterHold {
  readonly key: CounterKey;
  readonly limitNanos: number;
}

/**
 * Adds `amountNanos` to the reserved amount of every counter in `holds` whose
 * spent + reserved + amount stays at or under its limit, creating rows as needed, in one
 * statement; returns the amounts after the hold of each counter it held, by `counterId`.
 * A counter missing from the result refused, and the caller must roll back the transaction
 * (the others were held). One statement is what makes it safe under concurrency: Postgres
 * locks the rows in the order given (pass them in lock order) and re-checks the condition on
 * each row as committed by any transaction it waited for; SQLite runs it inside BEGIN
 * IMMEDIATE. The caller checks that `amountNanos <= limitNanos` first: a new row is
 * inserted without the condition.
 */
export async function holdOnCounters(trx: Kysely<StoreSchema>, dialect: StoreDialect, holds: readonly CounterHold[], amountNanos: number, nowIso: string): Promise<Map<string, CounterAmounts>> {
  if (holds.length === 0) {
    return new Map();
  }
  const values = holds.flatMap((hold) => [hold.key.scope, hold.key.subject, hold.key.period, 0, amountNanos, hold.limitNanos, nowIso]);
  const rows = await HOLD_ON_COUNTERS.execute(trx, dialect, values, String(holds.length));
  return new Map(rows.map((row) => [counterId(row), { spentNanos: toSafeInteger(row.spent_nanos), reservedNanos: toSafeInteger(row.reserved_nanos) }]));
}

const HOLD_ON_COUNTERS = new ReusableStatement<CounterKey & { spent_nanos: number | string; reserved_nanos: number | string }>(
  'hold on counters',
  (values) => sql`insert into spend_counters (scope, subject, period, spent_nanos, reserved_nanos, limit_nanos, updated_at)
    values ${valueRows(values, 7)}
    on conflict (scope, subject, period) do update set
      reserved_nanos = spend_counters.reserved_nanos + excluded.reserved_nanos,
      limit_nanos = excluded.limit_nanos,
      updated_at = excluded.updated_at
    where spend_counters.spent_nanos + spend_counters.reserved_nanos + excluded.reserved_nanos <= excluded.limit_nanos
    returning scope, subject, period, spent_nanos, reserved_nanos`,
);

/** A counter key as one string, for maps. */
export function counterId(key: { readonly scope: string; readonly subject: string; readonly period: string }): string {
  return `${key.scope}\u0000${key.subject}\u0000${key.period}`;
}

/**
 * Moves amounts on counters without any limit check (settling a cost already incurred,
 * freeing a hold), in one statement; rows are locked in the order given.
 */
export async function adjustCounters(
  trx: Kysely<StoreSchema>,
  dialect: StoreDialect,
  keys: readonly CounterKey[],
  change: { readonly spentNanos: number; readonly reservedNanos: number },
  nowIso: string,
): Promise<void> {
  if (keys.length === 0) {
    return;
  }
  const values = [...keys.flatMap((key) => [key.scope, key.subject, key.period, change.spentNanos, Math.max(0, change.reservedNanos), null, nowIso]), change.reservedNanos];
  await ADJUST_COUNTERS.execute(trx, dialect, values, String(keys.length));
}

/** Values: seven per row, then the change of the reserved amount for rows that exist. */
const ADJUST_COUNTERS = new ReusableStatement<never>(
  'adjust counters',
  (values) => sql`insert into spend_counters (scope, subject, period, spent_nanos, reserved_nanos, limit_nanos, updated_at)
    values ${valueRows(values.slice(0, -1), 7)}
    on conflict (scope, subject, period) do update set
      spent_nanos = spend_counters.spent_nanos + excluded.spent_nanos,
      reserved_nanos = spend_counters.reserved_nanos + ${values[values.length - 1]},
      updated_at = excluded.updated_at`,
);

/** The counter's amounts; zero for a period nothing was reserved in yet. */
export async function readCounter(db: Kysely<StoreSchema>, key: CounterKey): Promise<CounterAmounts> {
  const row = await db
    .selectFrom('spend_counters')
    .select(['spent_nanos', 'reserved_nanos'])
    .where('scope', '=', key.scope)
    .where('subject', '=', key.subject)
    .where('period', '=', key.period)
    .executeTakeFirst();
  return row === undefined ? { spentNanos: 0, reservedNanos: 0 } : { spentNanos: toSafeInteger(row.spent_nanos), reservedNanos: toSafeInteger(row.reserved_nanos) };
}
