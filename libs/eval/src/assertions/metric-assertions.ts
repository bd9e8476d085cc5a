import { formatMs, formatUnitCost } from '#libs/observability';
import { citationCount, type Observation } from '../observation.js';
import { type AssertionOf } from '../suite-schema.js';
import { type Outcome } from './assertion-result.js';

/** `groundedness`: the validator's score at or above the threshold; skipped when validation did not run. */
export function checkGroundedness(assertion: AssertionOf<'groundedness'>, observation: Observation): Outcome {
  const expected = `≥ ${assertion.threshold.toFixed(2)}`;
  const score = observation.groundedness;
  if (score === undefined || !Number.isFinite(score)) return { status: 'skipped', expected, actual: 'none', reason: 'no groundedness score (answer validation did not run)' };
  const actual = score.toFixed(2);
  return score >= assertion.threshold
    ? { status: 'pass', expected, actual, reason: `groundedness ${actual} ≥ ${assertion.threshold.toFixed(2)}` }
    : { status: 'fail', expected, actual, reason: `groundedness ${actual} < ${assertion.threshold.toFixed(2)}` };
}

/** `citations`: at least `min` (default 1) distinct sources cited. */
export function checkCitations(assertion: AssertionOf<'citations'>, observation: Observation): Outcome {
  const min = assertion.min ?? 1;
  const count = citationCount(observation.citations);
  const expected = `≥ ${min} cited source${min === 1 ? '' : 's'}`;
  const actual = `${count} cited`;
  return count >= min ? { status: 'pass', expected, actual, reason: `cites ${count} source${count === 1 ? '' : 's'}` } : { status: 'fail', expected, actual, reason: `cites ${count} source${count === 1 ? '' : 's'}, wants at least ${min}` };
}

/** `latency`: the answer took at most `threshold` ms. */
export function checkLatency(assertion: AssertionOf<'latency'>, observation: Observation): Outcome {
  return bound('latency', observation.latencyMs, assertion.threshold, formatMs);
}

/** `cost`: the answer cost at most `threshold` USD. */
export function checkCost(assertion: AssertionOf<'cost'>, observation: Observation): Outcome {
  return bound('cost', observation.costUsd, assertion.threshold, formatUnitCost);
}

function bound(name: string, value: number, threshold: number, format: (value: number) => string): Outcome {
  const expected = `≤ ${format(threshold)}`;
  if (!Number.isFinite(value)) return { status: 'skipped', expected, actual: 'none', reason: `no ${name} measured` };
  const actual = format(value);
  return value <= threshold ? { status: 'pass', expected, actual, reason: `${name} ${actual} ≤ ${format(threshold)}` } : { status: 'fail', expected, actual, reason: `${name} ${actual} > ${format(threshold)}` };
}
