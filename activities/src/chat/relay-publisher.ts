import type { GenerateOptions, GenerateResult, LanguageModel } from '#libs/llm';
import { streamCutError } from '#libs/llm';
import type { ChatStreamSource, StreamRelay } from '#libs/streaming';

/**
 * Publishes one provider call's text to the stream relay under its request id and source
 * (target, attempt), counting what it sent so a failure can say how much the client must drop.
 */
export class RelayPublisher {
  private published = 0;
  private received = '';

  constructor(
    private readonly relay: StreamRelay,
    private readonly requestId: string,
    readonly source: ChatStreamSource,
  ) {}

  /** Characters of answer text published so far by this call. */
  get publishedChars(): number {
    return this.published;
  }

  /**
   * Calls the model streaming, publishing each delta, and returns what `generate` would have:
   * the whole text and the provider's exact usage. A model without `stream()` is called with
   * `generate` and its answer published as one delta.
   */
  async call(model: LanguageModel, options: GenerateOptions): Promise<GenerateResult> {
    if (!model.stream) {
      const result = await model.generate(options);
      this.text(result.content);
      return result;
    }
    for await (const part of model.stream(options)) {
      if (part.type === 'text-delta') this.text(part.text);
      else return part.result;
    }
    // Adapters throw on a cut themselves; this guards one that would just stop.
    throw streamCutError({ provider: model.provider, modelId: model.modelId, receivedChars: this.published, missing: 'finish part' });
  }

  /** The answer text this call received (and published) so far: what a cancelled call is charged for. */
  get publishedText(): string {
    return this.received;
  }

  /** Tells subscribers this call failed, and whether the same target is tried again. */
  failed(failure: { readonly kind: string; readonly message: string }, retrying: boolean): void {
    this.relay.publish(this.requestId, { type: 'attempt-failed', source: this.source, errorKind: failure.kind, message: failure.message, retrying, publishedChars: this.published });
  }

  private text(text: string): void {
    if (text.length === 0) return;
    this.published += text.length;
    this.received += text;
    this.relay.publish(this.requestId, { type: 'text-delta', source: this.source, text });
  }
}
