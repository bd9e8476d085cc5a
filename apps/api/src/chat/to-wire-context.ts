import type { ContextUsage } from '#libs/contracts';

/** `ballast.context` in the API's snake_case: the prompt's budget and what gave way. */
export function toWireContext(context: ContextUsage) {
  return {
    window: context.window,
    budget: context.budget,
    used: context.used,
    dropped: context.dropped.map((drop) => ({
      section: drop.section,
      ...(drop.id !== undefined ? { id: drop.id } : {}),
      ...(drop.index !== undefined ? { message_index: drop.index } : {}),
      ...(drop.role !== undefined ? { role: drop.role } : {}),
      tokens: drop.tokens,
      reason: drop.reason,
    })),
    trimmed: context.trimmed.map((trim) => ({ section: trim.section, id: trim.id, tokens_before: trim.tokensBefore, tokens_after: trim.tokensAfter, reason: trim.reason })),
    compressed: context.compressed
      ? {
          target_ratio: context.compressed.targetRatio,
          tokens_before: context.compressed.tokensBefore,
          tokens_after: context.compressed.tokensAfter,
          tokens_saved: context.compressed.tokensSaved,
          usd_saved: context.compressed.usdSaved ?? null,
        }
      : null,
    oversized_input: context.oversizedInput
      ? {
          policy: context.oversizedInput.policy,
          message_tokens: context.oversizedInput.queryTokens,
          limit: context.oversizedInput.limit,
          parts: context.oversizedInput.parts,
          ...(context.oversizedInput.excerpts !== undefined ? { excerpts: context.oversizedInput.excerpts } : {}),
          ...(context.oversizedInput.summaryCalls !== undefined
            ? { summary_calls: context.oversizedInput.summaryCalls, summary_cost_usd: context.oversizedInput.summaryCostUsd ?? 0, summary_tokens: context.oversizedInput.summaryTokens ?? 0 }
            : {}),
        }
      : null,
    summarized: context.summarized
      ? {
          messages: context.summarized.messages,
          tokens: context.summarized.tokens,
          cached: context.summarized.cached,
          new_messages: context.summarized.newMessages,
          cost_usd: context.summarized.costUsd,
        }
      : null,
  };
}
