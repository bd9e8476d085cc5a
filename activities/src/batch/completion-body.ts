import { OPENAI_FINISH_REASONS, type FinishReason, type TokenUsage } from '#libs/contracts';

/** What a batch line's answer needs to become an OpenAI `chat.completion` body. */
export interface LineAnswer {
  readonly requestId: string;
  readonly responseId: string | undefined;
  readonly provider: string;
  readonly model: string;
  readonly content: string;
  readonly finishReason: FinishReason;
  readonly usage: TokenUsage;
  readonly costUsd: number;
  readonly completedAt: Date;
  /** `provider`: answered by the provider's batch API at its price; `queued`: by a chat workflow. */
  readonly via: 'provider' | 'queued';
  /** Queued lines: the route that answered and the validation verdict, when there was one. */
  readonly route?: string;
  readonly groundedness?: number;
}

/** The line's answer as the body of OpenAI's batch output `response`, plus Ballast's facts. */
export function completionBody(answer: LineAnswer) {
  const promptTokens = answer.usage.inputTokens ?? 0;
  const completionTokens = answer.usage.outputTokens ?? 0;
  return {
    id: answer.responseId ?? `chatcmpl-${answer.requestId}`,
    object: 'chat.completion',
    created: Math.floor(answer.completedAt.getTime() / 1000),
    model: answer.model,
    choices: [{ index: 0, message: { role: 'assistant', content: answer.content, refusal: null }, finish_reason: OPENAI_FINISH_REASONS[answer.finishReason], logprobs: null }],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      ...(answer.usage.cachedInputTokens !== undefined ? { prompt_tokens_details: { cached_tokens: answer.usage.cachedInputTokens } } : {}),
    },
    ballast: {
      request_id: answer.requestId,
      provider: answer.provider,
      via: answer.via,
      cost_usd: answer.costUsd,
      ...(answer.route !== undefined ? { route: answer.route } : {}),
      ...(answer.groundedness !== undefined ? { groundedness: answer.groundedness } : {}),
    },
  };
}
