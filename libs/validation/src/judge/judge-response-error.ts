const MARKER = Symbol.for('ballast.judge-response-error');

/** Why a judge's reply could not be used. */
export type JudgeResponseFailure = 'not-json' | 'wrong-shape' | 'unknown-claim' | 'duplicate-claim' | 'missing-claims';

/** Facts of an unusable judge reply. */
export interface JudgeResponseFacts {
  readonly failure: JudgeResponseFailure;
  /** Human-readable detail, e.g. `verdicts[1].supported: expected boolean`. */
  readonly detail: string;
  /** The start of the reply, for the log. */
  readonly excerpt: string;
  readonly cause?: unknown;
}

/** A judge reply that is not the JSON `buildJudgePrompt` asks for, or does not answer every claim once. */
export class JudgeResponseError extends Error {
  readonly [MARKER] = true;
  readonly failure: JudgeResponseFailure;
  readonly detail: string;
  readonly excerpt: string;

  constructor(facts: JudgeResponseFacts) {
    super(`unusable judge response (${facts.failure}): ${facts.detail}; reply starts ${JSON.stringify(facts.excerpt)}`, { cause: facts.cause });
    this.name = 'JudgeResponseError';
    this.failure = facts.failure;
    this.detail = facts.detail;
    this.excerpt = facts.excerpt;
  }

  /** Survives duplicate copies of this package, unlike instanceof. */
  static isInstance(value: unknown): value is JudgeResponseError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}
