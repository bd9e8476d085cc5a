import { formatPercent } from '#libs/observability';
import { type QueryStatus } from './query-result.js';
import { type EvalSummary } from './summarize.js';
import { type EvalThresholds } from './suite-schema.js';

/** What a previous run is compared on: its summary (or the `summary` of its JSON report). */
export interface BaselineSummary {
  passRate: number;
  meanGroundedness?: number | null;
  passedIds?: readonly string[];
}

/** A query that passed in the baseline and does not now. */
export interface QueryRegression {
  id: string;
  status: Exclude<QueryStatus, 'pass'>;
  reason: string;
}

export interface MetricChange {
  current: number | null;
  baseline: number | null;
  /** current − baseline; null when either is missing. */
  delta: number | null;
}

export interface BaselineComparison {
  gate: 'pass' | 'fail';
  /** Why the gate failed; empty when it passed. */
  reasons: string[];
  /** Queries that passed in the baseline and fail now: listed, not gated on. */
  regressions: QueryRegression[];
  passRate: MetricChange;
  meanGroundedness: MetricChange;
}

/** Float noise must not trip a bound: 0.9 − 0.85 is 0.05000000000000004. */
const EPSILON = 1e-9;

/**
 * The CI gate. Fails when the pass rate is under `thresholds.passRate`, or when the pass rate or
 * the mean groundedness dropped by more than `thresholds.maxRegression` from the baseline.
 * Queries that passed in the baseline and fail now are listed as regressions without failing the
 * gate on their own. Without a baseline only the pass-rate bound applies.
 */
export function compareToBaseline(summary: EvalSummary, baseline: BaselineSummary | undefined, thresholds: EvalThresholds): BaselineComparison {
  const reasons: string[] = [];
  if (summary.queries === 0) reasons.push('no queries were evaluated');
  else if (summary.passRate < thresholds.passRate - EPSILON) {
    reasons.push(`pass rate ${formatPercent(summary.passRate)} is below the required ${formatPercent(thresholds.passRate)}`);
  }
  const passRate = change(summary.passRate, baseline?.passRate);
  const meanGroundedness = change(summary.meanGroundedness, baseline?.meanGroundedness);
  if (passRate.delta !== null && -passRate.delta > thresholds.maxRegression + EPSILON) {
    reasons.push(`pass rate dropped ${points(passRate.delta)} vs the baseline (${formatPercent(passRate.baseline ?? 0)} → ${formatPercent(summary.passRate)}), more than the allowed ${points(thresholds.maxRegression)}`);
  }
  if (meanGroundedness.delta !== null && -meanGroundedness.delta > thresholds.maxRegression + EPSILON) {
    reasons.push(
      `mean groundedness dropped ${Math.abs(meanGroundedness.delta).toFixed(2)} vs the baseline (${(meanGroundedness.baseline ?? 0).toFixed(2)} → ${(meanGroundedness.current ?? 0).toFixed(2)}), more than the allowed ${thresholds.maxRegression.toFixed(2)}`,
    );
  }
  const baselinePassed = new Set(baseline?.passedIds ?? []);
  const regressions = summary.failures.filter((failure) => baselinePassed.has(failure.id)).map(({ id, status, reason }) => ({ id, status, reason }));
  return { gate: reasons.length === 0 ? 'pass' : 'fail', reasons, regressions, passRate, meanGroundedness };
}

function change(current: number | null, baseline: number | null | undefined): MetricChange {
  const known = baseline === undefined || baseline === null || !Number.isFinite(baseline) ? null : baseline;
  return { current, baseline: known, delta: current === null || known === null ? null : current - known };
}

/** `5 points`: a change of a rate, in percentage points. */
function points(delta: number): string {
  const value = Number((Math.abs(delta) * 100).toFixed(1));
  return `${value} point${value === 1 ? '' : 's'}`;
}
