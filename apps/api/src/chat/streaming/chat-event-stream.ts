import type { ChatStreamSource } from '#libs/streaming';
import type { ProblemDetails } from '../../problems/problem-details.js';
import type { OpenAiChatCompletion } from '../to-openai-response.js';
import { AnswerEventStream } from './answer-event-stream.js';
import type { SourceChangeReason } from './answer-text-tracker.js';
import { ballastEventChunk, deltaChunk, finishChunk, sseData, usageChunk, type ChunkHeader } from './openai-stream-chunks.js';

export type { SourceChangeReason } from './answer-text-tracker.js';

/**
 * One streaming response in OpenAI's chunk format. Relay events become content chunks; when the
 * answer's source changes after text was sent (a cut stream retried, a fallback, a regenerated
 * or replaced answer) a `source-changed` event tells the client to drop that text, and the new
 * source's text follows from the beginning ({@link AnswerTextTracker} decides). The workflow's
 * result closes the stream, and its text after the last `source-changed` is always the recorded answer.
 * With `validation: 'buffer'` no text is sent before the workflow answered: the recorded answer
 * is then released in a few content chunks, followed by the final chunk.
 */
export class ChatEventStream extends AnswerEventStream {
  private started = false;

  /** @param validation the route's `streaming.validation`: `buffer` holds the text until the workflow validated it. */
  constructor(
    private readonly header: ChunkHeader,
    requestedModel: string,
    private readonly includeUsage: boolean,
    validation: 'after' | 'buffer' = 'after',
  ) {
    super(requestedModel, validation);
  }

  /** The workflow answered: reconcile the text with its answer, then finish, usage and [DONE]. */
  complete(completion: OpenAiChatCompletion): void {
    if (this.finished) return;
    this.settle(completion);
    if (!this.started) this.write(deltaChunk(this.header, this.model, '', true));
    this.write(finishChunk(this.header, completion));
    if (this.includeUsage) this.write(usageChunk(this.header, completion));
    this.end(sseData('[DONE]'));
  }

  /** The request failed after the stream opened: an OpenAI-style error event, never a silent end. */
  fail(problem: ProblemDetails): void {
    if (this.finished) return;
    const slug = problem.type.slice(problem.type.lastIndexOf('/') + 1) || 'internal';
    const error = problem.error ?? { message: problem.detail, type: slug, code: slug };
    this.end(sseData({ error, ballast: { event: 'failed', ...problem } }));
  }

  /** @internal {@link AnswerTextSink}: a `source-changed` chunk. */
  dropText(reason: SourceChangeReason, discardedChars: number, facts: Record<string, unknown>): void {
    this.write(ballastEventChunk(this.header, this.model, { event: 'source-changed', reason, discarded_chars: discardedChars, ...facts }));
  }

  /** @internal {@link AnswerTextSink}: a content chunk. */
  appendText(text: string, source: ChatStreamSource | undefined): void {
    if (source) this.model = source.model;
    this.write(deltaChunk(this.header, this.model, text, !this.started));
  }

  private write(chunk: unknown): void {
    this.started = true;
    this.send(sseData(chunk));
  }
}
