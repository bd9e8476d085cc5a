import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

/** Which provider's wire conventions (error shape, request-id header) a response follows. */
export type Provider = 'openai' | 'anthropic';

/** Header on every response so nobody mistakes a simulated answer for a real one. */
export const SIMULATED_HEADER = 'x-ballast-simulated';
/** Header carrying the latency drawn for a call, for benchmarks and determinism checks. */
export const LATENCY_HEADER = 'x-ballast-simulated-latency-ms';

const REQUEST_ID_HEADERS: Record<Provider, string> = { openai: 'x-request-id', anthropic: 'request-id' };

/** A fresh id with a provider-like prefix (`chatcmpl-`, `msg_`, `req_`). Random, not seeded: ids must not collide across runs. */
export function newId(prefix: string): string {
  return `${prefix}${randomBytes(12).toString('hex')}`;
}

/** One request/response pair plus what every handler needs: the request id and a "client went away" signal. */
export class Exchange {
  readonly requestId = newId('req_');
  readonly #clientGone = new AbortController();
  #extraHeaders: Record<string, string> = {};

  constructor(
    readonly request: IncomingMessage,
    readonly response: ServerResponse,
    readonly provider: Provider,
  ) {
    response.once('close', () => {
      if (!response.writableFinished) this.#clientGone.abort();
    });
  }

  /** Aborted when the connection closes before the response was fully written. */
  get clientGone(): AbortSignal {
    return this.#clientGone.signal;
  }

  /** Adds a header to whatever response is sent later. */
  setHeader(name: string, value: string): void {
    this.#extraHeaders[name] = value;
  }

  /** Sends a complete JSON response. */
  sendJson(status: number, body: unknown, headers: Record<string, string> = {}): void {
    this.sendText(status, 'application/json', JSON.stringify(body), headers);
  }

  /** Sends a complete response with any body, text or bytes. */
  sendText(status: number, contentType: string, body: string | Uint8Array, headers: Record<string, string> = {}): void {
    if (this.clientGone.aborted) return;
    this.response.writeHead(status, {
      ...this.#headers(),
      ...headers,
      'content-type': contentType,
      'content-length': String(Buffer.byteLength(body)),
    });
    this.response.end(body);
  }

  /** Sends 204 No Content. */
  sendEmpty(): void {
    if (this.clientGone.aborted) return;
    this.response.writeHead(204, this.#headers());
    this.response.end();
  }

  /** Starts a server-sent-events response; headers go out at once so clients see the stream open. */
  openEventStream(): void {
    this.response.writeHead(200, {
      ...this.#headers(),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    this.response.flushHeaders();
  }

  /** Waits `milliseconds` (no timer at all for 0). Resolves false if the client went away meanwhile. */
  async wait(milliseconds: number): Promise<boolean> {
    if (milliseconds <= 0) return !this.clientGone.aborted;
    try {
      await sleep(milliseconds, undefined, { signal: this.clientGone });
      return true;
    } catch {
      return false;
    }
  }

  #headers(): Record<string, string> {
    return { [SIMULATED_HEADER]: 'true', [REQUEST_ID_HEADERS[this.provider]]: this.requestId, ...this.#extraHeaders };
  }
}
