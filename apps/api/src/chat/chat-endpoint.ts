import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { Caller } from '#libs/contracts';
import type { ChatCompletionRequestBody } from './chat-completion-request.dto.js';
import type { ChatService, CompletionOptions } from './chat.service.js';
import type { ChatStreamWriterFactory } from './streaming/chat-stream.service.js';

/** One chat request as an endpoint received it: the body in chat-completion form, and the headers that shape it. */
export interface ChatEndpointRequest {
  readonly body: ChatCompletionRequestBody;
  readonly caller: Caller;
  readonly reply: FastifyReply;
  /** `x-ballast-tier`, as sent. */
  readonly tierHint?: string | undefined;
  /** `Cache-Control`, as sent. */
  readonly cacheControl?: string | undefined;
}

/** A complete (non-streaming) answer, as {@link ChatService.complete} gives it. */
export type ChatCompletionResponse = Awaited<ReturnType<ChatService['complete']>>;

/** What makes an endpoint's wire format: its stream writer and its non-streaming response. */
export interface ChatEndpointWire<T> {
  /** Called only for `stream: true`, before the stream opens (it may refuse the request); default: OpenAI's chunks. */
  readonly streamWriter?: () => ChatStreamWriterFactory;
  readonly present: (response: ChatCompletionResponse) => T;
}

/** The request headers that shape a completion besides its body. */
export function completionOptions(tierHint: string | undefined, cacheControl: string | undefined): CompletionOptions {
  const tier = tierHint?.trim().toLowerCase() || undefined;
  return { ...(tier ? { tierHint: tier } : {}), ...(cacheControl !== undefined ? { cacheControl } : {}) };
}

/**
 * The steps the chat endpoints share (`/v1/chat/completions`, `/v1/messages`): options from the
 * headers, a stream or a complete answer, and the response headers of each.
 */
export async function runChatEndpoint<T>(chat: ChatService, request: ChatEndpointRequest, wire: ChatEndpointWire<T>): Promise<Readable | T> {
  const { body, caller, reply } = request;
  const options = completionOptions(request.tierHint, request.cacheControl);
  if (body.stream === true) {
    const writer = wire.streamWriter?.();
    // Failures found before the stream opens (unknown model, ...) are still problem+json.
    const stream = await chat.stream(body, caller, options, writer);
    void reply.header('content-type', 'text/event-stream; charset=utf-8');
    void reply.header('cache-control', 'no-cache');
    void reply.header('x-accel-buffering', 'no');
    void reply.header('x-ballast-request-id', stream.requestId);
    void reply.header('x-ballast-cache', 'bypass');
    return stream.body;
  }
  const response = await chat.complete(body, caller, options);
  void reply.header('x-ballast-request-id', response.ballast.request_id);
  void reply.header('x-ballast-cache', response.ballast.cache.status);
  return wire.present(response);
}
