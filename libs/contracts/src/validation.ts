/** What a route does with an answer its sources do not fully support. */
export type ValidationMode = 'off' | 'flag' | 'regenerate' | 'refuse';

/** A route's answer-validation policy, as the workflow receives it. */
export interface ValidationPolicy {
  readonly mode: ValidationMode;
  /** Answers below this groundedness (share of supported claims) are acted on. */
  readonly minGroundedness: number;
  /** The answer `refuse` gives instead. */
  readonly refusalMessage: string;
}

/** One checked claim of an answer. */
export interface ValidatedClaim {
  readonly text: string;
  readonly verdict: 'supported' | 'unsupported' | 'uncertain';
  readonly score: number;
  /** The source (`[n]`, counted from 1) whose sentence supports or contradicts it best. */
  readonly sourceIndex?: number;
  readonly sourceSentence?: string;
  readonly reasons: readonly string[];
}

/** One `[n]` marker of an answer. */
export interface ValidatedCitation {
  readonly marker: number;
  readonly valid: boolean;
  readonly reason?: string;
}

/** What validation found and did (`ballast.validation`). */
export interface AnswerValidationReport {
  readonly groundedness: number;
  readonly verdict: 'grounded' | 'partially-grounded' | 'ungrounded' | 'no-claims';
  readonly mode: ValidationMode;
  readonly minGroundedness: number;
  /** `passed`; `flagged` (returned with a warning); `regenerated` (a stricter retry was kept); `refused` (the safe answer was given instead). */
  readonly action: 'passed' | 'flagged' | 'regenerated' | 'refused';
  readonly claims: readonly ValidatedClaim[];
  readonly citations: readonly ValidatedCitation[];
  readonly unsupportedClaims: number;
  readonly uncertainClaims: number;
  readonly invalidCitations: number;
  /** With `regenerate`: the first answer's groundedness, before the stricter retry. */
  readonly firstGroundedness?: number;
  readonly durationMs: number;
}
