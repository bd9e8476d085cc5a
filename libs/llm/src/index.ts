export type { GenerateOptions, GenerateResult, LanguageModel, LanguageModelWarning } from './language-model.js';
export { LlmError, type LlmErrorFacts } from './llm-error.js';
