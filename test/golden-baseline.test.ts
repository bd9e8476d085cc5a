import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSuite, readBaseline } from '#libs/eval';
import { projectRoot } from '#libs/project';

const root = projectRoot();

test('demo/golden.baseline.json is a recorded run of demo/golden.yaml that CI can compare against', () => {
  const suite = loadSuite(readFileSync(join(root, 'demo', 'golden.yaml'), 'utf8'));
  const text = readFileSync(join(root, 'demo', 'golden.baseline.json'), 'utf8');
  const baseline = readBaseline(text);
  const report = JSON.parse(text) as { suite: string; results: Array<{ id: string }> };
  expect(report.suite).toBe(suite.suite);
  // Every query of the suite was run; the passed ones are queries of the suite.
  expect(report.results.map((result) => result.id)).toEqual(suite.queries.map((query) => query.id));
  const ids = new Set(suite.queries.map((query) => query.id));
  expect(baseline.passedIds?.every((id) => ids.has(id))).toBe(true);
  expect(baseline.passRate).toBeCloseTo((baseline.passedIds?.length ?? 0) / suite.queries.length, 10);
});
