/**
 * Token figures for sentences without counting them.
 *
 * Compression picks sentences until a share of the chunks' tokens is reached, so it needs each
 * sentence's size relative to the others, not an exact count. Counting every sentence with the
 * model's tokenizer cost twice as much as counting the chunks themselves (about 20 ms for a
 * 16k-token context). Instead each chunk's count (exact, or known from ingestion) is handed out
 * to its sentences in proportion to their calibrated estimates (`estimateTokens`), as whole
 * tokens that add up to the count. The share includes the whitespace and line breaks around the
 * sentence, and compression still charges one more token per join, so a compressed chunk's
 * figure leans high, as the sum of exact sentence counts did.
 *
 * It is still an estimate of the shortened text, not a count or a guaranteed bound: on the eval
 * set (o200k_base and cl100k_base, target ratios 0.1 to 0.9, 8,000 compressed chunks) the exact
 * count of a compressed chunk was 0.98× its figure in aggregate, at most 1.23× for figures of 30
 * tokens or more and at most 7 tokens above it. `boundTokens` adds a margin twice what was
 * needed there; planning counts the compressed texts exactly whenever the prompt would not fit
 * the window with every figure at that bound (see `budget/prepare-documents.ts`).
 */

/** Relative and absolute margins on an apportioned figure: 1.15 × the figure + 2 sufficed on the eval set. */
export const APPORTIONED_MARGIN = 1.25;
export const APPORTIONED_SLACK_TOKENS = 8;

/**
 * Hands a chunk's token count out to its sentences in reading order, in proportion to their
 * estimates: each sentence gets the rounded running total minus what was handed out before, so
 * the shares are whole tokens and add up to the count exactly.
 */
export class TokenShares {
  private estimateSoFar = 0;
  private handedOut = 0;

  constructor(
    private readonly tokens: number,
    private readonly estimateSum: number,
  ) {}

  /** The next sentence's share, given its estimate. */
  next(estimate: number): number {
    this.estimateSoFar += estimate;
    const upTo = this.estimateSum === 0 ? 0 : Math.round((this.estimateSoFar * this.tokens) / this.estimateSum);
    const share = upTo - this.handedOut;
    this.handedOut = upTo;
    return share;
  }
}

/**
 * A bound on the tokens of a text whose apportioned figure is `tokens`, cut from a chunk of
 * `tokensBefore` tokens: the figure with its margins, capped at the whole chunk's count (some of
 * a chunk's sentences with whitespace collapsed cost less than the chunk: at least 2 tokens less
 * in every eval case).
 */
export function boundTokens(tokens: number, tokensBefore: number): number {
  return Math.min(tokensBefore, Math.ceil(tokens * APPORTIONED_MARGIN) + APPORTIONED_SLACK_TOKENS);
}
