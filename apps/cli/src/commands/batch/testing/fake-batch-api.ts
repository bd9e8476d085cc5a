import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the Ballast API's batch endpoints (docs/batches.md, "Wire format") on a real
 * `node:http` server, until the real ones land. Batches live in memory; every
 * `GET /v1/batches/:id` moves a batch on by `perPoll` lines.
 */
export interface FakeBatchApi {
  readonly url: string;
  /** Requests received, for assertions on what the CLI sent. */
  readonly received: ReceivedRequest[];
  /** How batches move: lines finished per status poll (0: stalled), and how a batch ends. */
  behaviour: { perPoll: number; end: 'completed' | 'failed' | 'expired' };
  close(): Promise<void>;
}

export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly contentType: string | undefined;
  readonly body: string;
}

interface FakeLine {
  readonly customId: string;
  status: 'pending' | 'succeeded' | 'failed' | 'cancelled';
}

interface FakeBatch {
  readonly id: string;
  readonly mode: string;
  readonly completionWindow: string;
  readonly createdAt: number;
  readonly metadata: Record<string, string>;
  readonly lines: FakeLine[];
  readonly errors: Array<{ line: number; custom_id: string | null; code: string; message: string }>;
  status: string;
  completedAt: number | null;
  cancelledAt: number | null;
}

const LINE_COST_USD = 0.00021;

export async function startFakeBatchApi(apiKey: string): Promise<FakeBatchApi> {
  const batches = new Map<string, FakeBatch>();
  const received: ReceivedRequest[] = [];
  let sequence = 0;
  const fake = { behaviour: { perPoll: 1, end: 'completed' as 'completed' | 'failed' | 'expired' } };

  const server: Server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => problem(response, 500, 'Internal Server Error', String(error)));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake');
    const body = await readBody(request);
    received.push({ method: request.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams), contentType: request.headers['content-type'], body });
    if (request.headers.authorization !== `Bearer ${apiKey}`) return problem(response, 401, 'Unauthorized', 'The API key is missing or not valid.');

    const match = /^\/v1\/batches(?:\/([^/]+))?(\/results|\/cancel)?$/.exec(url.pathname);
    if (!match) return problem(response, 404, 'Not Found', `No route ${request.method} ${url.pathname}.`);
    const [, rawId, action] = match;
    if (rawId === undefined) {
      if (request.method === 'POST') return submit(url, request.headers['content-type'] ?? '', body, response);
      if (request.method === 'GET') {
        const limit = Number(url.searchParams.get('limit') ?? 20);
        const all = [...batches.values()].reverse();
        return json(response, 200, { object: 'list', data: all.slice(0, limit).map(batchObject), has_more: all.length > limit });
      }
    }
    const batch = batches.get(decodeURIComponent(rawId ?? ''));
    if (!batch) return problem(response, 404, 'Not Found', `No batch ${rawId}.`);
    if (action === undefined && request.method === 'GET') {
      advance(batch);
      return json(response, 200, batchObject(batch));
    }
    if (action === '/cancel' && request.method === 'POST') {
      if (['completed', 'failed', 'expired', 'cancelled'].includes(batch.status)) return problem(response, 409, 'Conflict', `Batch ${batch.id} has ended (${batch.status}).`);
      batch.status = 'cancelling';
      return json(response, 200, batchObject(batch));
    }
    if (action === '/results' && request.method === 'GET') return results(batch, response);
    return problem(response, 405, 'Method Not Allowed', `${request.method} is not allowed here.`);
  }

  function submit(url: URL, contentType: string, body: string, response: ServerResponse): void {
    let options: { mode?: string; completion_window?: string; metadata?: Record<string, string>; input_jsonl?: string };
    if (contentType.startsWith('application/jsonl')) {
      options = { input_jsonl: body, ...Object.fromEntries(url.searchParams) };
    } else {
      options = JSON.parse(body) as typeof options;
    }
    const lines: FakeLine[] = [];
    const errors: FakeBatch['errors'] = [];
    const seen = new Set<string>();
    (options.input_jsonl ?? '').split('\n').forEach((text, index) => {
      if (!text.trim()) return;
      const line = index + 1;
      let parsed: { custom_id?: unknown; url?: unknown; body?: { model?: unknown; stream?: unknown } };
      try {
        parsed = JSON.parse(text) as typeof parsed;
      } catch {
        errors.push({ line, custom_id: null, code: 'invalid-json', message: 'The line is not JSON.' });
        return;
      }
      const customId = typeof parsed.custom_id === 'string' ? parsed.custom_id : null;
      if (customId === null) errors.push({ line, custom_id: null, code: 'missing-custom-id', message: 'custom_id is required.' });
      else if (seen.has(customId)) errors.push({ line, custom_id: customId, code: 'duplicate-custom-id', message: `custom_id ${customId} is used twice.` });
      else if (parsed.url !== '/v1/chat/completions') errors.push({ line, custom_id: customId, code: 'invalid-url', message: 'url must be /v1/chat/completions.' });
      else if (typeof parsed.body?.model !== 'string') errors.push({ line, custom_id: customId, code: 'invalid-body', message: 'body.model is required.' });
      else lines.push({ customId, status: 'pending' });
      if (customId !== null) seen.add(customId);
    });
    if (lines.length === 0) return problem(response, 400, 'Bad Request', `No valid line in the batch (${errors.length} invalid).`, { errors });
    sequence += 1;
    const batch: FakeBatch = {
      id: `batch_${String(sequence).padStart(4, '0')}`,
      mode: options.mode ?? 'provider',
      completionWindow: options.completion_window ?? '24h',
      createdAt: Math.floor(Date.now() / 1000),
      metadata: options.metadata ?? {},
      lines,
      errors,
      status: 'validating',
      completedAt: null,
      cancelledAt: null,
    };
    batches.set(batch.id, batch);
    json(response, 202, batchObject(batch));
  }

  function advance(batch: FakeBatch): void {
    const now = Math.floor(Date.now() / 1000);
    if (batch.status === 'cancelling') {
      for (const line of batch.lines) if (line.status === 'pending') line.status = 'cancelled';
      batch.status = 'cancelled';
      batch.cancelledAt = now;
      return;
    }
    if (batch.status === 'validating') {
      batch.status = 'in_progress';
      return;
    }
    if (batch.status !== 'in_progress') return;
    const pending = batch.lines.filter((line) => line.status === 'pending').slice(0, fake.behaviour.perPoll);
    for (const line of pending) line.status = line.customId.includes('fail') ? 'failed' : 'succeeded';
    if (batch.lines.some((line) => line.status === 'pending')) return;
    const end = fake.behaviour.end;
    batch.status = end;
    batch.completedAt = end === 'completed' ? now : null;
  }

  function batchObject(batch: FakeBatch) {
    const count = (status: FakeLine['status']) => batch.lines.filter((line) => line.status === status).length;
    return {
      id: batch.id,
      object: 'batch',
      mode: batch.mode,
      status: batch.status,
      endpoint: '/v1/chat/completions',
      completion_window: batch.completionWindow,
      created_at: batch.createdAt,
      expires_at: batch.createdAt + 86400,
      completed_at: batch.completedAt,
      cancelled_at: batch.cancelledAt,
      request_counts: {
        total: batch.lines.length + batch.errors.length,
        completed: count('succeeded'),
        failed: count('failed'),
        invalid: batch.errors.length,
        pending: count('pending'),
        cancelled: count('cancelled'),
      },
      cost_usd: Number((count('succeeded') * LINE_COST_USD).toFixed(8)),
      errors: { data: batch.errors },
      metadata: batch.metadata,
      ballast: { workflow_id: `batch-${batch.id}`, temporal_ui_url: `http://localhost:8233/namespaces/default/workflows/batch-${batch.id}` },
    };
  }

  /** The results JSONL, sent in small pieces that cut lines apart (as a real stream may). */
  function results(batch: FakeBatch, response: ServerResponse): void {
    const output = batch.lines
      .filter((line) => line.status !== 'pending')
      .map((line) =>
        JSON.stringify(
          line.status === 'succeeded'
            ? { id: `req_${line.customId}`, custom_id: line.customId, response: { status_code: 200, body: { object: 'chat.completion', choices: [{ message: { role: 'assistant', content: `answer ${line.customId}` } }] } }, error: null }
            : { id: `req_${line.customId}`, custom_id: line.customId, response: null, error: { code: line.status, message: `the request ${line.status === 'failed' ? 'failed' : 'was cancelled'}` } },
        ),
      )
      .concat(batch.errors.map((error) => JSON.stringify({ id: `req_line_${error.line}`, custom_id: error.custom_id, response: null, error: { code: error.code, message: error.message } })));
    response.writeHead(200, { 'content-type': 'application/jsonl' });
    const text = output.map((line) => `${line}\n`).join('');
    for (let start = 0; start < text.length; start += 37) response.write(text.slice(start, start + 37));
    response.end();
  }

  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    get behaviour() {
      return fake.behaviour;
    },
    set behaviour(value) {
      fake.behaviour = value;
    },
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function problem(response: ServerResponse, status: number, title: string, detail: string, extensions: Record<string, unknown> = {}): void {
  response.writeHead(status, { 'content-type': 'application/problem+json' });
  response.end(JSON.stringify({ type: `/problems/${title.toLowerCase().replace(/ /g, '-')}`, title, status, detail, ...extensions }));
}
