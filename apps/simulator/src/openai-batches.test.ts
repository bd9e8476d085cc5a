import { setTimeout as sleep } from 'node:timers/promises';
import OpenAI, { toFile } from 'openai';
import { startSimulator, type SimulatorHandle } from './index.js';

let simulator: SimulatorHandle;
let client: OpenAI;

beforeAll(async () => {
  simulator = await startSimulator();
  client = new OpenAI({ baseURL: `${simulator.url}/v1`, apiKey: 'x', maxRetries: 0 });
});
afterAll(() => simulator.close());
beforeEach(() => {
  simulator.resetScenarios();
  simulator.resetStats();
  simulator.resetBatches();
});

interface OutputLine {
  id: string;
  custom_id: string;
  response: { status_code: number; request_id: string; body: Record<string, unknown> } | null;
  error: { code: string; message: string } | null;
}

const question = (text: string): OpenAI.ChatCompletionMessageParam[] => [{ role: 'user', content: text }];

function inputLine(customId: string, model: string, text: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ custom_id: customId, method: 'POST', url: '/v1/chat/completions', body: { model, messages: question(text), ...extra } });
}

async function upload(lines: string[]): Promise<OpenAI.FileObject> {
  return client.files.create({ file: await toFile(Buffer.from(`${lines.join('\n')}\n`), 'input.jsonl', { type: 'application/jsonl' }), purpose: 'batch' });
}

async function createBatch(lines: string[], metadata?: Record<string, string>): Promise<OpenAI.Batch> {
  const file = await upload(lines);
  return client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h', ...(metadata ? { metadata } : {}) });
}

const ENDED = new Set(['completed', 'failed', 'expired', 'cancelled']);

async function waitUntilEnded(batchId: string, seen: string[] = []): Promise<OpenAI.Batch> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const batch = await client.batches.retrieve(batchId);
    if (seen.at(-1) !== batch.status) seen.push(batch.status);
    if (ENDED.has(batch.status)) return batch;
    await sleep(20);
  }
  throw new Error(`batch ${batchId} did not end`);
}

async function readJsonl(fileId: string | null | undefined): Promise<OutputLine[]> {
  if (!fileId) return [];
  const text = await (await client.files.content(fileId)).text();
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as OutputLine);
}

describe('OpenAI Files through the official SDK', () => {
  it('uploads a batch input file as multipart and serves its metadata and exact bytes', async () => {
    const lines = [inputLine('a-1', 'gpt-4o-mini', 'Héllo — ünïcode?'), inputLine('a-2', 'gpt-4o-mini', 'Second?')];
    const file = await upload(lines);
    expect(file).toMatchObject({ object: 'file', purpose: 'batch', filename: 'input.jsonl', status: 'processed', bytes: Buffer.byteLength(`${lines.join('\n')}\n`) });
    expect(file.id).toMatch(/^file-/);
    expect(await client.files.retrieve(file.id)).toEqual(file);
    expect(await (await client.files.content(file.id)).text()).toBe(`${lines.join('\n')}\n`);
    await expect(client.files.retrieve('file-missing')).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it('rejects an upload without a purpose', async () => {
    const form = new FormData();
    form.append('file', new Blob(['{}\n']), 'x.jsonl');
    const response = await fetch(`${simulator.url}/v1/files`, { method: 'POST', body: form });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { param: 'purpose' } });
  });
});

describe('OpenAI Batch through the official SDK', () => {
  it('goes validating → in_progress → finalizing → completed and answers each line like the chat endpoint', async () => {
    simulator.setScenario('gpt-4o-mini', { batch: { completionMs: 1500 } });
    const texts = ['When are invoices emailed?', 'What is Temporal?', 'Who reads the logs?', 'Why batch?'];
    const created = await createBatch(texts.map((text, index) => inputLine(`req-${index}`, 'gpt-4o-mini', text, { max_tokens: 30 })), { ballast_job: 'job-1' });
    expect(created).toMatchObject({ object: 'batch', status: 'validating', endpoint: '/v1/chat/completions', completion_window: '24h', metadata: { ballast_job: 'job-1' } });
    expect(created.id).toMatch(/^batch_/);

    const seen: string[] = [created.status];
    const batch = await waitUntilEnded(created.id, seen);
    expect(seen[0]).toBe('validating');
    expect(seen).toContain('in_progress');
    expect(seen.at(-1)).toBe('completed');
    expect(batch.request_counts).toEqual({ total: 4, completed: 4, failed: 0 });
    expect(batch.error_file_id).toBeNull();
    expect(batch.completed_at).toEqual(expect.any(Number));

    const output = await readJsonl(batch.output_file_id);
    expect(output.map((line) => line.custom_id)).toEqual(['req-0', 'req-1', 'req-2', 'req-3']);
    for (const [index, line] of output.entries()) {
      const direct = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: question(texts[index] ?? ''), max_tokens: 30 });
      expect(line.id).toMatch(/^batch_req_/);
      expect(line.error).toBeNull();
      expect(line.response?.status_code).toBe(200);
      const body = line.response?.body as unknown as OpenAI.ChatCompletion;
      expect(body.object).toBe('chat.completion');
      expect(body.choices[0]?.message.content).toBe(direct.choices[0]?.message.content);
      expect(body.usage).toEqual(direct.usage);
    }
    expect(batch.usage?.input_tokens).toBe(output.reduce((sum, line) => sum + ((line.response?.body as unknown as OpenAI.ChatCompletion).usage?.prompt_tokens ?? 0), 0));

    // Downloads are stable: the same file twice is the same bytes.
    expect(await readJsonl(batch.output_file_id)).toEqual(output);
    // Batch lines are billed in the stats like calls (4 batch lines + 4 direct calls).
    expect(simulator.stats().models['gpt-4o-mini']?.successes).toBe(8);
  });

  it('fails the configured lines (every Nth and by custom_id) into the error file, answering the rest', async () => {
    simulator.setScenario('gpt-4o-mini', { batch: { completionMs: 0, failLines: { every: 3, customIds: ['x-1'], status: 429 } } });
    const ids = ['x-0', 'x-1', 'x-2', 'x-3', 'x-4', 'x-5', 'job7_x-1'];
    const batch = await waitUntilEnded((await createBatch(ids.map((id) => inputLine(id, 'gpt-4o-mini', `Question ${id}?`)))).id);
    expect(batch.status).toBe('completed');
    expect(batch.request_counts).toEqual({ total: 7, completed: 3, failed: 4 });
    const output = await readJsonl(batch.output_file_id);
    const errors = await readJsonl(batch.error_file_id);
    expect(output.map((line) => line.custom_id)).toEqual(['x-0', 'x-3', 'x-4']);
    expect(errors.map((line) => line.custom_id)).toEqual(['x-1', 'x-2', 'x-5', 'job7_x-1']);
    expect(errors[0]?.response).toMatchObject({ status_code: 429, body: { error: { type: 'requests', code: 'rate_limit_exceeded' } } });
  });

  it("fails a line whose prompt exceeds the scenario's context window with OpenAI's context-length error", async () => {
    simulator.setScenario('small-model', { contextWindow: 20, batch: { completionMs: 0 } });
    const batch = await waitUntilEnded((await createBatch([inputLine('short', 'small-model', 'Hi?'), inputLine('long', 'small-model', 'Summarise this. '.repeat(20))])).id);
    const [error] = await readJsonl(batch.error_file_id);
    expect(error).toMatchObject({ custom_id: 'long', response: { status_code: 400, body: { error: { code: 'context_length_exceeded' } } } });
    expect((await readJsonl(batch.output_file_id)).map((line) => line.custom_id)).toEqual(['short']);
  });

  it('lists batches newest first with cursor pagination, so a client can find one by metadata', async () => {
    simulator.setScenario('*', { batch: { completionMs: 60_000 } });
    const ids: string[] = [];
    for (let index = 0; index < 5; index += 1) ids.push((await createBatch([inputLine('only', 'gpt-4o-mini', 'Hi?')], { ballast_job: `job-${index}` })).id);

    const firstPage = await client.batches.list({ limit: 2 });
    expect(firstPage.data.map((batch) => batch.id)).toEqual([ids[4], ids[3]]);
    expect(firstPage.has_more).toBe(true);
    const all: OpenAI.Batch[] = [];
    for await (const batch of client.batches.list({ limit: 2 })) all.push(batch);
    expect(all.map((batch) => batch.id)).toEqual([...ids].reverse());
    expect(all.find((batch) => batch.metadata?.ballast_job === 'job-1')?.id).toBe(ids[1]);
  });

  it('cancels: cancelling for cancelMs, then cancelled with the unfinished lines in the error file', async () => {
    simulator.setScenario('gpt-4o-mini', { batch: { completionMs: 60_000, cancelMs: 500 } });
    const created = await createBatch(['c-1', 'c-2', 'c-3'].map((id) => inputLine(id, 'gpt-4o-mini', 'Hi?')));
    const cancelling = await client.batches.cancel(created.id);
    expect(cancelling.status).toBe('cancelling');
    expect(cancelling.cancelling_at).toEqual(expect.any(Number));
    expect((await client.batches.cancel(created.id)).status).toBe('cancelling');

    const batch = await waitUntilEnded(created.id);
    expect(batch.status).toBe('cancelled');
    expect(batch.output_file_id).toBeNull();
    const errors = await readJsonl(batch.error_file_id);
    expect(errors.map((line) => [line.custom_id, line.response, line.error?.code])).toEqual([
      ['c-1', null, 'batch_cancelled'],
      ['c-2', null, 'batch_cancelled'],
      ['c-3', null, 'batch_cancelled'],
    ]);
    await expect(client.batches.cancel(created.id)).rejects.toBeInstanceOf(OpenAI.BadRequestError);
  });

  it('fails or expires a whole batch when the scenario says so', async () => {
    simulator.setScenario('fails', { batch: { completionMs: 0, outcome: 'failed' } });
    simulator.setScenario('expires', { batch: { completionMs: 0, outcome: 'expired', expireAfterLines: 1 } });
    const failed = await waitUntilEnded((await createBatch([inputLine('f-1', 'fails', 'Hi?')])).id);
    expect(failed).toMatchObject({ status: 'failed', output_file_id: null, error_file_id: null, errors: { data: [{ code: 'batch_failed' }] } });
    expect(failed.failed_at).toEqual(expect.any(Number));

    const expired = await waitUntilEnded((await createBatch(['e-1', 'e-2', 'e-3'].map((id) => inputLine(id, 'expires', 'Hi?')))).id);
    expect(expired.status).toBe('expired');
    expect(expired.request_counts).toEqual({ total: 3, completed: 1, failed: 0 });
    expect((await readJsonl(expired.output_file_id)).map((line) => line.custom_id)).toEqual(['e-1']);
    expect((await readJsonl(expired.error_file_id)).map((line) => [line.custom_id, line.error?.code])).toEqual([
      ['e-2', 'batch_expired'],
      ['e-3', 'batch_expired'],
    ]);
  });

  it('fails validation of a bad input file, naming each bad line', async () => {
    const created = await createBatch([inputLine('d-1', 'gpt-4o-mini', 'Hi?'), inputLine('d-1', 'gpt-4o-mini', 'Again?'), '{not json', inputLine('d-3', 'gpt-4o-mini', 'Hi?').replace('/v1/chat/completions', '/v1/embeddings')]);
    const batch = await waitUntilEnded(created.id);
    expect(batch.status).toBe('failed');
    expect(batch.errors?.data?.map((error) => [error.line, error.code])).toEqual([
      [2, 'duplicate_custom_id'],
      [3, 'invalid_json_line'],
      [4, 'invalid_url'],
    ]);
    expect(batch.request_counts).toEqual({ total: 0, completed: 0, failed: 0 });
  });

  it('rejects a batch whose input file does not exist, or an unsupported endpoint', async () => {
    await expect(client.batches.create({ input_file_id: 'file-nope', endpoint: '/v1/chat/completions', completion_window: '24h' })).rejects.toMatchObject({ status: 400, param: 'input_file_id' });
    const file = await upload([inputLine('a', 'gpt-4o-mini', 'Hi?')]);
    await expect(client.batches.create({ input_file_id: file.id, endpoint: '/v1/embeddings', completion_window: '24h' })).rejects.toMatchObject({ status: 400, param: 'endpoint' });
    await expect(client.batches.retrieve('batch_nope')).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });
});

describe('batch control API', () => {
  it('POST /_sim/batches/:id/finish ends a running batch now; GET /_sim/batches lists every batch', async () => {
    simulator.setScenario('gpt-4o-mini', { batch: { completionMs: 3_600_000 } });
    const created = await createBatch(['f-1', 'f-2'].map((id) => inputLine(id, 'gpt-4o-mini', 'Hi?')));
    const finish = await fetch(`${simulator.url}/_sim/batches/${created.id}/finish`, { method: 'POST', body: JSON.stringify({ outcome: 'completed' }) });
    expect(finish.status).toBe(200);
    expect(await finish.json()).toMatchObject({ id: created.id, status: 'completed', request_counts: { total: 2, completed: 2, failed: 0 } });
    expect((await fetch(`${simulator.url}/_sim/batches/${created.id}/finish`, { method: 'POST', body: '{}' })).status).toBe(409);
    expect((await fetch(`${simulator.url}/_sim/batches/batch_nope/finish`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await fetch(`${simulator.url}/_sim/batches/${created.id}/finish`, { method: 'POST', body: '{"outcome":"exploded"}' })).status).toBe(400);

    const listed = (await (await fetch(`${simulator.url}/_sim/batches`)).json()) as { openai: { id: string }[]; anthropic: unknown[] };
    expect(listed.openai.map((batch) => batch.id)).toEqual([created.id]);
    expect(listed.anthropic).toEqual([]);
    expect((await fetch(`${simulator.url}/_sim/batches`, { method: 'DELETE' })).status).toBe(204);
    await expect(client.batches.retrieve(created.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it('takes batch settings in scenarios over PUT /_sim/scenarios/:model and rejects bad ones', async () => {
    const put = (body: unknown) => fetch(`${simulator.url}/_sim/scenarios/gpt-4o-mini`, { method: 'PUT', body: JSON.stringify(body) });
    expect((await put({ batch: { completionMs: 0, failLines: { every: 1, status: 503 } } })).status).toBe(200);
    const batch = await waitUntilEnded((await createBatch([inputLine('p-1', 'gpt-4o-mini', 'Hi?')])).id);
    expect((await readJsonl(batch.error_file_id))[0]?.response?.status_code).toBe(503);

    const bad = await put({ batch: { completionMs: -1, outcome: 'exploded' } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/batch\.completionMs[\s\S]*batch\.outcome/);
  });
});
