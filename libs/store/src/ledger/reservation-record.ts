import type { Selectable } from 'kysely';
import type { SpendReservationsTable } from '../schema.js';
import { nanosToUsd, toSafeInteger } from './nano-usd.js';
import type { ReservationStatus } from './reservation-status.js';
import type { CounterKey } from './spend-counters.js';

/** A reservation as stored, for operators and tests. */
export interface ReservationRecord {
  readonly id: string;
  readonly requestId: string;
  readonly attempt: number;
  readonly status: ReservationStatus;
  readonly amountUsd: number;
  /** Set by the first settle. */
  readonly actualUsd?: number;
  /** The counter rows the amount is (or was) held on. */
  readonly counters: readonly CounterKey[];
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly releasedAt?: string;
  readonly settledAt?: string;
}

/** Reads the `counters` column. */
export function parseCounters(json: string): CounterKey[] {
  return JSON.parse(json) as CounterKey[];
}

/** Reads a stored row into a record. */
export function toReservationRecord(row: Selectable<SpendReservationsTable>): ReservationRecord {
  return {
    id: row.id,
    requestId: row.request_id,
    attempt: row.attempt,
    status: row.status,
    amountUsd: nanosToUsd(toSafeInteger(row.amount_nanos)),
    ...(row.actual_nanos === null ? {} : { actualUsd: nanosToUsd(toSafeInteger(row.actual_nanos)) }),
    counters: parseCounters(row.counters),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    ...(row.released_at === null ? {} : { releasedAt: row.released_at }),
    ...(row.settled_at === null ? {} : { settledAt: row.settled_at }),
  };
}
