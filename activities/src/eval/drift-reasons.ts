import type { BaselineComparison, EvalThresholds } from '#libs/eval';

/** Float noise must not trip the bound (as in `compareToBaseline`). */
const EPSILON = 1e-9;

/**
 * Why a run drifted from its baseline: its pass rate or mean groundedness dropped by more than
 * `maxRegression`. The absolute pass-rate bar is the CI gate's business, not drift: a suite
 * that never met it does not drift by staying there.
 */
export function driftReasons(comparison: BaselineComparison, thresholds: EvalThresholds): string[] {
  const reasons: string[] = [];
  const { passRate, meanGroundedness } = comparison;
  if (passRate.delta !== null && -passRate.delta > thresholds.maxRegression + EPSILON) {
    reasons.push(`pass rate ${percent(passRate.baseline)} → ${percent(passRate.current)}`);
  }
  if (meanGroundedness.delta !== null && -meanGroundedness.delta > thresholds.maxRegression + EPSILON) {
    reasons.push(`mean groundedness ${(meanGroundedness.baseline ?? 0).toFixed(2)} → ${(meanGroundedness.current ?? 0).toFixed(2)}`);
  }
  return reasons;
}

function percent(value: number | null): string {
  return value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`;
}
