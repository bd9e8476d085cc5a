import { capPeriod, type CapScope, type CapState } from './cap-scope.js';
import { microsToUsd, usdToMicros } from './micro-usd.js';
import { compareCounterKeys, type CounterAmounts, type CounterKey } from './spend-counters.js';

/** A cap resolved for one reservation: its counter row and limit in micro-dollars. */
export interface PlannedCap {
  readonly cap: CapScope;
  readonly key: CounterKey;
  readonly limitMicros: number;
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
    const plan: PlannedCap = { cap, key: { scope: cap.scope, subject: cap.subject, period }, limitMicros: usdToMicros(cap.limitUsd), resetsAt };
    const id = `${cap.scope}\u0000${cap.subject}`;
    const previous = byKey.get(id);
    if (previous === undefined || plan.limitMicros < previous.limitMicros) {
      byKey.set(id, plan);
    }
  }
  return [...byKey.values()].sort((left, right) => compareCounterKeys(left.key, right.key));
}

/** True when holding `amountMicros` took the cap from below its soft limit to at or above it. */
export function crossesSoftLimit(plan: PlannedCap, after: CounterAmounts, amountMicros: number): boolean {
  if (plan.cap.softLimitRatio === undefined) {
    return false;
  }
  const threshold = Math.ceil(plan.limitMicros * plan.cap.softLimitRatio);
  const total = after.spentMicros + after.reservedMicros;
  return total >= threshold && total - amountMicros < threshold;
}

/** The cap's state for a caller, from its counter's amounts. */
export function capState(plan: PlannedCap, amounts: CounterAmounts): CapState {
  return {
    scope: plan.key.scope,
    subject: plan.key.subject,
    period: plan.key.period,
    limitUsd: microsToUsd(plan.limitMicros),
    spentUsd: microsToUsd(amounts.spentMicros),
    reservedUsd: microsToUsd(amounts.reservedMicros),
    remainingUsd: microsToUsd(Math.max(0, plan.limitMicros - amounts.spentMicros - amounts.reservedMicros)),
    resetsAt: plan.resetsAt,
  };
}
