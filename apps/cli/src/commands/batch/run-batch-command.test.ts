import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBatchCommand, type BatchIo } from './run-batch-command.js';
import { startFakeBatchApi, type FakeBatchApi } from './testing/fake-batch-api.js';

// The HTTP side runs against a stand-in on a real node:http server that serves the documented
// wire format (docs/batches.md); test/batches.test.ts drives the same function against the real API.
const KEY = 'sk-batch-test';
let api: FakeBatchApi;
const folder = mkdtempSync(join(tmpdir(), 'ballast-cli-batch-'));

beforeAll(async () => {
  api = await startFakeBatchApi(KEY);
});

afterAll(async () => {
  await api?.close();
});

beforeEach(() => {
  api.behaviour = { perPoll: 1, end: 'completed' };
  api.received.length = 0;
});

function capture(columns?: number) {
  const chunks: string[] = [];
  return { stream: { write: (text: string) => chunks.push(text), isTTY: columns !== undefined, columns }, text: () => chunks.join('') };
}

async function batch(args: readonly string[], options: { columns?: number; interrupt?: AbortSignal; env?: NodeJS.ProcessEnv } = {}) {
  const stdout = capture(options.columns);
  const stderr = capture();
  const io: BatchIo = { stdout: stdout.stream, stderr: stderr.stream, env: options.env ?? { BALLAST_API_URL: api.url, BALLAST_API_KEY: KEY }, cwd: folder, pollIntervalMs: 5, interrupt: options.interrupt };
  const code = await runBatchCommand(args, io);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

function line(customId: string, model = 'gpt-4.1-mini'): string {
  return JSON.stringify({ custom_id: customId, method: 'POST', url: '/v1/chat/completions', body: { model, messages: [{ role: 'user', content: `question ${customId}` }], max_tokens: 50 } });
}

function writeJsonl(name: string, lines: readonly string[]): string {
  writeFileSync(join(folder, name), `${lines.join('\n')}\n`);
  return name;
}

const MIXED = writeJsonl('mixed.jsonl', [line('a-1'), '{not json', line('a-3'), line('a-1'), line('a-fail-5')]);

describe('ballast batch submit', () => {
  test('sends the JSONL with the options as query parameters; prints the id, status and invalid lines', async () => {
    const { code, stdout, stderr } = await batch(['submit', MIXED, '--mode', 'queued', '--completion-window', '2d', '--webhook-url', 'https://hooks.example.com/b']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const request = api.received[0]!;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/batches', contentType: 'application/jsonl', query: { mode: 'queued', completion_window: '2d', webhook_url: 'https://hooks.example.com/b' } });
    expect(request.body).toBe(readFileSync(join(folder, MIXED), 'utf8'));
    expect(stdout).toMatch(/^Submitted batch (batch_\d+): validating \(queued mode; 5 lines, 2 invalid\)\n/);
    expect(stdout).toContain('LINE  CUSTOM_ID  ERROR\n   2  -          invalid-json: The line is not JSON.\n   4  a-1        duplicate-custom-id: custom_id a-1 is used twice.\n');
    expect(stdout).toMatch(/Follow it: ballast batch status batch_\d+ --wait\n$/);
  });

  test('metadata goes in the JSON form, with the file as input_jsonl', async () => {
    const { code } = await batch(['submit', MIXED, '--metadata', 'team=search', '--metadata', 'run=7']);
    expect(code).toBe(0);
    const request = api.received[0]!;
    expect(request.contentType).toBe('application/json');
    expect(JSON.parse(request.body)).toEqual({ input_jsonl: readFileSync(join(folder, MIXED), 'utf8'), metadata: { team: 'search', run: '7' } });
  });

  test('--json prints the batch object', async () => {
    const { code, stdout } = await batch(['submit', MIXED, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ object: 'batch', status: 'validating', request_counts: { total: 5, invalid: 2 } });
  });

  test('--wait follows the batch to the end with progress, then prints a summary (logs: a line per step)', async () => {
    const { code, stdout } = await batch(['submit', MIXED, '--wait']);
    expect(code).toBe(0);
    expect(stdout).not.toContain('\r');
    const progress = stdout.split('\n').filter((text) => /^(validating|in_progress|completed) /.test(text));
    expect(progress[0]).toMatch(/^validating {2}0\/3 {2}\$0\.00 {2}\d+\.\ds {2}ETA -$/);
    expect(progress.some((text) => text.startsWith('in_progress  '))).toBe(true);
    expect(stdout).toMatch(/Batch batch_\d+ completed in \d+\.\ds: 2 completed, 1 failed, 2 invalid; cost \$0\.000420\nResults: ballast batch results batch_\d+ -o batch_\d+\.jsonl\n$/);
  });

  test('--wait on a terminal redraws one progress line with a bar, cost, elapsed time and ETA', async () => {
    const { code, stdout } = await batch(['submit', MIXED, '--wait'], { columns: 100 });
    expect(code).toBe(0);
    expect(stdout).toMatch(/\rin_progress {2}1\/3 \[#+-+\] \$0\.000210 {2}\d+\.\ds {2}ETA (-|\d)/);
    expect(stdout).toMatch(/\rcompleted {2}3\/3 \(1 failed\) \[#+\] \$0\.000420 {2}\d+\.\ds {2}ETA 0\.0s *\nBatch batch_\d+ completed/);
  });

  test('--wait exits 2 when the batch ends expired or failed', async () => {
    api.behaviour = { perPoll: 2, end: 'expired' };
    const expired = await batch(['submit', MIXED, '--wait']);
    expect(expired.code).toBe(2);
    expect(expired.stdout).toMatch(/Batch batch_\d+ expired in /);
    api.behaviour = { perPoll: 2, end: 'failed' };
    expect((await batch(['submit', MIXED, '--wait'])).code).toBe(2);
  });

  test('--wait --json: the final object alone on stdout, progress on stderr', async () => {
    const { code, stdout, stderr } = await batch(['submit', MIXED, '--wait', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ status: 'completed', request_counts: { completed: 2, failed: 1 } });
    expect(stderr).toContain('in_progress  ');
  });

  test('Ctrl-C while waiting stops following only, and says how to resume', async () => {
    api.behaviour = { perPoll: 0, end: 'completed' };
    const interrupt = new AbortController();
    const running = batch(['submit', MIXED, '--wait'], { interrupt: interrupt.signal });
    await waitFor(() => api.received.filter((request) => request.method === 'GET').length >= 2);
    interrupt.abort();
    const { code, stderr } = await running;
    expect(code).toBe(130);
    expect(stderr).toMatch(/^Stopped waiting; batch (batch_\d+) goes on \(in_progress\)\. Resume with: ballast batch status \1 --wait\n$/);
  });

  test('without an interrupt signal given, Ctrl-C (SIGINT) stops following; the listener is removed after', async () => {
    api.behaviour = { perPoll: 0, end: 'completed' };
    const listeners = process.listenerCount('SIGINT');
    const running = batch(['submit', MIXED, '--wait']);
    await waitFor(() => api.received.filter((request) => request.method === 'GET').length >= 2);
    expect(process.listenerCount('SIGINT')).toBe(listeners + 1);
    process.emit('SIGINT');
    expect((await running).code).toBe(130);
    expect(process.listenerCount('SIGINT')).toBe(listeners);
  });

  test('no valid line: the API error as `title: detail` and the invalid lines, exit 1', async () => {
    const file = writeJsonl('bad.jsonl', ['nope', line('x-1', 'gpt-4.1-mini').replace('/v1/chat/completions', '/v1/embeddings')]);
    const { code, stdout, stderr } = await batch(['submit', file]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('Bad Request: No valid line in the batch (2 invalid).\nLINE  CUSTOM_ID  ERROR\n   1  -          invalid-json: The line is not JSON.\n   2  x-1        invalid-url: url must be /v1/chat/completions.\n');
  });

  test('a file that is missing or empty is refused before any request', async () => {
    expect(await batch(['submit', 'missing.jsonl'])).toMatchObject({ code: 1, stderr: 'ballast batch submit: no such file: missing.jsonl\n' });
    writeFileSync(join(folder, 'empty.jsonl'), '\n');
    expect(await batch(['submit', 'empty.jsonl'])).toMatchObject({ code: 1, stderr: 'ballast batch submit: empty.jsonl has no lines\n' });
    expect(api.received).toHaveLength(0);
  });
});

describe('ballast batch status, results, cancel, list', () => {
  async function submitted(): Promise<string> {
    const { stdout } = await batch(['submit', MIXED, '--json']);
    return (JSON.parse(stdout) as { id: string }).id;
  }

  test('status shows the batch; --wait follows it; an unknown id is a 404 read `title: detail`', async () => {
    const id = await submitted();
    const shown = await batch(['status', id]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(`Batch        ${id}\nStatus       in_progress (provider mode, window 24h)\n`);
    expect(shown.stdout).toContain('Invalid lines:\nLINE');

    const waited = await batch(['status', id, '--wait']);
    expect(waited.code).toBe(0);
    expect(waited.stdout).toMatch(new RegExp(`^Following batch ${id} \\(provider mode\\); Ctrl-C stops following, not the batch\\.\\n`));
    expect(waited.stdout).toMatch(/completed in [^:]+: 2 completed, 1 failed, 2 invalid/);

    // Already ended: --wait prints the summary straight away.
    expect((await batch(['status', id, '--wait'])).stdout).toMatch(/completed in/);

    expect(await batch(['status', 'batch_nope'])).toEqual({ code: 1, stdout: '', stderr: 'Not Found: No batch batch_nope.\n' });
  });

  test('results stream to stdout with a note on stderr of how many lines and how many are pending', async () => {
    api.behaviour = { perPoll: 1, end: 'completed' };
    const id = await submitted();
    await batch(['status', id]); // validating -> in_progress
    await batch(['status', id]); // 1 line finished
    const partial = await batch(['results', id]);
    expect(partial.code).toBe(0);
    // The status read before downloading moved it on once more: 2 of 3 runnable lines are done.
    const lines = partial.stdout.trim().split('\n').map((text) => JSON.parse(text) as { custom_id: string | null; response: unknown; error: unknown });
    expect(lines.map((result) => result.custom_id)).toEqual(['a-1', 'a-3', null, 'a-1']);
    expect(lines[0]).toMatchObject({ response: { status_code: 200 }, error: null });
    expect(partial.stderr).toBe(`Wrote 4 result lines (batch ${id} in_progress); 1 still pending: run this again when it ends (ballast batch status ${id} --wait)\n`);
  });

  test('results -o writes the file whole and says so on stdout', async () => {
    const id = await submitted();
    await batch(['status', id, '--wait']);
    const { code, stdout, stderr } = await batch(['results', id, '-o', 'out.jsonl']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe(`Wrote 5 result lines to out.jsonl (batch ${id} completed)\n`);
    const written = readFileSync(join(folder, 'out.jsonl'), 'utf8');
    expect(written.split('\n').filter(Boolean)).toHaveLength(5);
    expect(written).toContain('"custom_id":"a-fail-5","response":null,"error":{"code":"failed"');
    expect(readdirSync(folder).filter((name) => name.includes('.partial-'))).toEqual([]);

    // An unknown id: no file is made.
    expect((await batch(['results', 'batch_nope', '-o', 'nope.jsonl'])).code).toBe(1);
    expect(existsSync(join(folder, 'nope.jsonl'))).toBe(false);
  });

  test('cancel: cancelling, then cancelled; cancelling an ended batch is the API conflict', async () => {
    api.behaviour = { perPoll: 0, end: 'completed' };
    const id = await submitted();
    const cancelled = await batch(['cancel', id]);
    expect(cancelled.code).toBe(0);
    expect(cancelled.stdout).toMatch(new RegExp(`^Cancel requested for batch ${id}: cancelling\\n\\nBatch +${id}\\n`));
    expect(api.received.at(-1)).toMatchObject({ method: 'POST', path: `/v1/batches/${id}/cancel` });

    const waited = await batch(['status', id, '--wait']);
    expect(waited.code).toBe(2);
    expect(waited.stdout).toMatch(/cancelled in [^:]+: 0 completed, 0 failed, 2 invalid, 3 cancelled/);

    expect(await batch(['cancel', id])).toMatchObject({ code: 1, stderr: `Conflict: Batch ${id} has ended (cancelled).\n` });
  });

  test('list: the latest batches as a table', async () => {
    await submitted();
    const { code, stdout } = await batch(['list', '--limit', '2']);
    expect(code).toBe(0);
    expect(api.received.at(-1)).toMatchObject({ method: 'GET', path: '/v1/batches', query: { limit: '2' } });
    const rows = stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^ID\s+STATUS\s+MODE\s+DONE\s+INVALID\s+COST\s+CREATED$/);
    expect(rows.slice(1, 3).every((row) => /^batch_\d+ /.test(row))).toBe(true);
    expect(rows[3]).toBe('(more batches: raise --limit)');
    const asJson = await batch(['list', '--json', '--limit', '1']);
    expect(JSON.parse(asJson.stdout)).toHaveLength(1);
  });
});

describe('ballast batch errors and help', () => {
  test('a key the API refuses: `title: detail`, exit 1', async () => {
    const { code, stderr } = await batch(['list'], { env: { BALLAST_API_URL: api.url, BALLAST_API_KEY: 'sk-wrong' } });
    expect(code).toBe(1);
    expect(stderr).toBe('Unauthorized: The API key is missing or not valid.\n');
  });

  test('an API that is not there: exit 1 with what to check', async () => {
    const port = await closedPort();
    const { code, stderr } = await batch(['status', 'batch_1', '--api', `http://127.0.0.1:${port}`]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^cannot reach the Ballast API at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
  });

  test('usage errors exit 1 and point to the help; help exits 0', async () => {
    expect(await batch(['status'])).toEqual({ code: 1, stdout: '', stderr: "ballast batch status: give the batch id\nRun 'ballast batch status --help' for usage.\n" });
    expect(await batch([])).toMatchObject({ code: 1, stderr: expect.stringContaining("Run 'ballast batch --help' for usage.") });
    const help = await batch(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^ballast batch <subcommand>/);
    expect((await batch(['submit', '--help'])).stdout).toMatch(/--completion-window <window>/);
    expect(api.received).toHaveLength(0);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 500 && !condition(); attempt += 1) await new Promise((resolveWait) => setTimeout(resolveWait, 5));
  if (!condition()) throw new Error('condition not reached');
}

/** A loopback port nothing listens on (one that was free a moment ago). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolveClose) => server.close(resolveClose));
  return port;
}
