/** A prompt template and the version of it a group of requests used. */
export interface PromptTemplateRef {
  readonly id: string;
  readonly version: string | number;
}

/** One route (and prompt template version) over the review period, aggregated from traces. */
export interface ReviewRow {
  readonly route: string;
  readonly promptTemplate?: PromptTemplateRef | undefined;
  readonly requests: number;
  /** Requests that produced an answer. */
  readonly answers: number;
  /** Mean groundedness of the scored answers; null when none was scored. */
  readonly meanGroundedness: number | null;
  /** Share of scored answers below the groundedness threshold; null when none was scored. */
  readonly lowGroundednessShare: number | null;
  readonly costUsd: number;
  /** Nearest-rank p95 latency; null when no latency was recorded. */
  readonly p95Ms: number | null;
  /** Requests answered by a fallback target rather than the first. */
  readonly fallbacks: number;
  readonly retries: number;
  readonly errors: number;
  readonly cacheHits: number;
}

export interface WeeklyReviewInput {
  /** ISO-8601 start of the period, inclusive. */
  readonly periodStart: string;
  /** ISO-8601 end of the period, exclusive. */
  readonly periodEnd: string;
  readonly rows: readonly ReviewRow[];
  /** Most groups listed per section. */
  readonly limit: number;
  /** Groups with fewer requests stay out of the rankings (too few to judge); default 10. */
  readonly minRequests?: number;
}

/** One ranked group with the figures its section is ranked by. */
export interface ReviewEntry<F> {
  readonly rank: number;
  /** `support` or `support · faq v3`. */
  readonly group: string;
  readonly route: string;
  readonly promptTemplate?: PromptTemplateRef;
  readonly figures: F;
  /** One sentence: what the figures say and where to look. */
  readonly lookAt: string;
}

export interface GroundednessFigures {
  readonly meanGroundedness: number;
  readonly lowGroundednessShare: number | null;
  readonly answers: number;
}

export interface CostFigures {
  readonly costPerAnswerUsd: number;
  readonly costUsd: number;
  readonly answers: number;
  readonly cacheHitRate: number;
}

export interface FallbackFigures {
  readonly fallbackRate: number;
  readonly fallbacks: number;
  readonly requests: number;
  readonly retries: number;
  readonly errors: number;
}

export interface LatencyFigures {
  readonly p95Ms: number;
  readonly requests: number;
}

export interface WeeklyReviewSections {
  /** Ascending mean groundedness; groups without scores are left out. */
  readonly lowestGroundedness: readonly ReviewEntry<GroundednessFigures>[];
  /** Descending cost per answer; groups without answers or without spend are left out. */
  readonly highestCostPerAnswer: readonly ReviewEntry<CostFigures>[];
  /** Descending share of requests that fell back; groups without fallbacks are left out. */
  readonly mostFallbacks: readonly ReviewEntry<FallbackFigures>[];
  /** Descending p95 latency. */
  readonly slowest: readonly ReviewEntry<LatencyFigures>[];
}

/** Groups left out, by reason, as group labels in order. */
export interface WeeklyReviewOmissions {
  /** Fewer than `minRequests` requests: out of every ranking. */
  readonly belowMinRequests: readonly string[];
  /** No groundedness scores: out of the groundedness section. */
  readonly withoutGroundedness: readonly string[];
}

export interface WeeklyReviewTotals {
  readonly groups: number;
  readonly requests: number;
  readonly answers: number;
  readonly costUsd: number;
}

export interface WeeklyReview {
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly minRequests: number;
  readonly totals: WeeklyReviewTotals;
  readonly sections: WeeklyReviewSections;
  readonly omitted: WeeklyReviewOmissions;
  readonly markdown: string;
}
