import type { ChatStreamSource } from '#libs/streaming';
import { AnswerEventStream } from '../chat/streaming/answer-event-stream.js';
import type { SourceChangeReason } from '../chat/streaming/answer-text-tracker.js';
import type { OpenAiChatCompletion } from '../chat/to-openai-response.js';
import type { ProblemDetails } from '../problems/problem-details.js';
import { anthropicErrorType, anthropicMessageId, toAnthropicStopReason, toAnthropicUsage } from './to-anthropic-message.js';

/**
 * What a stream does when text it already sent is withdrawn (a cut stream retried, a fallback,
 * a replaced answer; ADR 0012). Anthropic's event format cannot take text back, so:
 * - `error` (default): the stream ends with an `event: error` (`api_error`, `ballast.event: "source-changed"`),
 *   which `@anthropic-ai/sdk` raises; the request goes on and records its answer (`GET /v1/requests/:id`).
 * - `restart` (header `x-ballast-source-change: restart`): the withdrawn text stays in its own,
 *   closed content block, an `event: ballast` says so, and the new answer follows in a new text
 *   block: the answer is the **last** text block (`finalMessage().content.at(-1)`).
 */
export type SourceChangePolicy = 'error' | 'restart';

/** One server-sent event in Anthropic's framing: `event:` and `data:` lines and a blank line. */
export function sseEvent(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * One streaming response in Anthropic's Messages event format: `message_start`, a text
 * `content_block_start`, `content_block_delta`s (`text_delta`), `content_block_stop`,
 * `message_delta` (stop reason, usage, and the `ballast` object of the non-streaming response),
 * `message_stop`; a failure is `event: error`. Which text is kept is decided by
 * {@link AnswerTextTracker}, as for OpenAI's chunks (with the route's `streaming.validation: buffer`,
 * nothing before the workflow validated the answer, so no `source-changed` can happen).
 */
export class AnthropicEventStream extends AnswerEventStream {
  private started = false;
  private blockIndex = 0;
  private blockOpen = false;
  private readonly discardedBlocks: number[] = [];

  constructor(
    private readonly requestId: string,
    requestedModel: string,
    private readonly policy: SourceChangePolicy = 'error',
    validation: 'after' | 'buffer' = 'after',
  ) {
    // `buffer` (the route's streaming.validation): nothing is sent before the workflow validated the answer.
    super(requestedModel, validation);
  }

  /** The workflow answered: reconcile the text with its answer, then close the block and the message. */
  complete(completion: OpenAiChatCompletion): void {
    if (this.finished) return;
    this.settle(completion);
    if (this.finished) return;
    this.start();
    // An empty answer is still one (empty) text block, as the non-streaming response has.
    if (!this.blockOpen) this.openBlock();
    this.closeBlock();
    this.write('message_delta', {
      type: 'message_delta',
      delta: { stop_reason: toAnthropicStopReason(completion.choices[0]?.finish_reason), stop_sequence: null },
      usage: toAnthropicUsage(completion),
      ballast: { event: 'completed', ...completion.ballast, ...(this.discardedBlocks.length > 0 ? { discarded_blocks: [...this.discardedBlocks] } : {}) },
    });
    this.end(sseEvent('message_stop', { type: 'message_stop' }));
  }

  /** The request failed after the stream opened: Anthropic's error event, which the SDK raises. */
  fail(problem: ProblemDetails): void {
    if (this.finished) return;
    this.end(sseEvent('error', { type: 'error', error: { type: anthropicErrorType(problem.status), message: problem.detail }, ballast: { event: 'failed', ...problem } }));
  }

  /** @internal {@link AnswerTextSink}: a text delta (opening the message and a text block first). */
  appendText(text: string, source: ChatStreamSource | undefined): void {
    if (this.finished) return;
    if (source) this.model = source.model;
    this.start();
    if (!this.blockOpen) this.openBlock();
    if (text.length > 0) this.write('content_block_delta', { type: 'content_block_delta', index: this.blockIndex, delta: { type: 'text_delta', text } });
  }

  /** @internal {@link AnswerTextSink}: text already sent is withdrawn; see {@link SourceChangePolicy}. */
  dropText(reason: SourceChangeReason, discardedChars: number, facts: Record<string, unknown>): void {
    if (this.finished) return;
    const change = { event: 'source-changed', reason, discarded_chars: discardedChars, ...facts };
    if (this.policy === 'error') {
      const message =
        `the answer's source changed after ${discardedChars} characters were streamed (${reason}); Anthropic's stream format cannot withdraw text, so this stream ends here. ` +
        `The request goes on and records its answer: GET /v1/requests/${this.requestId}. ` +
        'Send the header x-ballast-source-change: restart to receive the new answer in a new content block instead.';
      this.end(sseEvent('error', { type: 'error', error: { type: 'api_error', message }, ballast: { ...change, request_id: this.requestId } }));
      return;
    }
    const discardedBlock = this.blockIndex;
    this.closeBlock();
    this.discardedBlocks.push(discardedBlock);
    this.write('ballast', { type: 'ballast', ...change, discarded_block: discardedBlock });
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    // Input tokens are known when the workflow answers: message_delta carries them (the SDK takes them from there).
    this.write('message_start', {
      type: 'message_start',
      message: {
        id: anthropicMessageId(this.requestId),
        type: 'message',
        role: 'assistant',
        model: this.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: 0, output_tokens: 0 },
      },
    });
  }

  private openBlock(): void {
    this.blockOpen = true;
    this.write('content_block_start', { type: 'content_block_start', index: this.blockIndex, content_block: { type: 'text', text: '' } });
  }

  private closeBlock(): void {
    if (!this.blockOpen) return;
    this.write('content_block_stop', { type: 'content_block_stop', index: this.blockIndex });
    this.blockOpen = false;
    this.blockIndex += 1;
  }

  private write(event: string, data: unknown): void {
    this.send(sseEvent(event, data));
  }
}
