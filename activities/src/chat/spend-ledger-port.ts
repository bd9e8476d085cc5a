import type { BudgetPolicy } from '#libs/access';
import type { SpendLedger } from '#libs/store';

/** What provider calls charge: the ledger and the configured caps (absent: nothing is charged). */
export interface SpendDependencies {
  readonly ledger: Pick<SpendLedger, 'reserve' | 'settle' | 'release'>;
  readonly budgets: BudgetPolicy;
  /** Told when a reservation crosses a cap's soft limit (alerts arrive with observability). */
  readonly onSoftLimit?: (crossed: readonly { readonly scope: string; readonly subject: string; readonly limitUsd: number; readonly spentUsd: number }[]) => void;
}

/**
 * The ledger's idempotency key of one provider attempt: the request plus target and attempt
 * (a request tries at most 10 attempts per target), so a retried activity reserves afresh and
 * a replayed one finds its own reservation.
 */
export function ledgerAttempt(requestId: string, targetIndex: number, attempt: number): { requestId: string; attempt: number } {
  return { requestId, attempt: targetIndex * 100 + attempt };
}
