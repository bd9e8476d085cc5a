export { resolveModelFamily, encodingForFamily, MODEL_FAMILIES, type ModelFamily } from './tokens/model-family.js';
export { estimateTokens, ESTIMATE_SAFETY_MARGIN } from './tokens/estimate-tokens.js';
export { textHash } from './tokens/text-hash.js';
export { DEFAULT_TOKEN_COUNT_CACHE_SIZE, TokenCountCache } from './tokens/token-count-cache.js';
export {
  createEstimatingCounter,
  createTokenCounter,
  createTokenCounterFrom,
  createTokenizerCounter,
  MESSAGE_OVERHEAD_TOKENS,
  NAME_OVERHEAD_TOKENS,
  REPLY_PRIMING_TOKENS,
  type TokenCounter,
  type TokenCounterOptions,
} from './tokens/token-counter.js';

export {
  CONTEXT_SECTIONS,
  CompressionPolicySchema,
  ContextBudgetPolicySchema,
  DEFAULT_CONTEXT_BUDGET_POLICY,
  OVERSIZED_INPUT_POLICIES,
  parseContextBudgetPolicy,
  SectionBudgetSchema,
  type CompressionPolicy,
  type ContextBudgetPolicy,
  type ContextBudgetPolicyInput,
  type ContextSection,
  type OversizedInputPolicy,
  type SectionBudget,
} from './budget/budget-policy.js';
export { resolveSectionBudgets, type SectionTokens } from './budget/resolve-section-budgets.js';
export type {
  ContextCompressionReport,
  ContextDrop,
  ContextDropReason,
  ContextFits,
  ContextOversizedInput,
  ContextPlan,
  ContextReport,
  ContextTooLarge,
  ContextTrim,
  HistorySummaryRequest,
  RetrievedDocument,
} from './budget/context-report.js';
export { DEFAULT_DOCUMENT_OVERHEAD_TOKENS, planContext, type PlanContextInput } from './budget/plan-context.js';
export { describeContextTooLarge, firstTargetThatFits } from './budget/context-too-large.js';
export { trimToSentences } from './budget/trim-to-sentences.js';

export {
  compressContext,
  DEFAULT_MIN_CHUNK_TOKENS,
  type CompressContextInput,
  type CompressContextResult,
  type CompressedChunk,
  type CompressibleChunk,
  type CompressionStats,
} from './compress/compress-context.js';
export { ChunkAnalysisCache, type ChunkAnalysis } from './compress/analyze-chunk.js';
export { DEFAULT_VOCABULARY_SIZE, Vocabulary, type WordEntry } from './compress/vocabulary.js';
export { termsOf } from './compress/words.js';
export { prefixOf } from './compress/text-terms.js';
export { estimateSavingsUsd } from './compress/estimate-savings.js';

export { CHUNK_ANALYSIS_VERSION, parseChunkProfile, profileChunk, type ChunkProfile } from './profile/chunk-profile.js';
export type { EncodedAnalysis } from './profile/analysis-codec.js';

export { splitOversizedInput, type InputPart } from './split/split-oversized-input.js';
export { splitToWords } from './split/split-to-words.js';
export { packByTokens } from './split/pack-by-tokens.js';

export { CompressionEvalItemSchema, parseCompressionEvalItems, type CompressionEvalItem } from './eval/compression-eval-item.js';
export {
  evaluateCompression,
  type CompressionEvaluation,
  type EvaluateCompressionOptions,
  type EvaluationSummary,
  type ItemEvaluation,
  type ShrinkStrategy,
} from './eval/evaluate-compression.js';
export { truncateToBudget } from './eval/truncate-to-budget.js';
