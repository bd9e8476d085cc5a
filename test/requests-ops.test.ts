import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runRequestsCommand } from '../apps/cli/src/commands/requests/run-requests-command.js';
import { SEARCH_ATTRIBUTES } from '#libs/contracts';
import { useTestStack } from './support/stack-suite.js';
import { ADMIN_API_KEY, OTHER_TENANT_KEY, type TestStack } from './support/test-stack.js';
import { until } from './support/wait-for.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies
type Json = Record<string, any>;

let stack: TestStack;

useTestStack((started) => (stack = started), {
  config: {
    // Requests fail on purpose here; the breaker must not skip providers for the later, healed ones.
    circuitBreaker: { failureThreshold: 10_000 },
    routes: {
      simple: { targets: [{ provider: 'openai', model: 'gpt-4.1-mini', maxAttempts: 2 }, { provider: 'anthropic', model: 'claude-haiku-4-5', maxAttempts: 1 }] },
      complex: { targets: [{ provider: 'openai', model: 'gpt-4.1', maxAttempts: 2 }] },
    },
  },
});

async function json(path: string, init: Parameters<TestStack['api']>[1] = {}): Promise<{ status: number; body: Json; contentType: string | null }> {
  const response = await stack.api(path, init);
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as Json, contentType: response.headers.get('content-type') };
}

const ask = (content: string, user?: string) => ({ model: 'simple', messages: [{ role: 'user', content }], ...(user ? { user } : {}) });

/** Sends a request while every provider answers 500: it fails after every target; returns its id. */
async function failedRequest(user?: string): Promise<string> {
  stack.simulator.setScenario('*', { faults: [{ kind: 'status', status: 500 }] });
  const { status, body } = await json('/v1/chat/completions', { json: ask(`Question ${randomUUID()}`, user) });
  stack.simulator.resetScenarios();
  expect(status).toBe(502);
  return body['request_id'] as string;
}

/** Lists until `predicate` holds for the items (visibility is eventually consistent); returns them. */
async function listUntil(query: string, predicate: (items: Json[]) => boolean, key?: string): Promise<Json[]> {
  let items: Json[] = [];
  await until(async () => {
    const { status, body } = await json(`/v1/requests?${query}`, key ? { key } : {});
    expect(status).toBe(200);
    items = body['data'] as Json[];
    return predicate(items);
  }, `GET /v1/requests?${query} to match`, 20_000);
  return items;
}

/** Polls the request's status until it is no longer running; returns it. */
async function settled(requestId: string): Promise<Json> {
  let progress: Json = {};
  await until(async () => {
    progress = (await json(`/v1/requests/${requestId}`)).body;
    return progress['status'] !== 'running';
  }, `request ${requestId} to finish`, 30_000);
  return progress;
}

describe('GET /v1/requests', () => {
  test('a failed request is listed as failed to its tenant only', async () => {
    const requestId = await failedRequest('end-user-7');
    const items = await listUntil('status=failed', (found) => found.some((item) => item['id'] === requestId));
    const item = items.find((found) => found['id'] === requestId) as Json;
    expect(item).toMatchObject({ status: 'failed', workflow_id: `chat-${requestId}`, route: 'simple', user: 'end-user-7', replay_of: null });
    expect(Date.parse(item['started_at'] as string)).toBeLessThanOrEqual(Date.parse(item['closed_at'] as string));
    expect(item['temporal_ui_url']).toContain(`/workflows/chat-${requestId}`);

    // Filters narrow: not among completed ones, found by user and by a window around now.
    expect((await json('/v1/requests?status=completed&limit=100')).body['data'].map((found: Json) => found['id'])).not.toContain(requestId);
    await listUntil(`user=end-user-7&since=${new Date(Date.now() - 3_600_000).toISOString()}`, (found) => found.some((entry) => entry['id'] === requestId));
    expect((await json(`/v1/requests?until=${new Date(Date.now() - 3_600_000).toISOString()}`)).body['data']).toEqual([]);

    // Another tenant never sees it, whatever it filters on; an admin may name the tenant.
    const foreign = await json('/v1/requests?status=failed&limit=100', { key: OTHER_TENANT_KEY });
    expect(foreign.status).toBe(200);
    expect(foreign.body['data'].map((found: Json) => found['id'])).not.toContain(requestId);
    expect((await json('/v1/requests?tenant_id=tenant-a', { key: OTHER_TENANT_KEY })).status).toBe(404);
    await listUntil('status=failed&tenant_id=tenant-a&limit=100', (found) => found.some((entry) => entry['id'] === requestId), ADMIN_API_KEY);
  });

  test('pages follow next_cursor without repeats, and a cursor only serves its own filters', async () => {
    const user = `pager-${randomUUID().slice(0, 8)}`;
    for (let index = 0; index < 3; index++) expect((await json('/v1/chat/completions', { json: ask(`Hello ${index}`, user) })).status).toBe(200);
    await listUntil(`user=${user}&status=completed&limit=100`, (found) => found.length === 3);

    const first = await json(`/v1/requests?user=${user}&status=completed&limit=2`);
    expect(first.body['data']).toHaveLength(2);
    expect(first.body['has_more']).toBe(true);
    const cursor = encodeURIComponent(first.body['next_cursor'] as string);
    const second = await json(`/v1/requests?user=${user}&status=completed&limit=2&cursor=${cursor}`);
    expect(second.status).toBe(200);
    const ids = [...first.body['data'], ...second.body['data']].map((item: Json) => item['id']);
    expect(new Set(ids).size).toBe(3);
    expect(second.body['has_more']).toBe(false);
    expect(second.body['next_cursor']).toBeNull();

    const reused = await json(`/v1/requests?user=${user}&limit=2&cursor=${cursor}`);
    expect(reused.status).toBe(400);
    expect(reused.body['type']).toBe('/problems/invalid-cursor');
    expect((await json(`/v1/requests?user=${user}&status=completed&limit=2&cursor=${cursor}`, { key: OTHER_TENANT_KEY })).status).toBe(400);
  });

  test.each([
    ['status=broken', 'status'],
    ['since=yesterday', 'since'],
    ['until=2031-02-30T00:00:00', 'until'],
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['user=a%22%20OR%20BallastTenant%3D%22tenant-b', 'user'],
    ['since=2031-02-01&until=2031-01-01', 'since'],
    ['colour=red', '(body)'],
  ])('bad parameter %s is a 400 problem naming %s', async (query, field) => {
    const { status, body, contentType } = await json(`/v1/requests?${query}`);
    expect(status).toBe(400);
    expect(contentType).toContain('application/problem+json');
    expect(body['type']).toBe('/problems/invalid-request');
    expect(body['issues'].map((issue: Json) => issue['field'])).toContain(field);
  });
});

describe('POST /v1/requests/:id/replay', () => {
  test('replays a failed request on another model as a new request linked to the original', async () => {
    const original = await failedRequest();
    const replay = await json(`/v1/requests/${original}/replay`, { json: { model: 'claude-haiku-4-5' } });
    expect(replay.status).toBe(202);
    const replayId = replay.body['id'] as string;
    expect(replayId).toMatch(/^req_[a-f0-9]{32}$/);
    expect(replayId).not.toBe(original);
    expect(replay.body).toMatchObject({ replay_of: original, model: 'claude-haiku-4-5', workflow_id: `chat-${replayId}`, status_url: `/v1/requests/${replayId}` });
    expect(replay.body['temporal_ui_url']).toContain(`/workflows/chat-${replayId}`);

    const progress = await settled(replayId);
    expect(progress['status']).toBe('completed');
    expect(progress['result']).toMatchObject({ provider: 'anthropic', model: 'claude-haiku-4-5' });
    expect(progress['result'].cost_usd).toBeGreaterThan(0);

    // The original input ran again: the same question, and the link is searchable.
    const [originalStart, replayStart] = await Promise.all([startInput(`chat-${original}`), startInput(`chat-${replayId}`)]);
    expect(replayStart.request.messages).toEqual(originalStart.request.messages);
    expect(replayStart.request.model).toBe('claude-haiku-4-5');
    const description = await stack.client.workflow.getHandle(`chat-${replayId}`).describe();
    expect(description.typedSearchAttributes.get(SEARCH_ATTRIBUTES.replayOf)).toBe(original);
    expect(description.memo?.['replayOf']).toBe(original);
    // Readable in the Temporal Web UI: the workflow's summary names the link, each step says what it does.
    expect(await description.staticSummary()).toBe(`chat claude-haiku-4-5 for tenant-a/alice (replay of ${original})`);
    expect(await stepSummaries(`chat-${replayId}`)).toEqual(['plan route for claude-haiku-4-5', 'anthropic/claude-haiku-4-5 (target 1/1)']);
    await listUntil('status=completed&limit=100', (items) => items.some((item) => item['id'] === replayId && item['replay_of'] === original));

    // Its spend is metered like any request's.
    const usage = await json(`/v1/usage?group_by=model&tenant_id=tenant-a`, { key: ADMIN_API_KEY });
    const haiku = (usage.body['data'] as Json[]).find((group) => String(group['group']).includes('claude-haiku-4-5'));
    expect(haiku).toMatchObject({ requests: 1 });
    expect(haiku?.['cost_usd']).toBeCloseTo(progress['result'].cost_usd as number, 8);
  });

  test('replays with the original route when given no body, and names bad input', async () => {
    const original = await failedRequest();
    const response = await stack.api(`/v1/requests/${original}/replay`, { method: 'POST' });
    expect(response.status).toBe(202);
    const replay = (await response.json()) as Json;
    expect(replay['model']).toBe('simple');
    expect((await settled(replay['id'] as string))['result']).toMatchObject({ provider: 'openai', model: 'gpt-4.1-mini' });

    expect((await json(`/v1/requests/${original}/replay`, { json: { route: 'complex', model: 'gpt-4.1' } })).body['issues'][0].field).toBe('model');
    expect((await json(`/v1/requests/${original}/replay`, { json: { route: 'nowhere' } })).body['type']).toBe('/problems/unknown-route');
    expect((await json(`/v1/requests/${original}/replay`, { json: { model: 'gpt-zero' } })).body['type']).toBe('/problems/unknown-model');
    expect((await json(`/v1/requests/${original}/replay`, { json: { temperature: 2 } })).status).toBe(400);
  });

  test("another tenant's request and an unknown id are 404; a malformed id 400", async () => {
    const original = await failedRequest();
    const foreign = await json(`/v1/requests/${original}/replay`, { json: {}, key: OTHER_TENANT_KEY });
    expect(foreign.status).toBe(404);
    expect(foreign.contentType).toContain('application/problem+json');
    expect(foreign.body['type']).toBe('/problems/request-not-found');
    expect((await json(`/v1/requests/req_${'0'.repeat(32)}/replay`, { json: {} })).status).toBe(404);
    expect((await json('/v1/requests/not-an-id/replay', { json: {} })).status).toBe(400);
    // An admin may replay any tenant's request; it runs as the original tenant's.
    const byAdmin = await json(`/v1/requests/${original}/replay`, { json: {}, key: ADMIN_API_KEY });
    expect(byAdmin.status).toBe(202);
    const replayed = await stack.client.workflow.getHandle(byAdmin.body['workflow_id'] as string).describe();
    expect(replayed.typedSearchAttributes.get(SEARCH_ATTRIBUTES.tenant)).toBe('tenant-a');
    await settled(byAdmin.body['id'] as string);
  });
});

describe('POST /v1/requests/:id/reset', () => {
  test('re-runs a failed request from its last good step once the provider is healed', async () => {
    const requestId = await failedRequest();
    const before = await stack.client.workflow.getHandle(`chat-${requestId}`).describe();
    const reset = await json(`/v1/requests/${requestId}/reset`, { json: { reason: 'provider healed' } });
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ id: requestId, workflow_id: `chat-${requestId}`, previous_run_id: before.runId, to: 'last-good-step' });
    expect(reset.body['run_id']).not.toBe(before.runId);
    expect(reset.body['reset_to']).toContain('callModel');

    const progress = await settled(requestId);
    expect(progress['status']).toBe('completed');
    expect(progress['result']).toMatchObject({ provider: 'openai', model: 'gpt-4.1-mini' });
    // The failed attempts belong to the old run: the new one reports only its own.
    expect(progress['result'].attempts).toEqual([expect.objectContaining({ outcome: 'success', attempt: 1 })]);

    // The new run kept the steps before the reset point: its history starts with the old run's events.
    const [oldHistory, newHistory] = await Promise.all([
      stack.client.workflow.getHandle(`chat-${requestId}`, before.runId).fetchHistory(),
      stack.client.workflow.getHandle(`chat-${requestId}`, reset.body['run_id'] as string).fetchHistory(),
    ]);
    const kept = (reset.body['reset_to_event_id'] as number) - 1;
    expect(newHistory.events?.slice(0, kept).map((event) => event.eventType)).toEqual(oldHistory.events?.slice(0, kept).map((event) => event.eventType));
    expect(newHistory.events?.some((event) => event.workflowTaskFailedEventAttributes?.cause !== undefined)).toBe(true);

    // Completed now: nothing left to reset.
    const again = await json(`/v1/requests/${requestId}/reset`, { json: {} });
    expect(again.status).toBe(409);
    expect(again.contentType).toContain('application/problem+json');
    expect(again.body['type']).toBe('/problems/nothing-to-reset');
  });

  test('a running request resets only to its first step while no step has failed', async () => {
    stack.simulator.setScenario('gpt-4.1-mini', { latencyMs: { distribution: 'fixed', value: 2_000 } });
    const user = `slow-${randomUUID().slice(0, 8)}`;
    const pending = stack.api('/v1/chat/completions', { json: ask('A slow question', user) });
    let requestId = '';
    await until(async () => {
      const running = await json(`/v1/requests?status=running&user=${user}`);
      requestId = (running.body['data'] as Json[])[0]?.['id'] ?? '';
      if (!requestId) return false;
      const description = await stack.client.workflow.getHandle(`chat-${requestId}`).describe();
      return (description.raw.pendingActivities ?? []).length > 0;
    }, 'a running request with its provider call in flight', 20_000);

    const refused = await json(`/v1/requests/${requestId}/reset`, { json: {} });
    expect(refused.status).toBe(409);
    expect(refused.body['detail']).toContain('first-step');

    const reset = await json(`/v1/requests/${requestId}/reset`, { json: { to: 'first-step' } });
    expect(reset.status).toBe(200);
    expect(reset.body['reset_to']).toBe('the first workflow task');
    expect((await settled(requestId))['status']).toBe('completed');
    await pending.then((response) => response.text());
  });

  test("another tenant cannot reset a request; bad 'to' is 400", async () => {
    const requestId = await failedRequest();
    expect((await json(`/v1/requests/${requestId}/reset`, { json: {}, key: OTHER_TENANT_KEY })).status).toBe(404);
    const bad = await json(`/v1/requests/${requestId}/reset`, { json: { to: 'yesterday' } });
    expect(bad.status).toBe(400);
    expect(bad.body['issues'][0].field).toBe('to');
    expect((await stack.client.workflow.getHandle(`chat-${requestId}`).describe()).status.name).toBe('FAILED');
  });
});

describe('CLI: ballast requests list, replay, reset', () => {
  function capture() {
    const chunks: string[] = [];
    return { stream: { write: (text: string) => chunks.push(text), isTTY: false }, text: () => chunks.join('') };
  }
  const env = () => ({ BALLAST_API_URL: stack.apiUrl, BALLAST_API_KEY: 'sk-test-tenant-a-000000' });

  test('lists failed requests, replays one on another route and resets another', async () => {
    const [toReplay, toReset] = [await failedRequest(), await failedRequest()];
    await listUntil('status=failed&limit=100', (items) => [toReplay, toReset].every((id) => items.some((item) => item['id'] === id)));

    const listed = capture();
    expect(await runRequestsCommand(['requests', 'list', '--status', 'failed', '--since', new Date(Date.now() - 600_000).toISOString(), '--limit', '100'], { stdout: listed.stream, stderr: capture().stream, env: env() })).toBe(0);
    expect(listed.text()).toMatch(/^REQUEST\s+STATUS\s+STARTED/);
    expect(listed.text()).toContain(`${toReplay}  failed`);
    expect(listed.text()).toContain(toReset);

    const replayed = capture();
    expect(await runRequestsCommand(['replay', toReplay, '--route', 'complex', '--json'], { stdout: replayed.stream, stderr: capture().stream, env: env() })).toBe(0);
    const replay = JSON.parse(replayed.text()) as Json;
    expect(replay).toMatchObject({ replay_of: toReplay, model: 'complex' });
    expect((await settled(replay['id'] as string))['result']).toMatchObject({ model: 'gpt-4.1' });

    const reset = capture();
    expect(await runRequestsCommand(['reset', toReset, '--reason', 'cli test'], { stdout: reset.stream, stderr: capture().stream, env: env() })).toBe(0);
    expect(reset.text()).toMatch(/^Reset req_[a-f0-9]{32} to the workflow task that scheduled activity callModel/);
    expect((await settled(toReset))['status']).toBe('completed');

    // Refusals are printed from the problem and exit 1: a completed request, another tenant's request, bad flags.
    const refused = capture();
    expect(await runRequestsCommand(['reset', toReset], { stdout: capture().stream, stderr: refused.stream, env: env() })).toBe(1);
    expect(refused.text()).toContain('Nothing To Reset');
    const foreign = capture();
    expect(await runRequestsCommand(['replay', toReplay], { stdout: capture().stream, stderr: foreign.stream, env: { ...env(), BALLAST_API_KEY: OTHER_TENANT_KEY } })).toBe(1);
    expect(foreign.text()).toContain('Request Not Found');
    const usage = capture();
    expect(await runRequestsCommand(['replay', toReplay, '--route', 'complex', '--model', 'gpt-4.1'], { stdout: capture().stream, stderr: usage.stream, env: env() })).toBe(1);
    expect(usage.text()).toContain('not both');
  });

  test('the built ballast binary runs the commands', async () => {
    const requestId = await failedRequest();
    await listUntil('status=failed&limit=100', (items) => items.some((item) => item['id'] === requestId));
    const cli = join(process.cwd(), 'dist/apps/cli/src/main.js');
    const run = (...args: string[]) => promisify(execFile)(process.execPath, [cli, ...args], { env: { ...process.env, ...env() } });
    const listed = await run('requests', 'list', '--status', 'failed', '--limit', '100', '--json');
    expect((JSON.parse(listed.stdout) as Json)['data'].map((item: Json) => item['id'])).toContain(requestId);
    const replayed = await run('replay', requestId, '--model', 'gpt-4.1-mini');
    expect(replayed.stdout).toContain(`Replaying ${requestId} as req_`);
  });
});

/** The summaries of a workflow's steps (activities and local activities), in history order. */
async function stepSummaries(workflowId: string): Promise<unknown[]> {
  const history = await stack.client.workflow.getHandle(workflowId).fetchHistory();
  const converter = stack.client.options.loadedDataConverter.payloadConverter;
  return (history.events ?? [])
    .filter((event) => event.activityTaskScheduledEventAttributes || event.markerRecordedEventAttributes)
    .map((event) => (event.userMetadata?.summary ? converter.fromPayload(event.userMetadata.summary) : undefined));
}

/** The input a chat workflow was started with (decoded from its first history event). */
async function startInput(workflowId: string): Promise<{ request: { messages: unknown[]; model: string } }> {
  const history = await stack.client.workflow.getHandle(workflowId).fetchHistory();
  const payload = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  return stack.client.options.loadedDataConverter.payloadConverter.fromPayload(payload ?? {});
}
