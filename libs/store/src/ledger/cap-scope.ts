import type { BudgetCapFacts } from '#libs/contracts';
/** Which spend a cap limits, and over which UTC period: a day or a calendar month. */
export type CapScopeKind = 'global-day' | 'tenant-day' | 'tenant-month' | 'user-day' | 'user-month' | 'key-day' | 'key-month';

/** Every cap scope kind, broadest first. */
export const CAP_SCOPE_KINDS: readonly CapScopeKind[] = ['global-day', 'tenant-day', 'tenant-month', 'user-day', 'user-month', 'key-day', 'key-month'];

/** One cap a request is checked against. */
export interface CapScope {
  readonly scope: CapScopeKind;
  /** Whose spend: `*` for global caps, a tenant id, `tenant/user` for users, a key id for keys. */
  readonly subject: string;
  /** Hard limit: a reservation that would take spent + reserved above it is refused. */
  readonly limitUsd: number;
  /** Fraction of the limit (e.g. 0.8) whose crossing is reported so an alert can be raised. */
  readonly softLimitRatio?: number;
}

/**
 * A cap's position in its current period, as reported to a refused or alerted caller: the
 * contracts' shape, since a refusal travels through the workflow to the API.
 */
export type CapState = BudgetCapFacts;

/** The period a cap scope counts in at `now`, and when it ends. */
export interface CapPeriod {
  readonly period: string;
  readonly resetsAt: string;
}

/** The UTC day (`YYYY-MM-DD`) or month (`YYYY-MM`) containing `now`, per the scope's kind. */
export function capPeriod(scope: CapScopeKind, now: Date): CapPeriod {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const iso = now.toISOString();
  if (scope.endsWith('-month')) {
    return { period: iso.slice(0, 7), resetsAt: new Date(Date.UTC(year, month + 1, 1)).toISOString() };
  }
  return { period: iso.slice(0, 10), resetsAt: new Date(Date.UTC(year, month, now.getUTCDate() + 1)).toISOString() };
}
