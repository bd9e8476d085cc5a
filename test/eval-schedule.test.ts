import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVAL_SCHEDULE_ID } from '#apps/worker';
import type { EvalRunOutcome } from '#libs/eval';
import { startTestStack, testConfig, type TestStack } from './support/test-stack.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies
type Json = Record<string, any>;

let stack: TestStack;
let hooks: Server;
const webhookCalls: Json[] = [];
const directory = mkdtempSync(join(tmpdir(), 'ballast-eval-schedule-'));
const suitePath = join(directory, 'returns.yaml');
writeFileSync(
  suitePath,
  `suite: returns-scheduled
defaults: { collections: [returns] }
queries:
  - id: refund-window
    question: "Within how many days of delivery are refunds accepted?"
    assert: [{ type: contains-all, value: ["30 days"] }]
  - id: impossible
    question: "Are shipping fees refunded?"
    assert: [{ type: contains-all, value: ["a fact no answer states"] }]
`,
);
// The baseline beside the suite says both passed: this run's 50% is a drop of 50 points.
writeFileSync(join(directory, 'returns.baseline.json'), JSON.stringify({ summary: { passRate: 1, meanGroundedness: null, passedIds: ['refund-window', 'impossible'] } }));

beforeAll(async () => {
  hooks = createServer((request: IncomingMessage, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      webhookCalls.push(JSON.parse(body) as Json);
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => hooks.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(hooks.address() as AddressInfo).port}/hook`;
  stack = await startTestStack({
    config: {
      observability: { alerts: { webhooks: [{ name: 'ops', url }] } },
      eval: { schedule: { enabled: true, suite: suitePath, tenant: 'tenant-a', model: 'gpt-4.1-mini', drift: { webhooks: ['ops'], severity: 'critical' } } },
    },
  });
  expect((await stack.api('/v1/collections', { json: { name: 'returns' } })).status).toBe(201);
  const document = await stack.api('/v1/collections/returns/documents', {
    json: { title: 'Returns policy', media_type: 'text/plain', content: 'Refunds are accepted within 30 days of delivery. Shipping fees are not refunded.' },
  });
  await stack.client.workflow.getHandle(((await document.json()) as Json)['workflow_id'] as string).result();
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await new Promise((resolve) => hooks?.close(resolve));
}, 60_000);

test('the worker keeps a daily Schedule; a triggered run is stored as scheduled and raises the drift alert once, to its webhook', async () => {
  const schedule = stack.client.schedule.getHandle(EVAL_SCHEDULE_ID);
  const described = await schedule.describe();
  expect(described.spec.calendars?.[0]).toMatchObject({ hour: [{ start: 5, end: 5, step: 1 }], minute: [{ start: 0, end: 0, step: 1 }] });

  await schedule.trigger();
  const workflowId = await startedRun(schedule);
  const outcome = (await stack.client.workflow.getHandle(workflowId).result()) as EvalRunOutcome;
  expect(outcome.summary).toMatchObject({ queries: 2, passed: 1 });
  expect(outcome.comparison.passRate).toMatchObject({ current: 0.5, baseline: 1 });

  const run = await stack.rag.evalRuns.get(outcome.runId, { tenantId: 'tenant-a' });
  expect(run).toMatchObject({ suite: 'returns-scheduled', trigger: 'schedule', status: 'completed' });
  const report = JSON.parse(run?.completion?.reportJson ?? '{}') as Json;
  expect(report['results'].map((result: Json) => result['model'])).toEqual(['gpt-4.1-mini', 'gpt-4.1-mini']);

  const events = await stack.rag.alerts.events({ tenantId: 'tenant-a' });
  const drift = events.items.filter((event) => event.kind === 'eval-drift');
  expect(drift).toHaveLength(1);
  expect(drift[0]).toMatchObject({ notification: 'firing', severity: 'critical', subject: 'returns-scheduled', summary: expect.stringContaining('pass rate 100.0% → 50.0%') });
  expect(drift[0]?.deliveries).toEqual([expect.objectContaining({ webhook: 'ops', status: 204 })]);
  expect(webhookCalls).toHaveLength(1);
  expect(webhookCalls[0]?.['ballast']).toMatchObject({ kind: 'eval-drift', status: 'firing', subject: 'returns-scheduled', runId: outcome.runId });
}, 120_000);

test('the drift alert names only configured webhooks', () => {
  expect(() => testConfig('127.0.0.1:7233', 'http://127.0.0.1:4010', { eval: { schedule: { enabled: true, drift: { webhooks: ['nowhere'] } } } })).toThrow(
    "eval.schedule.drift.webhooks[0]: unknown webhook 'nowhere'",
  );
  expect(() => testConfig('127.0.0.1:7233', 'http://127.0.0.1:4010', { eval: { schedule: { cron: 'daily' } } })).toThrow('use five cron fields');
});

/** The id of the workflow the Schedule's latest action started (the trigger is acted on at once, but asynchronously). */
async function startedRun(schedule: ReturnType<TestStack['client']['schedule']['getHandle']>): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const action = (await schedule.describe()).info.recentActions.at(-1);
    if (action !== undefined) return action.action.workflow.workflowId;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the Schedule started nothing');
}
