/** What a route does with an answer its sources do not fully support. */
export type ValidationMode = 'off' | 'flag' | 'regenerate' | 'refuse';

/** A route's answer-validation policy, as the workflow receives it. */
export interface ValidationPolicy {
  readonly mode: ValidationMode;
  /** Answers below this groundedness (share of supported claims) are acted on. */
  readonly minGroundedness: number;
  /** The answer `refuse` gives instead. */
  readonly refusalMessage: string;
  /** An LLM judge for the claims the fast checks leave undecided; absent: no judge. */
  readonly judge?: ValidationJudgePolicy | undefined;
}

/** A route's validation judge: a cheap model asked about the claims the fast checks cannot decide. */
export interface ValidationJudgePolicy {
  /** A configured route name or a model a configured provider serves; a route's first target is used. */
  readonly model: string;
  /** Most claims sent per answer (the most undecided first); the rest keep the fast verdict. */
  readonly maxClaims: number;
  /** Longest the judge may take, retries included; past it the fast verdicts stand. */
  readonly timeoutMs: number;
}

/** What the judge did for one request (`ballast.validation.judge`): every call of it, cost summed. */
export interface ValidationJudgeReport {
  /** The judge's model as configured (a route name or a model id). */
  readonly model: string;
  /** The provider and model that answered, when a call was made. */
  readonly provider?: string;
  readonly servedBy?: string;
  /** Judge calls made (a regenerated answer is judged again). */
  readonly calls: number;
  /** Claims sent to the judge. */
  readonly claims: number;
  /** Claims whose verdict the judge changed. */
  readonly changed: number;
  readonly costUsd: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Why the judge's verdicts were not used (the fast verdicts stand): a provider failure, a timeout, an unusable reply, a budget. */
  readonly error?: string;
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
  /** Claims in the judge's score band after the fast checks (absent in reports recorded before the judge existed). */
  readonly undecidedClaims?: number;
  /** Set when the route has a judge and claims were undecided. */
  readonly judge?: ValidationJudgeReport;
  /** With `regenerate`: the first answer's groundedness, before the stricter retry. */
  readonly firstGroundedness?: number;
  readonly durationMs: number;
}
