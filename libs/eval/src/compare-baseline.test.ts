import { compareToBaseline } from './compare-baseline.js';
import { summarize } from './summarize.js';
import { queryResult } from './testing/results.js';

const thresholds = { passRate: 0.8, maxRegression: 0.05 };

/** `passing` of `total` queries passing (ids q0…), each with groundedness `groundedness`. */
function run(passing: number, total: number, groundedness = 0.9) {
  return summarize(Array.from({ length: total }, (_, index) => queryResult(`q${index}`, { status: index < passing ? 'pass' : 'fail', groundedness })));
}

describe('compareToBaseline', () => {
  it('passes within the bounds, listing queries that regressed without gating on them', () => {
    const baseline = { passRate: 0.9, meanGroundedness: 0.9, passedIds: ['q0', 'q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9', 'q17'] };
    const comparison = compareToBaseline(run(17, 20), baseline, thresholds);
    expect(comparison).toMatchObject({ gate: 'pass', reasons: [], regressions: [{ id: 'q17', status: 'fail', reason: 'q17 went wrong' }] });
    expect(comparison.passRate.delta).toBeCloseTo(-0.05);
    expect(comparison.meanGroundedness).toMatchObject({ current: 0.9, baseline: 0.9 });
  });

  it('fails under the pass-rate threshold', () => {
    const comparison = compareToBaseline(run(15, 20), undefined, thresholds);
    expect(comparison).toMatchObject({ gate: 'fail', reasons: ['pass rate 75% is below the required 80%'], regressions: [] });
    expect(comparison.passRate).toEqual({ current: 0.75, baseline: null, delta: null });
    expect(compareToBaseline(run(16, 20), undefined, thresholds).gate).toBe('pass');
  });

  it('fails when the pass rate drops more than maxRegression', () => {
    const comparison = compareToBaseline(run(17, 20), { passRate: 0.95 }, thresholds);
    expect(comparison.gate).toBe('fail');
    expect(comparison.reasons).toEqual(['pass rate dropped 10 points vs the baseline (95% → 85%), more than the allowed 5 points']);
  });

  it('fails when mean groundedness drops more than maxRegression', () => {
    const comparison = compareToBaseline(run(20, 20, 0.8), { passRate: 1, meanGroundedness: 0.9 }, thresholds);
    expect(comparison.reasons).toEqual(['mean groundedness dropped 0.10 vs the baseline (0.90 → 0.80), more than the allowed 0.05']);
    expect(compareToBaseline(run(20, 20, 0.86), { passRate: 1, meanGroundedness: 0.91 }, thresholds).gate).toBe('pass');
    expect(compareToBaseline(run(20, 20, 0.5), { passRate: 1, meanGroundedness: null }, thresholds).gate).toBe('pass');
  });

  it('fails with nothing evaluated', () => {
    expect(compareToBaseline(summarize([]), undefined, thresholds)).toMatchObject({ gate: 'fail', reasons: ['no queries were evaluated'] });
  });
});
