import type { ChatStreamEvent, ChatStreamSource } from '#libs/streaming';

/** Why the text sent so far was dropped: the error kind of the failed attempt, `new-attempt`, or `final-answer`. */
export type SourceChangeReason = string;

/** What a wire format does with the tracker's decisions (OpenAI chunks, Anthropic events, ...). */
export interface AnswerTextSink {
  /** Append `text` to the answer the client has; `source` is the attempt it comes from, absent for the recorded answer. */
  appendText(text: string, source: ChatStreamSource | undefined): void;
  /** The `discardedChars` characters sent so far are withdrawn; the answer restarts from the beginning. */
  dropText(reason: SourceChangeReason, discardedChars: number, facts: Record<string, unknown>): void;
}

/**
 * The wire-independent decisions of a streamed answer (ADR 0012): relay text is appended while
 * it comes from one source (target, attempt); when the source changes after text was sent (a cut
 * stream retried, a fallback, a regenerated or replaced answer) the text is dropped and the new
 * source's text follows from the beginning. {@link settle} reconciles with the recorded answer,
 * so the text after the last drop is always the workflow's answer.
 */
export class AnswerTextTracker {
  private sourceKey: string | undefined;
  private sentText = '';
  private held = 0;

  /**
   * @param validation `after` (default): relay text is sent as it comes. `buffer`: nothing is sent
   * before the workflow answered: relay text is only counted, and {@link settle} releases the
   * recorded (validated, refused or regenerated) answer in a few pieces — the client never sees
   * text that validation later rejected.
   */
  constructor(
    private readonly sink: AnswerTextSink,
    private readonly validation: 'after' | 'buffer' = 'after',
  ) {}

  /** Characters of streamed text held back so far (`buffer`), over every attempt. */
  get heldChars(): number {
    return this.held;
  }

  /** Characters of the current answer sent so far. */
  get sentChars(): number {
    return this.sentText.length;
  }

  /** Relay events of this request, in order. */
  onRelayEvent(event: ChatStreamEvent): void {
    if (this.validation === 'buffer') {
      if (event.type === 'text-delta') this.held += event.text.length;
      return;
    }
    const key = sourceKey(event.source);
    if (event.type === 'text-delta') {
      if (this.sourceKey !== undefined && key !== this.sourceKey && this.sentText.length > 0) {
        this.drop('new-attempt', { to: wireSource(event.source) });
      }
      this.sourceKey = key;
      this.append(event.text, event.source);
      return;
    }
    if (key === this.sourceKey && this.sentText.length > 0) {
      this.drop(event.errorKind, { message: event.message, retrying: event.retrying, from: wireSource(event.source) });
      this.sourceKey = undefined;
    }
  }

  /** The workflow's recorded answer: when it differs from the text sent, that text is dropped and the answer sent. */
  settle(answer: string): void {
    if (answer === this.sentText) return;
    if (this.sentText.length > 0) this.drop('final-answer', { message: 'the recorded answer differs from the streamed text (validation kept or replaced another answer)' });
    if (this.validation === 'after') {
      this.append(answer, undefined);
      return;
    }
    for (const piece of releasePieces(answer)) this.append(piece, undefined);
  }

  private drop(reason: SourceChangeReason, facts: Record<string, unknown>): void {
    this.sink.dropText(reason, this.sentText.length, facts);
    this.sentText = '';
  }

  private append(text: string, source: ChatStreamSource | undefined): void {
    this.sink.appendText(text, source);
    this.sentText += text;
  }
}

function sourceKey(source: ChatStreamSource): string {
  return `${source.targetIndex}:${source.attempt}`;
}

function wireSource(source: ChatStreamSource) {
  return { provider: source.provider, model: source.model, attempt: source.attempt, target_index: source.targetIndex };
}

/** Longest piece a held answer is released in: a few content chunks, as a stream would, never one per token. */
const RELEASE_PIECE_CHARS = 256;

/** `answer` cut into pieces of at most {@link RELEASE_PIECE_CHARS}, at a space when one is near; joined they are `answer`. */
export function releasePieces(answer: string, maxChars = RELEASE_PIECE_CHARS): string[] {
  if (answer.length <= maxChars) return [answer];
  const pieces: string[] = [];
  let start = 0;
  while (start < answer.length) {
    let end = Math.min(answer.length, start + maxChars);
    if (end < answer.length) {
      const space = answer.lastIndexOf(' ', end);
      if (space > start + maxChars / 2) end = space + 1;
    }
    pieces.push(answer.slice(start, end));
    start = end;
  }
  return pieces;
}
