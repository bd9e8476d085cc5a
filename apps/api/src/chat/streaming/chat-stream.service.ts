import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { chatWorkflowId, type ChatRequest, type ChatResult, type ChatWorkflowInput } from '#libs/contracts';
import type { ChatStreamEvent } from '#libs/streaming';
import { AppSettings } from '../../app-settings.js';
import { answeredTrace, failedTrace, unansweredTrace, type ChatTraceBase } from '../../observability/chat-trace-drafts.js';
import { TraceRecorder } from '../../observability/trace-recorder.js';
import type { ProblemDetails } from '../../problems/problem-details.js';
import { problem, ProblemError } from '../../problems/problem-error.js';
import { ChatFailedError, ChatStarter } from '../../temporal/chat-starter.js';
import { chatFailureProblem, chatTimeoutProblem } from '../chat-problems.js';
import { toOpenAiResponse, type OpenAiChatCompletion } from '../to-openai-response.js';
import { ChatEventStream } from './chat-event-stream.js';
import { StreamRelayRef } from './stream-relay-ref.js';

/** One streaming response in a wire format: relay events in, the workflow's answer or failure to end it. */
export interface ChatStreamWriter {
  readonly body: Readable;
  onRelayEvent(event: ChatStreamEvent): void;
  complete(completion: OpenAiChatCompletion): void;
  fail(problem: ProblemDetails): void;
}

/** Builds the writer of a request's stream (another wire format than OpenAI's chunks, e.g. `/v1/messages`). */
export type ChatStreamWriterFactory = (request: ChatRequest) => ChatStreamWriter;

/** A streaming request, checked and ready to run. */
export interface StreamingChat {
  readonly input: ChatWorkflowInput;
  readonly includeUsage: boolean;
  /** The trace facts known before the run (latency measured when called). */
  readonly traceBase: (workflowId: string) => ChatTraceBase;
  /** The wire format; OpenAI's `chat.completion.chunk`s ({@link ChatEventStream}) by default. */
  readonly writer?: ChatStreamWriterFactory;
}

/** An opened stream: the response body and the id to put in its headers. */
export interface OpenedChatStream {
  readonly requestId: string;
  readonly body: Readable;
}

/** The cache does not apply to streams (ADR 0012): the trace says so. */
const CACHE_STATUS = 'bypass';

/**
 * Runs a `stream: true` request: subscribes to its text on the relay, then starts its workflow
 * as any request, and ends the stream with the workflow's answer (or an error event).
 */
@Injectable()
export class ChatStreamService {
  constructor(
    private readonly settings: AppSettings,
    private readonly starter: ChatStarter,
    private readonly relays: StreamRelayRef,
    private readonly recorder: TraceRecorder,
  ) {}

  async open(chat: StreamingChat): Promise<OpenedChatStream> {
    const { request } = chat.input;
    const stream = chat.writer?.(request) ?? new ChatEventStream({ id: `chatcmpl-${request.requestId}`, created: Math.floor(Date.now() / 1000) }, request.model, chat.includeUsage);
    // Subscribed before the workflow starts, so not even the first delta can be missed.
    const subscription = await this.relays.relay.subscribe(request.requestId, (event) => stream.onRelayEvent(event));
    // The workflow runs to its end even if the client leaves: it is recorded and billed as any request.
    stream.body.once('close', () => void subscription.close());
    void this.run(chat, stream).finally(() => subscription.close());
    return { requestId: request.requestId, body: stream.body };
  }

  private async run(chat: StreamingChat, stream: ChatStreamWriter): Promise<void> {
    const { requestId } = chat.input.request;
    const workflowId = chatWorkflowId(requestId);
    const link = this.settings.temporalUiLink(workflowId);
    try {
      const result = await this.withTimeout(this.starter.run(chat.input), () => chatTimeoutProblem(requestId, this.settings.config.server.requestTimeoutMs, link));
      stream.complete(toOpenAiResponse(result, { workflowId, temporalUiUrl: link, startMode: this.starter.mode, cache: { status: 'bypass', reason: 'streaming' } }));
      this.recorder.record(answeredTrace(chat.traceBase(workflowId), result, CACHE_STATUS));
    } catch (error) {
      if (error instanceof ChatFailedError) {
        this.recorder.record(failedTrace(chat.traceBase(workflowId), error.failure, CACHE_STATUS));
        stream.fail(chatFailureProblem(error.failure, requestId, link).problem);
        return;
      }
      const failure = ProblemError.isInstance(error)
        ? error.problem
        : problem('internal', 500, 'Internal Error', `the request failed before its answer: ${error instanceof Error ? error.message : String(error)}`, { request_id: requestId });
      this.recorder.record(unansweredTrace(chat.traceBase(workflowId), { status: failure.status, type: failure.type.slice(failure.type.lastIndexOf('/') + 1) }, CACHE_STATUS));
      stream.fail(failure);
    }
  }

  /** The configured request timeout, as for non-streaming requests: past it the client gets an error event. */
  private async withTimeout(run: Promise<ChatResult>, timedOut: () => ProblemError): Promise<ChatResult> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(timedOut()), this.settings.config.server.requestTimeoutMs);
    });
    try {
      return await Promise.race([run, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
