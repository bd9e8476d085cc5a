/** The part of `fetch` the CLI uses; tests pass the global one, or a stub. */
export type FetchFunction = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * A request the API refused (with its problem+json `detail`) or could not be sent at all
 * (`status` undefined: connection refused, DNS, ...).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number | undefined,
    /** The problem `type`, e.g. `/problems/collection-not-found`, when the API sent one. */
    readonly problemType: string | undefined,
    detail: string,
    /** The problem `title` (e.g. `Not Found`), when the API sent one. */
    readonly title?: string | undefined,
    /** The whole problem+json body, for extensions such as a list of invalid lines. */
    readonly problem?: Readonly<Record<string, unknown>> | undefined,
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

/** A document as `GET /v1/collections/:c/documents/:id` and uploads return it. */
export interface DocumentBody {
  readonly id: string;
  readonly status: 'queued' | 'parsing' | 'embedding' | 'ready' | 'failed' | 'deleting' | 'deleted';
  readonly latest_version: number;
  readonly active_version: number | null;
  readonly progress: { readonly chunks_embedded: number; readonly chunks_total: number };
  readonly error: string | null;
  /** Upload answers: the version this upload began (202). */
  readonly version?: number;
  /** Upload answers: true when the same source_name already had these bytes (200). */
  readonly unchanged?: boolean;
}

export interface DocumentUploadFile {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly mediaType: string;
  readonly title: string;
  readonly sourceName: string;
}

/**
 * Checks an API base URL and normalises it: no trailing slash, and a pasted `/v1` suffix
 * dropped (paths below add it). Returns undefined when it is not an http(s) URL.
 */
export function normalizeApiUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return url.href.replace(/\/+$/, '').replace(/\/v1$/, '');
}

/** The few calls of the Ballast HTTP API the CLI makes. */
export class BallastApi {
  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
    private readonly fetchFn: FetchFunction,
  ) {}

  /** `POST /v1/collections`; a 409 means it exists already, which is fine here. */
  async ensureCollection(name: string): Promise<'created' | 'exists'> {
    try {
      await this.request('POST', '/v1/collections', { body: JSON.stringify({ name }), contentType: 'application/json' });
      return 'created';
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) return 'exists';
      throw error;
    }
  }

  /** `GET /v1/collections/:c` (by name or id). */
  async getCollection(nameOrId: string): Promise<{ id: string; name: string }> {
    return (await this.request('GET', `/v1/collections/${encodeURIComponent(nameOrId)}`)) as { id: string; name: string };
  }

  /** Multipart `POST /v1/collections/:c/documents`: 202 with a new version, or 200 `unchanged`. */
  async uploadDocument(collection: string, file: DocumentUploadFile): Promise<DocumentBody> {
    const form = new FormData();
    // Fields before the file: the server reads the fields that precede the file part.
    form.append('title', file.title);
    form.append('source_name', file.sourceName);
    form.append('file', new Blob([file.bytes], { type: file.mediaType }), file.fileName);
    return (await this.request('POST', `/v1/collections/${encodeURIComponent(collection)}/documents`, { body: form })) as DocumentBody;
  }

  /** `GET /v1/collections/:c/documents/:id`: status and chunks embedded / total. */
  async getDocument(collection: string, documentId: string): Promise<DocumentBody> {
    return (await this.request('GET', `/v1/collections/${encodeURIComponent(collection)}/documents/${encodeURIComponent(documentId)}`)) as DocumentBody;
  }

  /**
   * Any JSON call: `body` is sent as it is with its content type (`application/jsonl`, JSON, ...),
   * or no body at all. Answers the parsed JSON; refusals throw ApiError.
   */
  async send(method: string, path: string, body?: { readonly text: string; readonly contentType: string }): Promise<unknown> {
    return this.request(method, path, body ? { body: body.text, contentType: body.contentType } : {});
  }

  /** A `GET` whose answer is read as a stream (e.g. JSONL results) rather than parsed; refusals throw ApiError. */
  async getStream(path: string, accept: string): Promise<ReadableStream<Uint8Array>> {
    const response = await this.fetchOk('GET', path, {}, `${accept}, application/problem+json`);
    return response.body ?? new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
  }

  private async request(method: string, path: string, options: { body?: string | FormData; contentType?: string } = {}): Promise<unknown> {
    const response = await this.fetchOk(method, path, options, 'application/json, application/problem+json');
    return parseJson(await response.text());
  }

  /** Sends a request; answers the response when it is a success, throws ApiError otherwise. */
  private async fetchOk(method: string, path: string, options: { body?: string | FormData; contentType?: string }, accept: string): Promise<Response> {
    const url = `${this.baseUrl}${path}`;
    let response: Response;
    try {
      response = await this.fetchFn(url, {
        method,
        headers: {
          authorization: `Bearer ${this.apiKey}`,
          accept,
          ...(options.contentType ? { 'content-type': options.contentType } : {}),
        },
        ...(options.body !== undefined ? { body: options.body } : {}),
      });
    } catch (error) {
      throw new ApiError(undefined, undefined, `cannot reach the Ballast API at ${this.baseUrl} (${networkReason(error)}); is it running (\`ballast start\`), and is --api / BALLAST_API_URL right?`);
    }
    if (!response.ok) {
      const body = parseJson(await response.text());
      const problem = (typeof body === 'object' && body !== null ? body : {}) as { detail?: unknown; title?: unknown; type?: unknown };
      const detail = typeof problem.detail === 'string' && problem.detail ? problem.detail : typeof problem.title === 'string' && problem.title ? problem.title : `${response.status} ${response.statusText}`.trim();
      throw new ApiError(
        response.status,
        typeof problem.type === 'string' ? problem.type : undefined,
        detail,
        typeof problem.title === 'string' && problem.title ? problem.title : undefined,
        problem as Record<string, unknown>,
      );
    }
    return response;
  }
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}
