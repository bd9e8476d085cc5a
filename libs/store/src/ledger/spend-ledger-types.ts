import type { UsageAttribution } from '../usage/usage-event.js';
import type { CapScope, CapState } from './cap-scope.js';
import type { ReservationStatus } from './reservation-status.js';

/** Identifies one attempt of one request: the ledger's idempotency key. */
export interface AttemptKey {
  /** The gateway's request id (stable across retries of the whole request). */
  readonly requestId: string;
  /** 1 for the first call to a provider, +1 for each retry or fallback. */
  readonly attempt: number;
}

/** What `SpendLedger.reserve` holds, and against which caps. */
export interface ReserveInput extends AttemptKey {
  /** Every cap that applies; all are held or none is. */
  readonly scopes: readonly CapScope[];
  /** Worst-case cost of the call (max output tokens at the model's price). */
  readonly amountUsd: number;
  /** When the reaper may release the hold if nobody settled or released it. */
  readonly expiresAt: Date;
}

/** The outcome of `reserve`. */
export type ReserveResult = ReserveAdmitted | ReserveRefused;

/** The amount is held on every cap. */
export interface ReserveAdmitted {
  readonly admitted: true;
  readonly reservationId: string;
  /** True when this attempt had already reserved (or settled): nothing new was held. */
  readonly replayed: boolean;
  /** Caps whose soft limit this reservation crossed (spent + reserved went from below to at or above it). */
  readonly softLimitCrossed: readonly CapState[];
}

/** Nothing is held: `cap` would have been crossed. */
export interface ReserveRefused {
  readonly admitted: false;
  /** The first cap (in lock order) the amount does not fit under, as it stood. */
  readonly cap: CapState;
}

/** The real cost and usage of an attempt, reported once the call is over. */
export interface SettleInput extends AttemptKey, UsageAttribution {
  readonly actualUsd: number;
}

/** The outcome of `settle`. */
export type SettleResult =
  | {
      readonly status: 'settled';
      readonly reservationId: string;
      /** The cost charged by the first settle (a replay reports that one, not its own input). */
      readonly actualUsd: number;
      /** True when an earlier settle already charged this attempt: nothing changed. */
      readonly replayed: boolean;
      /** True when the reservation had expired before the settle: the cost was charged without a hold. */
      readonly late: boolean;
    }
  | {
      /** The caller released this attempt as failed: nothing is charged. */
      readonly status: 'released';
      readonly reservationId: string;
    };

/** The outcome of `release`. */
export interface ReleaseResult {
  /** The reservation's status after the call; `not-found` when the attempt never reserved. */
  readonly status: ReservationStatus | 'not-found';
  readonly reservationId?: string;
  /** True when this call changed nothing (already released, expired, settled, or unknown). */
  readonly replayed: boolean;
}

/** Options of `SpendLedger.reapExpired`. */
export interface ReapOptions {
  /** Reservations that expired at or before this instant are released (default: the ledger's clock). */
  readonly now?: Date;
  /** At most this many per call (default 500). */
  readonly limit?: number;
}
