import { PassThrough } from 'node:stream';
import type { ChatStreamEvent, ChatStreamSource } from '#libs/streaming';
import type { ProblemDetails } from '../../problems/problem-details.js';
import type { OpenAiChatCompletion } from '../to-openai-response.js';
import { AnswerTextTracker, type AnswerTextSink, type SourceChangeReason } from './answer-text-tracker.js';
import type { ChatStreamWriter } from './chat-stream.service.js';

/**
 * The plumbing every wire format's stream writer shares: the response body, the
 * {@link AnswerTextTracker} that decides which text is kept, the model the text comes from,
 * and the end of the stream. A subclass writes its own events.
 */
export abstract class AnswerEventStream implements ChatStreamWriter, AnswerTextSink {
  /** The response body: server-sent events, ended by the answer or an error event. */
  readonly body = new PassThrough();
  protected readonly tracker: AnswerTextTracker;
  protected model: string;
  private ended = false;

  /** @param validation the route's `streaming.validation`: `buffer` holds the text until the workflow validated it. */
  protected constructor(requestedModel: string, validation: 'after' | 'buffer') {
    this.tracker = new AnswerTextTracker(this, validation);
    this.model = requestedModel;
    // A client that leaves destroys the body; the workflow goes on and must not crash the process.
    this.body.on('error', () => undefined);
  }

  /** Relay events of this request, in order. */
  onRelayEvent(event: ChatStreamEvent): void {
    if (this.ended) return;
    this.tracker.onRelayEvent(event);
  }

  /** True once the stream ended (answer, error event); a close before that is the client leaving. */
  get finished(): boolean {
    return this.ended;
  }

  abstract complete(completion: OpenAiChatCompletion): void;
  abstract fail(problem: ProblemDetails): void;
  abstract appendText(text: string, source: ChatStreamSource | undefined): void;
  abstract dropText(reason: SourceChangeReason, discardedChars: number, facts: Record<string, unknown>): void;

  /** The workflow answered: take its model and reconcile the text sent with its answer. */
  protected settle(completion: OpenAiChatCompletion): void {
    this.model = completion.model;
    this.tracker.settle(completion.choices[0]?.message.content ?? '');
  }

  /** Writes one framed event, unless the client left. */
  protected send(framed: string): void {
    if (!this.body.destroyed) this.body.write(framed);
  }

  /** Ends the stream with its last framed event. */
  protected end(last: string): void {
    this.ended = true;
    if (!this.body.destroyed) this.body.end(last);
  }
}
