import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBatchCommand } from '../apps/cli/src/commands/batch/run-batch-command.js';
import { BatchRetention } from '../apps/api/src/batches/batch-retention.js';
import { computeCostUsd } from '#libs/models';
import { ADMIN_API_KEY, OTHER_TENANT_KEY, startTestStack, type TestStack } from './support/test-stack.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies
type Json = Record<string, any>;

let stack: TestStack;
let hooks: Server;
const webhookCalls: Json[] = [];

beforeAll(async () => {
  hooks = createServer((request: IncomingMessage, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      webhookCalls.push(JSON.parse(body) as Json);
      response.writeHead(webhookCalls.length === 1 ? 500 : 204).end();
    });
  });
  await new Promise<void>((resolve) => hooks.listen(0, '127.0.0.1', resolve));
  // Tenant B can afford almost nothing: its provider-mode lines are refused at reservation.
  stack = await startTestStack({ config: { batch: { pollIntervalMs: 200, maxPollIntervalMs: 500, queued: { concurrency: 4, sliceSize: 3 } }, budgets: { tenants: { 'tenant-b': { dailyUsd: 0.000001 } } } } });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await new Promise((resolve) => hooks?.close(resolve));
}, 60_000);

const chatLine = (customId: string, content: string, extra: Json = {}) =>
  JSON.stringify({ custom_id: customId, method: 'POST', url: '/v1/chat/completions', body: { model: 'gpt-4.1-mini', max_tokens: 60, messages: [{ role: 'user', content }], ...extra } });

function submitJsonl(lines: readonly string[], query: string, key?: string): Promise<Response> {
  return stack.api(`/v1/batches?${query}`, { method: 'POST', headers: { 'content-type': 'application/jsonl' }, body: lines.join('\n'), ...(key ? { key } : {}) });
}

async function waitForStatus(id: string, statuses: readonly string[], timeoutMs = 60_000): Promise<Json> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const batch = (await (await stack.api(`/v1/batches/${id}`)).json()) as Json;
    if (statuses.includes(batch['status'])) return batch;
    if (Date.now() > deadline) throw new Error(`batch ${id} still ${batch['status']}: ${JSON.stringify(batch['request_counts'])}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

async function results(id: string): Promise<Json[]> {
  const response = await stack.api(`/v1/batches/${id}/results`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('application/jsonl');
  return (await response.text())
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Json);
}

async function usageOf(tenantId: string): Promise<Json> {
  const from = new Date().toISOString().slice(0, 10);
  const response = await stack.api(`/v1/usage?group_by=model&from=${from}&tenant_id=${tenantId}`, { key: ADMIN_API_KEY });
  return ((await response.json()) as Json)['total'] as Json;
}

describe('batches in queued mode', () => {
  test('valid lines run as chat workflows, invalid ones are reported by line, results come back in input order', async () => {
    const before = await usageOf('tenant-a');
    const lines = [
      chatLine('q-1', 'What is the capital of France?'),
      '{"custom_id": "broken"',
      chatLine('q-2', 'Name a prime number.'),
      chatLine('q-3', 'Say hello.', { model: 'no-such-model' }),
      chatLine('q-4', 'What colour is the sky?'),
      chatLine('q-5', 'Count to three.'),
      chatLine('q-6', 'Spell cat.'),
      chatLine('q-7', 'One more question.'),
    ];
    const created = await submitJsonl(lines, `mode=queued&webhook_url=${encodeURIComponent(`http://127.0.0.1:${(hooks.address() as AddressInfo).port}/done`)}`);
    expect(created.status).toBe(202);
    const batch = (await created.json()) as Json;
    expect(batch).toMatchObject({ object: 'batch', mode: 'queued', endpoint: '/v1/chat/completions', completion_window: '24h' });
    expect(batch['id']).toMatch(/^batch_[a-f0-9]{32}$/);
    expect(batch['errors']['data'].map((error: Json) => [error.line, error.code])).toEqual([
      [2, 'invalid-json'],
      [4, 'unknown-model'],
    ]);
    expect(batch['ballast']['temporal_ui_url']).toContain(batch['ballast']['workflow_id']);

    const done = await waitForStatus(batch['id'], ['completed']);
    expect(done['request_counts']).toMatchObject({ total: 8, completed: 6, failed: 0, invalid: 2, pending: 0 });
    expect(done['cost_usd']).toBeGreaterThan(0);

    const output = await results(batch['id']);
    expect(output.map((line) => line['custom_id'])).toEqual(['q-1', null, 'q-2', 'q-3', 'q-4', 'q-5', 'q-6', 'q-7']);
    const answered = output.filter((line) => line['response'] !== null);
    expect(answered).toHaveLength(6);
    for (const line of answered) {
      expect(line['response']['status_code']).toBe(200);
      expect(line['response']['body']).toMatchObject({ object: 'chat.completion', ballast: { via: 'queued' } });
      expect(line['response']['body']['choices'][0]['message']['content'].length).toBeGreaterThan(0);
      expect(line['error']).toBeNull();
    }
    expect(output[3]).toMatchObject({ response: null, error: { code: 'unknown-model' } });

    // Each line was charged once, by its own chat workflow.
    const after = await usageOf('tenant-a');
    expect(after['requests'] - before['requests']).toBe(6);
    expect(after['cost_usd'] - before['cost_usd']).toBeCloseTo(done['cost_usd'], 9);

    // The webhook answered 500 first: the delivery was retried.
    const deadline = Date.now() + 20_000;
    while (webhookCalls.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(webhookCalls).toHaveLength(2);
    expect(webhookCalls[1]).toMatchObject({ type: 'batch.completed', data: { id: batch['id'], status: 'completed', request_counts: { completed: 6 } } });
  });

  test('a batch waiting for its off-peak window can be cancelled: every line ends cancelled, nothing is charged', async () => {
    // A window that opened a minute ago and closed already; the next one is a day away.
    const now = new Date(Date.now() - 120_000);
    const hhmm = (date: Date) => `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
    const window = { start: hhmm(now), end: hhmm(new Date(now.getTime() + 60_000)) };
    const waiting = await startWaitingBatch({ windows: [window] });
    expect(waiting.status).toBe('in_progress');
    const cancelled = await stack.api(`/v1/batches/${waiting.id}/cancel`, { method: 'POST' });
    expect(cancelled.status).toBe(200);
    expect(((await cancelled.json()) as Json)['status']).toBe('cancelling');
    const done = await waitForStatus(waiting.id, ['cancelled']);
    expect(done['request_counts']).toMatchObject({ total: 2, cancelled: 2, completed: 0 });
    expect((await results(waiting.id)).map((line) => line['error']['code'])).toEqual(['batch_cancelled', 'batch_cancelled']);
    const again = await stack.api(`/v1/batches/${waiting.id}/cancel`, { method: 'POST' });
    expect(again.status).toBe(409);
  });
});

/** Starts a queued batch whose workflow waits for `windows` (the API fixes them in the workflow input when it starts). */
async function startWaitingBatch(options: { windows: Json[] }): Promise<{ id: string; status: string }> {
  const original = stack.config.batch.queued.windows;
  (stack.config.batch.queued as { windows: unknown }).windows = options.windows;
  try {
    const created = await submitJsonl([chatLine('w-1', 'Wait for it.'), chatLine('w-2', 'And this.')], 'mode=queued');
    expect(created.status).toBe(202);
    const batch = (await created.json()) as Json;
    await waitForStatus(batch['id'], ['in_progress']);
    return { id: batch['id'], status: 'in_progress' };
  } finally {
    (stack.config.batch.queued as { windows: unknown }).windows = original;
  }
}

/** Runs `submit` with a batch setting changed (the API fixes settings in the workflow input at creation). */
async function withBatchSetting<T>(patch: Partial<TestStack['config']['batch']>, submit: () => Promise<T>): Promise<T> {
  const settings = stack.config.batch as Record<string, unknown>;
  const original = { ...settings };
  Object.assign(settings, patch);
  try {
    return await submit();
  } finally {
    Object.assign(settings, original);
  }
}

async function simulatorBatches(): Promise<{ openai: Json[]; anthropic: Json[] }> {
  return (await (await fetch(`${stack.simulator.url}/_sim/batches`)).json()) as { openai: Json[]; anthropic: Json[] };
}

describe('batches in provider mode', () => {
  afterEach(async () => {
    stack.simulator.resetScenarios();
    await fetch(`${stack.simulator.url}/_sim/batches`, { method: 'DELETE' });
  });

  test('lines go to the OpenAI and Anthropic batch APIs, are charged once at the batch price, retryable failures are resubmitted', async () => {
    stack.simulator.setScenario('gpt-4.1-mini', { batch: { completionMs: 400, failLines: { customIds: ['p-3'], status: 400 } } });
    stack.simulator.setScenario('claude-haiku-4-5', { batch: { completionMs: 600, failLines: { customIds: ['a-2'], status: 500 } } });
    const before = await usageOf('tenant-a');
    const created = await submitJsonl(
      [
        chatLine('p-1', 'What is the capital of Spain?'),
        chatLine('p-2', 'What is 2 + 2?'),
        chatLine('p-3', 'This line the provider refuses.'),
        chatLine('a-1', 'Name a colour.', { model: 'claude-haiku-4-5' }),
        chatLine('a-2', 'This line fails on the provider every time.', { model: 'claude-haiku-4-5' }),
      ],
      'mode=provider',
    );
    expect(created.status).toBe(202);
    const batch = (await created.json()) as Json;
    const done = await waitForStatus(batch['id'], ['completed']);
    expect(done['request_counts']).toMatchObject({ total: 5, completed: 3, failed: 2, pending: 0 });

    const output = await results(batch['id']);
    expect(output.map((line) => line['custom_id'])).toEqual(['p-1', 'p-2', 'p-3', 'a-1', 'a-2']);
    const byId = new Map(output.map((line) => [line['custom_id'] as string, line]));
    expect(byId.get('p-3')).toMatchObject({ response: null, error: { code: 'bad-request' } });
    expect(byId.get('a-2')).toMatchObject({ response: null, error: { code: 'server-error' } });
    let total = 0;
    for (const id of ['p-1', 'p-2', 'a-1']) {
      const body = byId.get(id)!['response']['body'] as Json;
      expect(body).toMatchObject({ object: 'chat.completion', ballast: { via: 'provider' } });
      const entry = stack.config.catalog.get(body['model']);
      const usage = { inputTokens: body['usage']['prompt_tokens'], outputTokens: body['usage']['completion_tokens'], cachedInputTokens: undefined };
      const batchPrice = computeCostUsd(entry, usage, { batch: true }).costUsd;
      expect(body['ballast']['cost_usd']).toBe(batchPrice);
      expect(batchPrice).toBeCloseTo(computeCostUsd(entry, usage).costUsd / 2, 9);
      total += batchPrice;
    }
    expect(done['cost_usd']).toBeCloseTo(total, 9);

    // One OpenAI and one Anthropic batch in the first round; the retryable failure was resubmitted once.
    const seen = await simulatorBatches();
    expect(seen.openai).toHaveLength(1);
    expect(seen.anthropic).toHaveLength(2);
    // Each answered line was settled once; the failed ones charged nothing.
    const after = await usageOf('tenant-a');
    expect(after['requests'] - before['requests']).toBe(3);
    expect(after['cost_usd'] - before['cost_usd']).toBeCloseTo(total, 9);
  });

  test("lines whose worst case does not fit the budget fail with budget-exceeded; nothing is sent or charged", async () => {
    const before = await simulatorBatches();
    const created = await submitJsonl([chatLine('b-1', 'Too dear.'), chatLine('b-2', 'Also too dear.')], 'mode=provider', OTHER_TENANT_KEY);
    expect(created.status).toBe(202);
    const id = ((await created.json()) as Json)['id'] as string;
    const deadline = Date.now() + 30_000;
    let batch: Json = {};
    while (Date.now() < deadline) {
      batch = (await (await stack.api(`/v1/batches/${id}`, { key: OTHER_TENANT_KEY })).json()) as Json;
      if (batch['status'] === 'completed') break;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    expect(batch['request_counts']).toMatchObject({ total: 2, failed: 2, completed: 0 });
    const output = (await (await stack.api(`/v1/batches/${id}/results`, { key: OTHER_TENANT_KEY })).text()).split('\n').filter(Boolean).map((line) => JSON.parse(line) as Json);
    expect(output.map((line) => line['error']['code'])).toEqual(['budget-exceeded', 'budget-exceeded']);
    expect(output[0]!['error']['message']).toContain('tenant-day budget');
    expect((await simulatorBatches()).openai).toHaveLength(before.openai.length);
    expect((await usageOf('tenant-b'))['requests'] ?? 0).toBe(0);
  });

  test('cancelling a running provider batch cancels the provider job and frees every hold', async () => {
    stack.simulator.setScenario('gpt-4.1-nano', { batch: { completionMs: 120_000 } });
    const before = await usageOf('tenant-a');
    const created = (await (await submitJsonl([chatLine('c-1', 'Slow one.', { model: 'gpt-4.1-nano' }), chatLine('c-2', 'Slow two.', { model: 'gpt-4.1-nano' })], 'mode=provider')).json()) as Json;
    const deadline = Date.now() + 20_000;
    while ((await simulatorBatches()).openai.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await stack.api(`/v1/batches/${created['id']}/cancel`, { method: 'POST' })).status).toBe(200);
    const done = await waitForStatus(created['id'], ['cancelled']);
    expect(done['request_counts']).toMatchObject({ total: 2, cancelled: 2, completed: 0 });
    expect((await simulatorBatches()).openai[0]).toMatchObject({ status: 'cancelled' });
    const after = await usageOf('tenant-a');
    expect(after['requests']).toBe(before['requests']);
    for (const lineIndex of [0, 1]) {
      expect(await stack.rag.ledger.findReservation({ requestId: `${created['id']}_l${lineIndex}`, attempt: 1 })).toMatchObject({ status: 'released' });
    }
  });

  test('a provider batch still running near its deadline is cancelled and its lines finish in queued mode', async () => {
    stack.simulator.setScenario('gpt-4.1-nano', { batch: { completionMs: 120_000 } });
    // A 1h window with the switch 1h - 1.5 s before it: the provider job is given up at once.
    const created = await withBatchSetting({ switchToQueuedBeforeMs: 3_598_500 }, async () =>
      (await (await submitJsonl([chatLine('d-1', 'Deadline one.', { model: 'gpt-4.1-nano' }), chatLine('d-2', 'Deadline two.', { model: 'gpt-4.1-nano' })], 'mode=provider&completion_window=1h')).json()) as Json,
    );
    const done = await waitForStatus(created['id'], ['completed']);
    expect(done['request_counts']).toMatchObject({ total: 2, completed: 2 });
    const output = await results(created['id']);
    expect(output.map((line) => line['response']['body']['ballast']['via'])).toEqual(['queued', 'queued']);
    expect((await simulatorBatches()).openai[0]).toMatchObject({ status: 'cancelled' });
  });
});

describe('batch input and access', () => {
  test('a batch with no valid line is refused with problem+json listing the line errors', async () => {
    const response = await submitJsonl(['not json', chatLine('x', 'hi', { stream: true })], 'mode=queued');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as Json;
    expect(problem['type']).toBe('/problems/invalid-batch');
    expect(problem['errors'].map((error: Json) => error.code)).toEqual(['invalid-json', 'stream-not-supported']);
  });

  test('bad options are named; the JSON form takes requests', async () => {
    const badWindow = await submitJsonl([chatLine('a', 'hi')], 'completion_window=10y');
    expect(badWindow.status).toBe(400);
    expect(((await badWindow.json()) as Json)['detail']).toContain('completion_window');
    const both = await stack.api('/v1/batches', { json: { requests: [{}], input_jsonl: 'x' } });
    expect(both.status).toBe(400);
    const json = await stack.api('/v1/batches', { json: { mode: 'queued', metadata: { team: 'search' }, requests: [{ custom_id: 'only', body: { model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'hi' }] } }] } });
    expect(json.status).toBe(202);
    const batch = (await json.json()) as Json;
    expect(batch['metadata']).toEqual({ team: 'search' });
    await waitForStatus(batch['id'], ['completed']);
  });

  test("another tenant's batch does not exist for you; lists are per tenant; ids are checked", async () => {
    const created = (await (await submitJsonl([chatLine('t-1', 'Mine.')], 'mode=queued')).json()) as Json;
    expect((await stack.api(`/v1/batches/${created['id']}`, { key: OTHER_TENANT_KEY })).status).toBe(404);
    expect((await stack.api(`/v1/batches/${created['id']}/results`, { key: OTHER_TENANT_KEY })).status).toBe(404);
    expect((await stack.api(`/v1/batches/${created['id']}/cancel`, { key: OTHER_TENANT_KEY, method: 'POST' })).status).toBe(404);
    const theirs = (await (await stack.api('/v1/batches', { key: OTHER_TENANT_KEY })).json()) as Json;
    expect(theirs['data'].map((batch: Json) => batch.id)).not.toContain(created['id']);
    const mine = (await (await stack.api('/v1/batches?limit=100')).json()) as Json;
    expect(mine['data'].map((batch: Json) => batch.id)).toContain(created['id']);
    expect((await stack.api('/v1/batches/not-a-batch')).status).toBe(404);
    expect((await stack.api('/v1/batches', { key: null })).status).toBe(401);
    await waitForStatus(created['id'], ['completed']);
  });
});

describe('ballast batch (CLI) against the running API', () => {
  function capture() {
    const chunks: string[] = [];
    return { stream: { write: (text: string) => chunks.push(text), isTTY: false }, text: () => chunks.join('') };
  }

  test('submit --wait shows progress and a summary; status, results -o, list and cancel work', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ballast-cli-batch-'));
    const input = join(dir, 'input.jsonl');
    writeFileSync(input, [chatLine('cli-1', 'First CLI line.'), chatLine('cli-2', 'Second CLI line.'), 'oops'].join('\n'));
    const env = { BALLAST_API_URL: stack.apiUrl, BALLAST_API_KEY: 'sk-test-tenant-a-000000' };
    const out = capture();
    const err = capture();
    const code = await runBatchCommand(['submit', input, '--mode', 'queued', '--wait', '--json'], { stdout: out.stream, stderr: err.stream, env, cwd: dir, pollIntervalMs: 100 });
    expect(err.text()).not.toContain('Error');
    expect(code).toBe(0);
    const batch = JSON.parse(out.text()) as Json;
    expect(batch).toMatchObject({ status: 'completed', request_counts: { completed: 2, invalid: 1 } });

    const status = capture();
    expect(await runBatchCommand(['status', batch['id']], { stdout: status.stream, stderr: capture().stream, env })).toBe(0);
    expect(status.text()).toContain(batch['id']);
    expect(status.text()).toContain('completed');

    const resultsFile = join(dir, 'results.jsonl');
    expect(await runBatchCommand(['results', batch['id'], '-o', resultsFile], { stdout: capture().stream, stderr: capture().stream, env, cwd: dir })).toBe(0);
    const lines = readFileSync(resultsFile, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Json);
    expect(lines.map((line) => line['custom_id'])).toEqual(['cli-1', 'cli-2', null]);

    const listed = capture();
    expect(await runBatchCommand(['list', '--limit', '5'], { stdout: listed.stream, stderr: capture().stream, env })).toBe(0);
    expect(listed.text()).toContain(batch['id']);

    const refused = capture();
    expect(await runBatchCommand(['cancel', batch['id']], { stdout: capture().stream, stderr: refused.stream, env })).toBe(1);
    expect(refused.text()).toContain('Batch Already Finished');
    const missing = capture();
    expect(await runBatchCommand(['status', 'batch_00000000000000000000000000000000'], { stdout: capture().stream, stderr: missing.stream, env })).toBe(1);
    expect(missing.text()).toContain('Batch Not Found');
  });
});

describe('batch retention', () => {
  test('finished batches older than batch.retentionDays are deleted; running ones are kept', async () => {
    const created = (await (await submitJsonl([chatLine('old-1', 'Keep me briefly.')], 'mode=queued')).json()) as Json;
    await waitForStatus(created['id'], ['completed']);
    const retention = stack.app.get(BatchRetention);
    expect(await retention.sweep(Date.now())).toBe(0);
    const deleted = await retention.sweep(Date.now() + (stack.config.batch.retentionDays + 1) * 86_400_000);
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect((await stack.api(`/v1/batches/${created['id']}`)).status).toBe(404);
  });
});
