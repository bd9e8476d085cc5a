import { readBaseline } from './read-baseline.js';
import { toJsonReport } from './reports/json-report.js';
import { summarize } from './summarize.js';
import { queryResult } from './testing/results.js';

describe('readBaseline', () => {
  it('reads the summary of a JSON report or a bare summary', () => {
    const results = [queryResult('a', { groundedness: 0.8 }), queryResult('b', { status: 'fail' })];
    const summary = summarize(results);
    expect(readBaseline(toJsonReport(summary, results))).toEqual({ passRate: 0.5, meanGroundedness: 0.8, passedIds: ['a'] });
    expect(readBaseline(JSON.stringify({ passRate: 0.9 }))).toEqual({ passRate: 0.9 });
  });

  it('says what is wrong', () => {
    expect(() => readBaseline('{')).toThrow(/not JSON/);
    expect(() => readBaseline('{"summary": {"passRate": "high"}}')).toThrow(/Invalid eval baseline: .*passRate/s);
  });
});
