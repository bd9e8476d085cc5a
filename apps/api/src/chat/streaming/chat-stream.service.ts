import { Injectable, Logger } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { WorkflowNotFoundError } from '@temporalio/client';
import { chatWorkflowId, type ChatRequest, type ChatResult, type ChatWorkflowInput } from '#libs/contracts';
import type { ChatStreamEvent } from '#libs/streaming';
import { AppSettings } from '../../app-settings.js';
import { answeredTrace, cancelledTrace, failedTrace, unansweredTrace, type ChatTraceBase } from '../../observability/chat-trace-drafts.js';
import { TraceRecorder } from '../../observability/trace-recorder.js';
import type { ProblemDetails } from '../../problems/problem-details.js';
import { problem, ProblemError } from '../../problems/problem-error.js';
import { ChatFailedError, ChatStarter } from '../../temporal/chat-starter.js';
import { chatFailureProblem, chatTimeoutProblem } from '../chat-problems.js';
import { toOpenAiResponse, type OpenAiChatCompletion } from '../to-openai-response.js';
import { ChatEventStream } from './chat-event-stream.js';
import { StreamRelayRef } from './stream-relay-ref.js';
import { DEFAULT_STREAM_POLICY, wireStreamPolicy, type StreamPolicy } from './stream-policy.js';

/** One streaming response in a wire format: relay events in, the workflow's answer or failure to end it. */
export interface ChatStreamWriter {
  readonly body: Readable;
  /** True once the stream ended (answer or error event): a body closed before that is a client that left. */
  readonly finished: boolean;
  onRelayEvent(event: ChatStreamEvent): void;
  complete(completion: OpenAiChatCompletion): void;
  fail(problem: ProblemDetails): void;
}

/** Builds the writer of a request's stream (another wire format than OpenAI's chunks, e.g. `/v1/messages`). */
export type ChatStreamWriterFactory = (request: ChatRequest, policy: StreamPolicy) => ChatStreamWriter;

/** A streaming request, checked and ready to run. */
export interface StreamingChat {
  readonly input: ChatWorkflowInput;
  readonly includeUsage: boolean;
  /** The route's streaming policy (validation `after`/`buffer`, onDisconnect `complete`/`cancel`); default: after, complete. */
  readonly policy?: StreamPolicy;
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

/** Tries to cancel a workflow that may still be starting. */
const CANCEL_ATTEMPTS = 5;
const CANCEL_RETRY_MS = 200;

/** One stream's run, as its disconnect handler sees it. */
interface StreamRun {
  /** The client left and the route cancels: a cancellation was sent. */
  cancelRequested: boolean;
  /** The run ended (answer or failure): nothing left to cancel. */
  settled?: boolean;
}

/**
 * Runs a `stream: true` request: subscribes to its text on the relay, then starts its workflow
 * as any request, and ends the stream with the workflow's answer (or an error event).
 */
@Injectable()
export class ChatStreamService {
  private readonly logger = new Logger(ChatStreamService.name);

  constructor(
    private readonly settings: AppSettings,
    private readonly starter: ChatStarter,
    private readonly relays: StreamRelayRef,
    private readonly recorder: TraceRecorder,
  ) {}

  async open(chat: StreamingChat): Promise<OpenedChatStream> {
    const { request } = chat.input;
    const policy = chat.policy ?? DEFAULT_STREAM_POLICY;
    const stream =
      chat.writer?.(request, policy) ??
      new ChatEventStream({ id: `chatcmpl-${request.requestId}`, created: Math.floor(Date.now() / 1000) }, request.model, chat.includeUsage, policy.validation);
    // Subscribed before the workflow starts, so not even the first delta can be missed.
    const subscription = await this.relays.relay.subscribe(request.requestId, (event) => stream.onRelayEvent(event));
    const run: StreamRun = { cancelRequested: false };
    stream.body.once('close', () => {
      void subscription.close();
      // `complete` (default): the workflow runs to its end even if the client leaves, recorded and billed as any request.
      if (!stream.finished && policy.onDisconnect === 'cancel') void this.cancel(chatWorkflowId(request.requestId), run);
    });
    void this.run(chat, stream, policy, run).finally(() => subscription.close());
    return { requestId: request.requestId, body: stream.body };
  }

  private async run(chat: StreamingChat, stream: ChatStreamWriter, policy: StreamPolicy, run: StreamRun): Promise<void> {
    const { requestId } = chat.input.request;
    const workflowId = chatWorkflowId(requestId);
    const link = this.settings.temporalUiLink(workflowId);
    try {
      const result = await this.withTimeout(this.starter.run(chat.input), () => chatTimeoutProblem(requestId, this.settings.config.server.requestTimeoutMs, link));
      run.settled = true;
      const completion = toOpenAiResponse(result, { workflowId, temporalUiUrl: link, startMode: this.starter.mode, cache: { status: 'bypass', reason: 'streaming' } });
      // The final event says which streaming policy applied (for `auto`, the classified route's).
      const ballast = Object.assign({}, completion.ballast, { streaming: wireStreamPolicy(policy) });
      stream.complete({ ...completion, ballast });
      this.recorder.record(answeredTrace(chat.traceBase(workflowId), result, CACHE_STATUS));
    } catch (error) {
      run.settled = true;
      if (run.cancelRequested) {
        // The client left and the route cancels: whatever the run ended with, the request is cancelled.
        this.recorder.record(cancelledTrace(chat.traceBase(workflowId), error instanceof ChatFailedError ? error.failure : undefined, CACHE_STATUS));
        // Normally the body is gone with its client; if not, it still ends (never left open).
        stream.fail(problem('cancelled', 499, 'Request Cancelled', 'the client disconnected and the route cancels on disconnect', { request_id: requestId }));
        return;
      }
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

  /**
   * The client of a `streaming.onDisconnect: cancel` route left before the end: Temporal
   * cancellation of its workflow (the provider call in flight is aborted, its hold released or
   * its partial usage charged by the activity). The workflow may not exist yet when the client
   * left at once: a few retries cover the start in flight.
   */
  private async cancel(workflowId: string, run: StreamRun): Promise<void> {
    if (run.settled) return;
    run.cancelRequested = true;
    for (let attempt = 1; attempt <= CANCEL_ATTEMPTS; attempt += 1) {
      try {
        await this.starter.cancel(workflowId);
        return;
      } catch (error) {
        if (run.settled) return;
        if (!(error instanceof WorkflowNotFoundError) || attempt === CANCEL_ATTEMPTS) {
          this.logger.warn(`cancelling ${workflowId} after the client left failed: ${error instanceof Error ? error.message : String(error)}`);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, CANCEL_RETRY_MS));
      }
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
