import type { CircuitBreaker } from './circuit-breaker.js';
import type { LanguageModel } from './language-model.js';
import { LlmError } from './llm-error.js';

/**
 * The same model behind a circuit breaker: refused at once with a `circuit-open` LlmError
 * while the provider is considered down, and every outcome reported to the breaker.
 * Errors that are not LlmErrors (a caller's abort, a bug) are not the provider's health
 * and are not reported.
 */
export function withCircuitBreaker(model: LanguageModel, breaker: CircuitBreaker): LanguageModel {
  return {
    provider: model.provider,
    modelId: model.modelId,
    async generate(options) {
      if (!breaker.canCall()) {
        throw new LlmError({
          kind: 'circuit-open',
          message: `circuit open for provider ${model.provider}`,
          provider: model.provider,
          modelId: model.modelId,
        });
      }
      try {
        const result = await model.generate(options);
        breaker.recordSuccess();
        return result;
      } catch (error) {
        if (LlmError.isInstance(error)) breaker.recordFailure(error.kind);
        throw error;
      }
    },
  };
}
