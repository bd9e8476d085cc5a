import type { BallastApi } from '../../http/ballast-api.js';

/** Batch statuses, as docs/batches.md lists them. */
export type BatchStatus = 'validating' | 'in_progress' | 'finalizing' | 'completed' | 'failed' | 'cancelling' | 'cancelled' | 'expired';

/** Statuses a batch does not leave. */
export const FINAL_STATUSES: ReadonlySet<string> = new Set(['completed', 'failed', 'cancelled', 'expired']);

export interface BatchRequestCounts {
  readonly total: number;
  readonly completed: number;
  readonly failed: number;
  readonly invalid: number;
  readonly pending: number;
  readonly cancelled: number;
}

/** A line the API refused: its 1-based line number, custom_id when it could be read, and why. */
export interface BatchLineError {
  readonly line: number | null;
  readonly custom_id: string | null;
  readonly code: string;
  readonly message: string;
}

/** The batch object of `POST /v1/batches`, `GET /v1/batches/:id` and the list (docs/batches.md, "Wire format"). */
export interface BatchObject {
  readonly id: string;
  readonly mode: string;
  /** A BatchStatus; kept a string so a status added later still shows. */
  readonly status: string;
  readonly completion_window: string | null;
  /** Unix seconds. */
  readonly created_at: number | null;
  readonly expires_at: number | null;
  readonly completed_at: number | null;
  readonly cancelled_at: number | null;
  readonly request_counts: BatchRequestCounts;
  readonly cost_usd: number;
  readonly errors: readonly BatchLineError[];
  readonly metadata: Readonly<Record<string, string>>;
  readonly workflowId: string | undefined;
  readonly temporalUiUrl: string | undefined;
  /** The body as the API sent it (what --json prints). */
  readonly raw: unknown;
}

export interface BatchSubmitOptions {
  readonly mode?: string | undefined;
  readonly completionWindow?: string | undefined;
  readonly webhookUrl?: string | undefined;
  readonly metadata?: Readonly<Record<string, string>> | undefined;
}

export interface BatchList {
  readonly batches: readonly BatchObject[];
  readonly hasMore: boolean;
}

/** The batch endpoints of the Ballast API. */
export class BatchApi {
  constructor(private readonly api: BallastApi) {}

  /**
   * `POST /v1/batches` with the JSONL itself (`application/jsonl`, options as query parameters).
   * The query form has no metadata, so with metadata the JSON form carries the file as `input_jsonl`.
   */
  async submit(jsonl: string, options: BatchSubmitOptions): Promise<BatchObject> {
    const metadata = options.metadata ?? {};
    if (Object.keys(metadata).length > 0) {
      const body = { mode: options.mode, input_jsonl: jsonl, completion_window: options.completionWindow, webhook_url: options.webhookUrl, metadata };
      return toBatch(await this.api.send('POST', '/v1/batches', { text: JSON.stringify(body), contentType: 'application/json' }));
    }
    const query = new URLSearchParams();
    if (options.mode !== undefined) query.set('mode', options.mode);
    if (options.completionWindow !== undefined) query.set('completion_window', options.completionWindow);
    if (options.webhookUrl !== undefined) query.set('webhook_url', options.webhookUrl);
    const search = query.toString() ? `?${query.toString()}` : '';
    return toBatch(await this.api.send('POST', `/v1/batches${search}`, { text: jsonl, contentType: 'application/jsonl' }));
  }

  async get(id: string): Promise<BatchObject> {
    return toBatch(await this.api.send('GET', batchPath(id)));
  }

  async cancel(id: string): Promise<BatchObject> {
    return toBatch(await this.api.send('POST', `${batchPath(id)}/cancel`));
  }

  async list(limit?: number): Promise<BatchList> {
    const body = await this.api.send('GET', `/v1/batches${limit !== undefined ? `?limit=${limit}` : ''}`);
    const record = asRecord(body);
    const items = Array.isArray(body) ? body : Array.isArray(record.data) ? record.data : [];
    return { batches: items.map(toBatch), hasMore: record.has_more === true };
  }

  /** `GET /v1/batches/:id/results`: the JSONL as it arrives. */
  async results(id: string): Promise<ReadableStream<Uint8Array>> {
    return this.api.getStream(`${batchPath(id)}/results`, 'application/jsonl');
  }
}

function batchPath(id: string): string {
  return `/v1/batches/${encodeURIComponent(id)}`;
}

/** Reads a batch object leniently: missing counts are 0, missing lists empty. */
export function toBatch(body: unknown): BatchObject {
  const record = asRecord(body);
  const counts = asRecord(record.request_counts);
  const errors = asRecord(record.errors);
  const ballast = asRecord(record.ballast);
  const metadata = Object.fromEntries(Object.entries(asRecord(record.metadata)).map(([key, value]) => [key, String(value)]));
  return {
    id: str(record.id) ?? '',
    mode: str(record.mode) ?? '',
    status: str(record.status) ?? 'unknown',
    completion_window: str(record.completion_window) ?? null,
    created_at: num(record.created_at) ?? null,
    expires_at: num(record.expires_at) ?? null,
    completed_at: num(record.completed_at) ?? null,
    cancelled_at: num(record.cancelled_at) ?? null,
    request_counts: {
      total: num(counts.total) ?? 0,
      completed: num(counts.completed) ?? 0,
      failed: num(counts.failed) ?? 0,
      invalid: num(counts.invalid) ?? 0,
      pending: num(counts.pending) ?? 0,
      cancelled: num(counts.cancelled) ?? 0,
    },
    cost_usd: num(record.cost_usd) ?? 0,
    errors: toLineErrors(Array.isArray(record.errors) ? record.errors : errors.data),
    metadata,
    workflowId: str(ballast.workflow_id),
    temporalUiUrl: str(ballast.temporal_ui_url),
    raw: body,
  };
}

/** Line errors from `errors.data` (or a bare list, as a 400 problem may carry them). */
export function toLineErrors(list: unknown): BatchLineError[] {
  if (!Array.isArray(list)) return [];
  return list.map((item) => {
    const error = asRecord(item);
    return { line: num(error.line) ?? null, custom_id: str(error.custom_id) ?? null, code: str(error.code) ?? '', message: str(error.message) ?? str(error.detail) ?? '' };
  });
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
