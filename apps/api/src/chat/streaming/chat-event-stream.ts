import { PassThrough } from 'node:stream';
import type { ChatStreamEvent, ChatStreamSource } from '#libs/streaming';
import type { ProblemDetails } from '../../problems/problem-details.js';
import type { OpenAiChatCompletion } from '../to-openai-response.js';
import { ballastEventChunk, deltaChunk, finishChunk, sseData, usageChunk, type ChunkHeader } from './openai-stream-chunks.js';

/** Why the text sent so far was dropped: the error kind of the failed attempt, `new-attempt`, or `final-answer`. */
export type SourceChangeReason = string;

/**
 * One streaming response in OpenAI's chunk format. Relay events become content chunks; when the
 * answer's source changes after text was sent (a cut stream retried, a fallback, a regenerated
 * or replaced answer) a `source-changed` event tells the client to drop that text, and the new
 * source's text follows from the beginning. The workflow's result closes the stream, and its text
 * after the last `source-changed` is always the recorded answer.
 */
export class ChatEventStream {
  /** The response body: server-sent events, ended by `data: [DONE]` or an error event. */
  readonly body = new PassThrough();
  private sourceKey: string | undefined;
  private sentText = '';
  private model: string;
  private started = false;
  private ended = false;

  constructor(
    private readonly header: ChunkHeader,
    requestedModel: string,
    private readonly includeUsage: boolean,
  ) {
    this.model = requestedModel;
    // A client that leaves destroys the body; the workflow goes on and must not crash the process.
    this.body.on('error', () => undefined);
  }

  /** Relay events of this request, in order. */
  onRelayEvent(event: ChatStreamEvent): void {
    if (this.ended) return;
    const key = sourceKey(event.source);
    if (event.type === 'text-delta') {
      if (this.sourceKey !== undefined && key !== this.sourceKey && this.sentText.length > 0) {
        this.sourceChanged('new-attempt', { to: wireSource(event.source) });
      }
      this.sourceKey = key;
      this.model = event.source.model;
      this.text(event.text);
      return;
    }
    if (key === this.sourceKey && this.sentText.length > 0) {
      this.sourceChanged(event.errorKind, { message: event.message, retrying: event.retrying, from: wireSource(event.source) });
      this.sourceKey = undefined;
    }
  }

  /** The workflow answered: reconcile the text with its answer, then finish, usage and [DONE]. */
  complete(completion: OpenAiChatCompletion): void {
    if (this.ended) return;
    const answer = completion.choices[0]?.message.content ?? '';
    this.model = completion.model;
    if (answer !== this.sentText) {
      if (this.sentText.length > 0) this.sourceChanged('final-answer', { message: 'the recorded answer differs from the streamed text (validation kept or replaced another answer)' });
      this.text(answer);
    }
    if (!this.started) this.write(deltaChunk(this.header, this.model, '', true));
    this.write(finishChunk(this.header, completion));
    if (this.includeUsage) this.write(usageChunk(this.header, completion));
    this.end(sseData('[DONE]'));
  }

  /** The request failed after the stream opened: an OpenAI-style error event, never a silent end. */
  fail(problem: ProblemDetails): void {
    if (this.ended) return;
    const slug = problem.type.slice(problem.type.lastIndexOf('/') + 1) || 'internal';
    const error = problem.error ?? { message: problem.detail, type: slug, code: slug };
    this.end(sseData({ error, ballast: { event: 'failed', ...problem } }));
  }

  private sourceChanged(reason: SourceChangeReason, facts: Record<string, unknown>): void {
    this.write(ballastEventChunk(this.header, this.model, { event: 'source-changed', reason, discarded_chars: this.sentText.length, ...facts }));
    this.sentText = '';
  }

  private text(text: string): void {
    this.write(deltaChunk(this.header, this.model, text, !this.started));
    this.sentText += text;
  }

  private write(chunk: unknown): void {
    this.started = true;
    if (!this.body.destroyed) this.body.write(sseData(chunk));
  }

  private end(last: string): void {
    this.ended = true;
    if (!this.body.destroyed) this.body.end(last);
  }
}

function sourceKey(source: ChatStreamSource): string {
  return `${source.targetIndex}:${source.attempt}`;
}

function wireSource(source: ChatStreamSource) {
  return { provider: source.provider, model: source.model, attempt: source.attempt, target_index: source.targetIndex };
}
