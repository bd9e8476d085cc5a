import { summarize } from './summarize.js';
import { queryResult } from './testing/results.js';

describe('summarize', () => {
  it('aggregates pass rates, tags, groundedness, latency and cost', () => {
    const summary = summarize([
      queryResult('a', { tags: ['factual'], groundedness: 0.9, latencyMs: 100, costUsd: 0.01 }),
      queryResult('b', { tags: ['factual', 'numeric'], groundedness: 0.7, latencyMs: 300, costUsd: 0.02, graderCostUsd: 0.005 }),
      queryResult('c', { tags: ['numeric'], status: 'fail', latencyMs: 200, costUsd: 0.03 }),
      queryResult('d', { tags: ['refusal'], status: 'incomplete', latencyMs: 400 }),
      queryResult('e', { status: 'error', latencyMs: 5000, costUsd: 0, reason: 'request failed: X: y' }),
    ]);
    expect(summary).toMatchObject({ queries: 5, passed: 2, failed: 1, incomplete: 1, errored: 1, passRate: 0.4, latencyMs: { p50: 300, p95: 5000 }, passedIds: ['a', 'b'] });
    expect(summary.meanGroundedness).toBeCloseTo(0.8);
    expect(summary.costUsd).toBeCloseTo(0.061);
    expect(summary.graderCostUsd).toBeCloseTo(0.005);
    expect(summary.totalCostUsd).toBeCloseTo(0.066);
    expect(summary.byTag).toEqual({
      factual: { queries: 2, passed: 2, passRate: 1 },
      numeric: { queries: 2, passed: 1, passRate: 0.5 },
      refusal: { queries: 1, passed: 0, passRate: 0 },
    });
    expect(Object.keys(summary.byTag)).toEqual(['factual', 'numeric', 'refusal']);
    expect(summary.failures).toEqual([
      { id: 'c', status: 'fail', reason: 'c went wrong' },
      { id: 'd', status: 'incomplete', reason: 'd went wrong' },
      { id: 'e', status: 'error', reason: 'request failed: X: y' },
    ]);
  });

  it('handles no results and no groundedness', () => {
    expect(summarize([])).toMatchObject({ queries: 0, passRate: 0, meanGroundedness: null, latencyMs: { p50: null, p95: null }, totalCostUsd: 0, failures: [] });
    expect(summarize([queryResult('a')]).meanGroundedness).toBeNull();
  });
});
