import { loadConfig } from '#libs/config';
import { parseSuite } from '#libs/eval';
import { RouteTable } from '#libs/routes';
import { ModelRegistry } from '../chat/model-registry.js';
import { createScoreEvalQuery } from './score-eval-query.activity.js';

const config = loadConfig({ env: {}, cwd: '/nonexistent-so-no-ballast-yaml-is-read', overrides: { environment: 'test' } });
const routes = new RouteTable({ routes: config.routes, rules: config.routing, catalog: config.catalog, providers: config.providers });

test('without a configured judge a rubric is reported as not graded, so its query is incomplete, never passed', async () => {
  const [query] = parseSuite({ suite: 's', queries: [{ id: 'q', question: 'Are fees refunded?', assert: [{ type: 'contains-any', value: ['refunded'] }, { type: 'llm-rubric', value: 'Says no.' }] }] }).queries;
  const score = createScoreEvalQuery({ routes, models: new ModelRegistry(config.providers), catalog: config.catalog });
  const result = await score({ runId: 'r', query: query!, observation: { answer: 'Fees are not refunded.', citations: 1, latencyMs: 10, costUsd: 0 } });
  expect(result.status).toBe('incomplete');
  expect(result.pass).toBe(false);
  expect(result.assertions.map((assertion) => [assertion.type, assertion.status])).toEqual([
    ['contains-any', 'pass'],
    ['llm-rubric', 'skipped'],
  ]);
  expect(result.reason).toBe('llm-rubric skipped: no rubric grader configured');
});
