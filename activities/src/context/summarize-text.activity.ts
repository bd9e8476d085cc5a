import { ApplicationFailure, Context } from '@temporalio/activity';
import type { SummarizeTextInput, SummarizeTextOutput } from '#libs/contracts';
import { createTokenCounter } from '#libs/context';
import { LlmError } from '#libs/llm';
import { computeCostUsd, type ModelCatalog } from '#libs/models';
import type { ModelRegistry } from '../chat/model-registry.js';

/** What summarising needs: the models and their prices. */
export interface SummarizeTextDependencies {
  readonly models: ModelRegistry;
  readonly catalog: ModelCatalog;
}

const INSTRUCTIONS =
  'Summarise the text the user gives you so that someone who cannot read it can still act on the request below. ' +
  'Keep every number, date, name, amount and quoted phrase that bears on the request, verbatim. Write plain prose, no preamble.';

/**
 * One map or reduce step of summarising an oversized message: one model call, idempotent by
 * request and step. Provider errors retry like any provider call (Temporal's retry policy).
 */
export function createSummarizeText(dependencies: SummarizeTextDependencies) {
  return async function summarizeText(input: SummarizeTextInput): Promise<SummarizeTextOutput> {
    const model = dependencies.models.get(input.target.provider, input.target.model);
    try {
      const result = await model.generate({
        messages: [
          { role: 'system', content: `${INSTRUCTIONS}\n\nRequest: ${input.question || '(none given: keep what matters most)'}` },
          { role: 'user', content: input.text },
        ],
        settings: { maxOutputTokens: input.maxOutputTokens, temperature: 0 },
        idempotencyKey: `${input.requestId}:summarize:${input.step}`,
        abortSignal: Context.current().cancellationSignal,
      });
      const entry = dependencies.catalog.find(input.target.model);
      const counter = await createTokenCounter(input.target.model);
      return { summary: result.content.trim(), tokens: counter.count(result.content), costUsd: entry ? computeCostUsd(entry, result.usage).costUsd : 0 };
    } catch (error) {
      if (LlmError.isInstance(error)) {
        throw ApplicationFailure.create({ type: error.kind, message: error.message, nonRetryable: !error.isRetryable, ...(error.retryAfterMs !== undefined ? { nextRetryDelay: error.retryAfterMs } : {}) });
      }
      throw error;
    }
  };
}
