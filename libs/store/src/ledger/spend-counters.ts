import { sql, type Kysely } from 'kysely';
import type { StoreSchema } from '../schema.js';
import type { StoreDialect } from '../store-dialect.js';
import type { CapScopeKind } from './cap-scope.js';
import { toSafeInteger } from './micro-usd.js';
import { ReusableStatement, valueRows } from './reusable-statement.js';

/** Primary key of a counter row. */
export interface CounterKey {
  readonly scope: CapScopeKind;
  readonly subject: string;
  readonly period: string;
}

/** A counter's amounts, in micro-dollars. */
export interface CounterAmounts {
  readonly spentMicros: number;
  readonly reservedMicros: number;
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
  readonly limitMicros: number;
}

/**
 * Adds `amountMicros` to the reserved amount of every counter in `holds` whose
 * spent + reserved + amount stays at or under its limit, creating rows as needed, in one
 * statement; returns the amounts after the hold of each counter it held, by `counterId`.
 * A counter missing from the result refused, and the caller must roll back the transaction
 * (the others were held). One statement is what makes it safe under concurrency: Postgres
 * locks the rows in the order given (pass them in lock order) and re-checks the condition on
 * each row as committed by any transaction it waited for; SQLite runs it inside BEGIN
 * IMMEDIATE. The caller checks that `amountMicros <= limitMicros` first: a new row is
 * inserted without the condition.
 */
export async function holdOnCounters(trx: Kysely<StoreSchema>, dialect: StoreDialect, holds: readonly CounterHold[], amountMicros: number, nowIso: string): Promise<Map<string, CounterAmounts>> {
  if (holds.length === 0) {
    return new Map();
  }
  const values = holds.flatMap((hold) => [hold.key.scope, hold.key.subject, hold.key.period, 0, amountMicros, hold.limitMicros, nowIso]);
  const rows = await HOLD_ON_COUNTERS.execute(trx, dialect, values, String(holds.length));
  return new Map(rows.map((row) => [counterId(row), { spentMicros: toSafeInteger(row.spent_micros), reservedMicros: toSafeInteger(row.reserved_micros) }]));
}

const HOLD_ON_COUNTERS = new ReusableStatement<CounterKey & { spent_micros: number | string; reserved_micros: number | string }>(
  'hold on counters',
  (values) => sql`insert into spend_counters (scope, subject, period, spent_micros, reserved_micros, limit_micros, updated_at)
    values ${valueRows(values, 7)}
    on conflict (scope, subject, period) do update set
      reserved_micros = spend_counters.reserved_micros + excluded.reserved_micros,
      limit_micros = excluded.limit_micros,
      updated_at = excluded.updated_at
    where spend_counters.spent_micros + spend_counters.reserved_micros + excluded.reserved_micros <= excluded.limit_micros
    returning scope, subject, period, spent_micros, reserved_micros`,
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
  change: { readonly spentMicros: number; readonly reservedMicros: number },
  nowIso: string,
): Promise<void> {
  if (keys.length === 0) {
    return;
  }
  const values = [...keys.flatMap((key) => [key.scope, key.subject, key.period, change.spentMicros, Math.max(0, change.reservedMicros), null, nowIso]), change.reservedMicros];
  await ADJUST_COUNTERS.execute(trx, dialect, values, String(keys.length));
}

/** Values: seven per row, then the change of the reserved amount for rows that exist. */
const ADJUST_COUNTERS = new ReusableStatement<never>(
  'adjust counters',
  (values) => sql`insert into spend_counters (scope, subject, period, spent_micros, reserved_micros, limit_micros, updated_at)
    values ${valueRows(values.slice(0, -1), 7)}
    on conflict (scope, subject, period) do update set
      spent_micros = spend_counters.spent_micros + excluded.spent_micros,
      reserved_micros = spend_counters.reserved_micros + ${values[values.length - 1]},
      updated_at = excluded.updated_at`,
);

/** The counter's amounts; zero for a period nothing was reserved in yet. */
export async function readCounter(db: Kysely<StoreSchema>, key: CounterKey): Promise<CounterAmounts> {
  const row = await db
    .selectFrom('spend_counters')
    .select(['spent_micros', 'reserved_micros'])
    .where('scope', '=', key.scope)
    .where('subject', '=', key.subject)
    .where('period', '=', key.period)
    .executeTakeFirst();
  return row === undefined ? { spentMicros: 0, reservedMicros: 0 } : { spentMicros: toSafeInteger(row.spent_micros), reservedMicros: toSafeInteger(row.reserved_micros) };
}
