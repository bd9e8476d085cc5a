/** One request as an SDK sent it, for assertions. */
export interface RecordedRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  /** The parsed JSON body. */
  readonly body: Record<string, unknown>;
  readonly signal: AbortSignal | undefined;
}

/**
 * A `fetch` for SDK clients that answers from a script instead of the network, and records
 * what was sent. Lets adapter tests check the exact wire request without a server.
 */
export function createScriptedFetch(respond: (request: RecordedRequest) => Response | Promise<Response>): {
  fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  requests: RecordedRequest[];
} {
  const requests: RecordedRequest[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request: RecordedRequest = {
      url: input instanceof Request ? input.url : String(input),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : {},
      signal: init?.signal ?? undefined,
    };
    requests.push(request);
    return respond(request);
  };
  return { fetch, requests };
}

/** A JSON response as a provider would send it. */
export function jsonResponse(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'content-type': 'application/json', ...init.headers },
  });
}

/** A response that never arrives: settles only when the request is aborted, like a hung provider. */
export function hangUntilAborted(request: RecordedRequest): Promise<Response> {
  return new Promise((_resolve, reject) => {
    const signal = request.signal;
    if (signal === undefined) return;
    const fail = (): void => reject(signal.reason ?? new DOMException('aborted', 'AbortError'));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
}

/** Headers sent at once, then a body that never finishes until the request is aborted. */
export function stalledBodyResponse(request: RecordedRequest): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"id":'));
      request.signal?.addEventListener('abort', () => controller.error(request.signal?.reason), { once: true });
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
}
