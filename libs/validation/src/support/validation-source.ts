/** A retrieved chunk an answer may cite: `[n]` in the answer is the n-th source, counted from 1. */
export interface ValidationSource {
  readonly id: string;
  readonly text: string;
  /** The document's title, when known: names in it ("Fibrelink broadband plans") count as named by every passage of the source. */
  readonly title?: string;
}

/**
 * How alike a claim and a source sentence mean, 0..1, for an embedding model the caller owns
 * (cosine of cached vectors, say). Calibrated so that ≥ `SUPPORTED_MIN_SCORE` means "says the
 * same". Pure and fast: it is called once per claim and source sentence.
 */
export type SimilarityHook = (claim: string, sentence: string) => number;
