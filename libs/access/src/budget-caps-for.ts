import { capScopesFor, type ApiKeyBudgets, type CapScope } from '#libs/store';

/** Dollar caps of a tenant, or of every user; an absent cap does not apply. */
export interface BudgetAmounts {
  readonly dailyUsd?: number | undefined;
  readonly monthlyUsd?: number | undefined;
}

/** The configured budgets (`config.budgets`); key budgets come from the key itself. */
export interface BudgetPolicy {
  readonly globalDailyUsd?: number | undefined;
  /** Fraction of each cap whose crossing is reported; absent: no soft-limit reports. */
  readonly softLimitRatio?: number | undefined;
  /** Caps per tenant id. */
  readonly tenants?: Readonly<Record<string, BudgetAmounts>> | undefined;
  /** Caps every user gets, counted per tenant and user. */
  readonly users?: BudgetAmounts | undefined;
}

/** Who a request is charged to, as authentication found them. */
export interface BudgetSubject {
  readonly tenantId: string;
  readonly userId?: string | undefined;
  /**
   * The key's lineage id (`Caller.keyId` of an authenticated request: for managed keys it is
   * the lineage, so a rotated key keeps its spend).
   */
  readonly keyId?: string | undefined;
  /** The key's own budgets (`ApiKeyRecord.budgets`); absent for config keys. */
  readonly keyBudgets?: ApiKeyBudgets | undefined;
}

/**
 * Every cap a request of `subject` is reserved against under `policy`: the global daily cap,
 * the tenant's caps, the per-user default caps and the key's own budgets, each only when set.
 * Pass the result to `SpendLedger.reserve({ scopes })`.
 */
export function budgetCapsFor(subject: BudgetSubject, policy: BudgetPolicy): CapScope[] {
  const tenant = policy.tenants?.[subject.tenantId];
  return capScopesFor(
    {
      tenantId: subject.tenantId,
      ...(subject.userId === undefined ? {} : { userId: subject.userId }),
      ...(subject.keyId === undefined ? {} : { keyId: subject.keyId }),
    },
    definedOnly({
      globalDailyUsd: policy.globalDailyUsd,
      tenantDailyUsd: tenant?.dailyUsd,
      tenantMonthlyUsd: tenant?.monthlyUsd,
      userDailyUsd: policy.users?.dailyUsd,
      userMonthlyUsd: policy.users?.monthlyUsd,
      keyDailyUsd: subject.keyBudgets?.dailyUsd,
      keyMonthlyUsd: subject.keyBudgets?.monthlyUsd,
      softLimitRatio: policy.softLimitRatio,
    }),
  );
}

/** Drops undefined members: `capScopesFor` reads a present member as a cap. */
function definedOnly<T extends Record<string, number | undefined>>(values: T): { [K in keyof T]?: number } {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as { [K in keyof T]?: number };
}
