export { validateAnswer, type ValidateAnswerInput } from './validate-answer.js';
export { summarizeValidation, type AnswerValidation, type GroundednessVerdict } from './answer-validation.js';

export { extractClaims } from './claims/extract-claims.js';
export type { Claim, ClaimKind } from './claims/claim.js';
export { citationMarkersOf, type CitationMarker } from './claims/citation-markers.js';

export { indexSources, type SourceIndex } from './support/source-index.js';
export { scoreClaim } from './support/score-claim.js';
export { verdictOf } from './support/verdict.js';
export type { ClaimSupport, SupportVerdict } from './support/claim-support.js';
export type { CheckName, Finding, Severity } from './support/finding.js';
export type { SimilarityHook, ValidationSource } from './support/validation-source.js';
export {
  ABSENT_FACTOR,
  CANDIDATE_PASSAGES,
  CONTRADICTION_FACTOR,
  JUDGE_MAX_SCORE,
  JUDGE_MIN_SCORE,
  PREFIX_MATCH_CREDIT,
  REFUSAL_COVERED_MIN,
  RELEVANT_CLAUSE_MIN,
  SIMILARITY_WEIGHT,
  SUPPORTED_MIN_SCORE,
  UNSUPPORTED_MAX_SCORE,
  WEAK_FACTOR,
} from './support/thresholds.js';

export { checkCitations } from './citations/check-citations.js';
export type { CitationCheck } from './citations/citation-check.js';

export {
  CLAIM_ERRORS,
  LabelledClaimSchema,
  parseValidationEvalSet,
  ValidationEvalItemSchema,
  ValidationEvalSetSchema,
  type ClaimError,
  type LabelledClaim,
  type ValidationEvalItem,
  type ValidationEvalSet,
} from './eval/validation-eval-set.js';
export { predictLabelledClaims, type ClaimPrediction } from './eval/predict-labelled-claims.js';
export {
  FLAG_NOT_SUPPORTED,
  FLAG_UNSUPPORTED,
  falsePositiveRates,
  recallByError,
  sourceAttribution,
  summarizeDetection,
  type DetectionSummary,
  type FlagRule,
} from './eval/detection-metrics.js';
export { extractionCoverage, MATCH_OVERLAP, type ExtractionCoverage } from './eval/extraction-coverage.js';

export type { JudgeClaims, JudgeVerdict } from './judge/judge-port.js';
export { buildJudgePrompt } from './judge/build-judge-prompt.js';
export { parseJudgeResponse } from './judge/parse-judge-response.js';
export { JudgeResponseError, type JudgeResponseFacts, type JudgeResponseFailure } from './judge/judge-response-error.js';
export { applyJudgeVerdicts, claimsForJudge, isUndecided, undecidedClaimCount } from './judge/apply-judge-verdicts.js';
