import { capPeriod, type CapScope, type CapState } from './cap-scope.js';
import { nanosToUsd, usdToNanos } from './nano-usd.js';
import { compareCounterKeys, type CounterAmounts, type CounterKey } from './spend-counters.js';

/** A cap resolved for one reservation: its counter row and limit in nano-dollars. */
export interface PlannedCap {
  readonly cap: CapScope;
  readonly key: CounterKey;
  readonly limitNanos: number;
  readonly resetsAt: string;
}

/**
 * Resolves each cap to its counter row for the period containing `now`, in lock order. A cap
 * listed twice (same scope and subject) counts once, at its lowest limit.
 */
export function planCaps(scopes: readonly CapScope[], now: Date): PlannedCap[] {
  const byKey = new Map<string, PlannedCap>();
  for (const cap of scopes) {
    const { period, resetsAt } = capPeriod(cap.scope, now);
    const plan: PlannedCap = { cap, key: { scope: cap.scope, subject: cap.subject, period }, limitNanos: usdToNanos(cap.limitUsd), resetsAt };
    const id = `${cap.scope}\u0000${cap.subject}`;
    const previous = byKey.get(id);
    if (previous === undefined || plan.limitNanos < previous.limitNanos) {
      byKey.set(id, plan);
    }
  }
  return [...byKey.values()].sort((left, right) => compareCounterKeys(left.key, right.key));
}

/** True when holding `amountNanos` took the cap from below its soft limit to at or above it. */
export function crossesSoftLimit(plan: PlannedCap, after: CounterAmounts, amountNanos: number): boolean {
  if (plan.cap.softLimitRatio === undefined) {
    return false;
  }
  const threshold = Math.ceil(plan.limitNanos * plan.cap.softLimitRatio);
  const total = after.spentNanos + after.reservedNanos;
  return total >= threshold && total - amountNanos < threshold;
}

/** The cap's state for a caller, from its counter's amounts. */
export function capState(plan: PlannedCap, amounts: CounterAmounts): CapState {
  return {
    scope: plan.key.scope,
    subject: plan.key.subject,
    period: plan.key.period,
    limitUsd: nanosToUsd(plan.limitNanos),
    spentUsd: nanosToUsd(amounts.spentNanos),
    reservedUsd: nanosToUsd(amounts.reservedNanos),
    remainingUsd: nanosToUsd(Math.max(0, plan.limitNanos - amounts.spentNanos - amounts.reservedNanos)),
    resetsAt: plan.resetsAt,
  };
}
