export type { GenerateOptions, GenerateResult, LanguageModel, LanguageModelStreamPart, LanguageModelWarning } from './language-model.js';
export { streamCutError, type StreamCutFacts } from './stream-cut-error.js';
export { LlmError, type LlmErrorFacts } from './llm-error.js';

export { createLanguageModel, type LanguageModelKind, type LanguageModelSpec } from './create-language-model.js';
export { DEFAULT_LLM_TIMEOUT_MS } from './default-llm-timeout.js';
export { CircuitBreaker, type CircuitBreakerOptions, type CircuitState } from './circuit-breaker.js';
export { CircuitBreakerRegistry } from './circuit-breaker-registry.js';
export { withCircuitBreaker } from './with-circuit-breaker.js';
export { parseRetryAfterMs } from './parse-retry-after.js';
export { errorKindFromStatus } from './error-kind-from-status.js';
export { isSimulatedResponse } from './is-simulated-response.js';
export { SdkClientCache, type SdkClientKey } from './sdk-client-cache.js';

export { createOpenAiModel, OPENAI_IDEMPOTENCY_KEY_HEADER, type OpenAiModelOptions } from './openai/create-openai-model.js';
export { createOpenAiClient, sharedOpenAiClients, OPENAI_DEFAULT_BASE_URL } from './openai/openai-client.js';
export { convertOpenAiError } from './openai/openai-error.js';
export { isOpenAiReasoningModel } from './openai/is-openai-reasoning-model.js';

export {
  createAnthropicModel,
  ANTHROPIC_IDEMPOTENCY_KEY_HEADER,
  type AnthropicModelOptions,
} from './anthropic/create-anthropic-model.js';
export { createAnthropicClient, sharedAnthropicClients, ANTHROPIC_DEFAULT_BASE_URL } from './anthropic/anthropic-client.js';
export { convertAnthropicError } from './anthropic/anthropic-error.js';
export { ANTHROPIC_DEFAULT_MAX_TOKENS } from './anthropic/convert-to-anthropic-settings.js';
export * from './batch/index.js';
