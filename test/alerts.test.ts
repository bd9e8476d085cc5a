import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { ALERTS_SCHEDULE_ID, WEEKLY_REVIEW_SCHEDULE_ID } from '#apps/worker';
import { ADMIN_API_KEY, TEST_API_KEY, startTestStack, type TestStack } from './support/test-stack.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies
type Json = Record<string, any>;

/** A Slack-style webhook receiver that records every POST and answers with the next queued status (200 when none). */
class WebhookReceiver {
  readonly received: Json[] = [];
  readonly statuses: number[] = [];
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((request: IncomingMessage, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        this.received.push({ headers: request.headers, body: JSON.parse(body) as Json });
        response.statusCode = this.statuses.shift() ?? 200;
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/hooks/ops`;
  }

  async waitFor(count: number, timeoutMs = 30_000): Promise<Json[]> {
    for (let waited = 0; waited < timeoutMs; waited += 100) {
      if (this.received.length >= count) return this.received;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`expected ${count} webhook call(s), got ${this.received.length}`);
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

const receiver = new WebhookReceiver();
let stack: TestStack;

beforeAll(async () => {
  const url = await receiver.start();
  stack = await startTestStack({
    config: {
      // The failures below must not open the breaker: the recovery needs the provider right after.
      circuitBreaker: { failureThreshold: 1_000 },
      observability: {
        traces: { flushIntervalMs: 50 },
        dashboardUrl: 'https://ballast.example.com/dashboard/',
        alerts: {
          // Rounds are run by the test; the Schedule's own interval is long so it never races them.
          evaluateEvery: '1h',
          webhooks: [{ name: 'ops', url, headers: { 'x-hook-token': 'secret-token' } }],
          rules: [{ name: 'chat-errors', kind: 'error-rate', window: '10m', maxRate: 0.2, minRequests: 3, severity: 'critical', webhooks: ['ops'] }],
        },
        review: { minRequests: 1 },
      },
    },
  });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await receiver.stop();
}, 60_000);

async function chat(content: string): Promise<number> {
  const response = await fetch(`${stack.apiUrl}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'simple', messages: [{ role: 'user', content }] }),
  });
  await response.text();
  return response.status;
}

async function admin(path: string): Promise<Json> {
  const response = await fetch(`${stack.apiUrl}${path}`, { headers: { authorization: `Bearer ${ADMIN_API_KEY}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as Json;
}

async function tracesWritten(count: number): Promise<void> {
  for (let waited = 0; waited < 5_000; waited += 50) {
    if ((await stack.rag.traceAnalytics.totals({ scope: 'all-tenants', since: new Date(0), until: new Date(Date.now() + 60_000) })).requests >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`fewer than ${count} traces were written`);
}

/** One alert round, as the Schedule would start it. */
function evaluateRound(): Promise<Json> {
  return stack.client.workflow.execute('evaluateAlertsWorkflow', { taskQueue: stack.config.temporal.taskQueue, workflowId: `alerts-round-${randomUUID()}`, args: [] });
}

test('the worker keeps the alert and weekly-review Schedules in step with the configuration', async () => {
  const alerts = await stack.client.schedule.getHandle(ALERTS_SCHEDULE_ID).describe();
  expect(alerts.action).toMatchObject({ type: 'startWorkflow', workflowType: 'evaluateAlertsWorkflow' });
  expect(alerts.spec.intervals?.[0]?.every).toBe(3_600_000);
  const review = await stack.client.schedule.getHandle(WEEKLY_REVIEW_SCHEDULE_ID).describe();
  expect(review.spec.calendars?.[0]).toMatchObject({ dayOfWeek: [{ start: 'MONDAY', end: 'MONDAY' }], hour: [{ start: 6, end: 6 }] });
});

test('an error spike fires once to the webhook (retried when it fails), shows in /v1/alerts, and its recovery is notified', async () => {
  stack.simulator.setScenario('*', { faults: [{ kind: 'status', status: 503 }] });
  for (let index = 0; index < 4; index += 1) expect(await chat(`failing ${index}`)).toBe(502);
  stack.simulator.resetScenarios();
  await tracesWritten(4);

  // The webhook is down for the first delivery: the delivery activity retries it.
  receiver.statuses.push(500);
  const firing = await evaluateRound();
  expect(firing).toMatchObject({ firing: 1, notified: 1, undelivered: 0 });
  const [failedCall, delivered] = await receiver.waitFor(2);
  expect(failedCall?.body).toEqual(delivered?.body);
  expect(delivered?.headers['x-hook-token']).toBe('secret-token');
  expect(delivered?.body.text).toMatch(/^:red_circle: \[critical\]/);
  expect(delivered?.body.ballast).toMatchObject({ rule: 'chat-errors', kind: 'error-rate', status: 'firing', severity: 'critical' });
  expect(JSON.stringify(delivered?.body)).toContain('https://ballast.example.com/dashboard/');

  // Still failing: no second notification.
  expect(await evaluateRound()).toMatchObject({ firing: 1, notified: 0 });
  expect(receiver.received).toHaveLength(2);

  const listed = await admin('/v1/alerts');
  expect(listed.alerts[0]).toMatchObject({ rule: 'chat-errors', status: 'firing', severity: 'critical' });
  expect(listed.alerts[0].summary).toContain('%');
  expect(listed.notifications[0]).toMatchObject({ rule: 'chat-errors', notification: 'firing' });
  expect(listed.notifications[0].deliveries.map((delivery: Json) => delivery.status)).toEqual([500, 200]);
  expect((await admin('/v1/dashboard')).alerts[0]).toMatchObject({ status: 'firing' });

  // Twenty answers bring the error rate to 4/24 < 20%: one recovery notice.
  for (let index = 0; index < 20; index += 1) expect(await chat(`fine ${index}`)).toBe(200);
  await tracesWritten(24);
  expect(await evaluateRound()).toMatchObject({ firing: 0, notified: 1 });
  const calls = await receiver.waitFor(3);
  expect(calls[2]?.body.text).toMatch(/^:white_check_mark: resolved/);
  expect((await admin('/v1/alerts')).alerts[0]).toMatchObject({ status: 'ok' });
}, 120_000);

test('the Schedule itself starts a round when triggered', async () => {
  const before = (await admin('/v1/alerts')).alerts[0].evaluated_at as string;
  await stack.client.schedule.getHandle(ALERTS_SCHEDULE_ID).trigger();
  for (let waited = 0; waited < 20_000; waited += 200) {
    if ((await admin('/v1/alerts')).alerts[0].evaluated_at !== before) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the triggered schedule did not evaluate the rules within 20 s');
}, 30_000);

test('the weekly review ranks routes from the week’s traces and shows on the dashboard', async () => {
  const periodEnd = new Date(Date.now() + 60_000).toISOString();
  const written = await stack.client.workflow.execute('weeklyReviewWorkflow', { taskQueue: stack.config.temporal.taskQueue, workflowId: `review-${randomUUID()}`, args: [{ periodEnd }] });
  expect(written).toMatchObject({ id: `review-${periodEnd.slice(0, 10)}`, groups: 1 });
  const { review } = await admin('/v1/reviews/latest');
  expect(review.markdown).toContain('simple');
  expect(review.markdown).toMatch(/^# /);
  expect((await admin('/v1/dashboard')).review).toMatchObject({ id: written.id });
});
