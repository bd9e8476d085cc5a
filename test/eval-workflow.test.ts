import { randomUUID } from 'node:crypto';
import { evalQueryWorkflowId, evalWorkflowId, parseSuite, type EvalRunOutcome, type EvalSuite, type EvalWorkflowInput } from '#libs/eval';
import { addPoliciesCollection, useTestStack } from './support/stack-suite.js';
import type { TestStack } from './support/test-stack.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies
type Json = Record<string, any>;

let stack: TestStack;
const MODEL = 'gpt-4.1-mini';
const JUDGE = 'gpt-4.1-nano';

useTestStack((started) => (stack = started), { config: { eval: { judge: { model: JUDGE, timeoutMs: 5_000 }, concurrency: 2 } } }, { setup: addPoliciesCollection });

/** Four queries over the returns policy: a fact, a follow-up turn, a rubric, and one bound to fail. */
const suite: EvalSuite = parseSuite({
  suite: 'returns',
  defaults: { model: MODEL, collections: ['policies'], assert: [{ type: 'latency', threshold: 20_000 }] },
  thresholds: { passRate: 0.5, maxRegression: 0.05 },
  queries: [
    { id: 'refund-window', tags: ['factual'], question: 'Within how many days of delivery are refunds accepted?', assert: [{ type: 'contains-all', value: ['30 days'] }, { type: 'citations', min: 1 }] },
    {
      id: 'follow-up',
      tags: ['multi-turn'],
      messages: [
        { role: 'user', content: 'I want to return a kettle.' },
        { role: 'assistant', content: 'Sure, what would you like to know?' },
        { role: 'user', content: 'Are opened items refunded as store credit?' },
      ],
      assert: [{ type: 'contains-any', value: ['store credit'] }],
    },
    { id: 'shipping-rubric', tags: ['rubric'], question: 'Are shipping fees refunded?', assert: [{ type: 'llm-rubric', value: 'Says shipping fees are not refunded.' }] },
    { id: 'bound-to-fail', tags: ['factual'], question: 'Within how many days of delivery are refunds accepted?', assert: [{ type: 'not-contains', value: ['30 days'] }] },
  ],
});

function runEval(input: Partial<EvalWorkflowInput> = {}): Promise<EvalRunOutcome> {
  const runId = input.runId ?? randomUUID();
  const args: EvalWorkflowInput = { runId, suite, caller: { tenantId: 'tenant-a', userId: 'eval', keyId: 'eval' }, trigger: 'api', concurrency: 2, ...input };
  return stack.client.workflow.execute('evalWorkflow', { taskQueue: stack.config.temporal.taskQueue, workflowId: evalWorkflowId(runId), args: [args] });
}

test('runs every query as its own chat workflow, scores it (rubrics by the judge, cost counted) and stores the reports', async () => {
  stack.simulator.setScenario(JUDGE, { replies: [JSON.stringify({ pass: true, reason: 'It says shipping fees are not refunded.' })] });
  const runId = randomUUID();
  const outcome = await runEval({ runId });

  expect(outcome.summary.failures).toEqual([{ id: 'bound-to-fail', status: 'fail', reason: expect.stringContaining('not-contains') }]);
  expect(outcome.summary).toMatchObject({ queries: 4, passed: 3, failed: 1, incomplete: 0, errored: 0 });
  expect(outcome.summary.graderCostUsd).toBeGreaterThan(0);
  expect(outcome.summary.costUsd).toBeGreaterThan(0);
  expect(outcome.comparison.gate).toBe('pass');

  // The follow-up went through the pipeline as a conversation, under the run's deterministic id.
  const followUp = await stack.client.workflow.getHandle(evalQueryWorkflowId(runId, 'follow-up')).describe();
  expect(followUp.status.name).toBe('COMPLETED');
  expect(followUp.type).toBe('chatWorkflow');

  const stored = await stack.rag.evalRuns.get(runId, { tenantId: 'tenant-a' });
  expect(stored).toMatchObject({ suite: 'returns', status: 'completed', trigger: 'api', queries: 4, completion: { passRate: 0.75, gate: 'pass' } });
  const report = JSON.parse(stored?.completion?.reportJson ?? '{}') as Json;
  const results = report['results'] as Json[];
  expect(results.map((result) => [result['id'], result['status']])).toEqual([
    ['refund-window', 'pass'],
    ['follow-up', 'pass'],
    ['shipping-rubric', 'pass'],
    ['bound-to-fail', 'fail'],
  ]);
  const refund = results[0] as Json;
  expect(refund['citations']).toBeGreaterThanOrEqual(1);
  expect(refund['latencyMs']).toBeGreaterThan(0);
  expect(refund['route']).toBe(MODEL);
  expect(stored?.completion?.reportMarkdown).toContain('bound-to-fail');
  expect(stored?.completion?.reportHtml).toContain('<html');
}, 120_000);

test('a judge that does not answer leaves the rubric not graded (never passed), and a drop from the baseline fails the gate', async () => {
  stack.simulator.setScenario(JUDGE, { replies: ['Looks good to me!'] });
  const outcome = await runEval({ baseline: { passRate: 1, meanGroundedness: null, passedIds: suite.queries.map((query) => query.id) } });

  expect(outcome.summary).toMatchObject({ passed: 2, failed: 1, incomplete: 1 });
  expect(outcome.summary.failures).toContainEqual({ id: 'shipping-rubric', status: 'incomplete', reason: expect.stringContaining('llm-rubric skipped') });
  expect(outcome.comparison.gate).toBe('fail');
  expect(outcome.comparison.reasons.join('\n')).toContain('pass rate dropped');
  expect(outcome.comparison.regressions.map((regression) => regression.id)).toEqual(['shipping-rubric', 'bound-to-fail']);
}, 120_000);

test('a query whose request fails is scored as an error with the reason, and the run still completes', async () => {
  const broken = parseSuite({ suite: 'broken', queries: [{ id: 'unknown-model', question: 'Hello?', model: 'no-such-model', assert: [{ type: 'contains-any', value: ['hello'] }] }] });
  const outcome = await runEval({ suite: broken });
  expect(outcome.summary).toMatchObject({ queries: 1, errored: 1, passRate: 0 });
  expect(outcome.summary.failures[0]?.reason).toMatch(/^request failed: /);
  expect(outcome.comparison.gate).toBe('fail');
}, 120_000);
