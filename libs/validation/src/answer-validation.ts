import { type CitationCheck } from './citations/citation-check.js';
import { type ClaimSupport } from './support/claim-support.js';

/**
 * How grounded an answer is as a whole: `grounded` when every claim is supported,
 * `ungrounded` when none is, `partially-grounded` in between, `no-claims` when the answer states
 * nothing checkable (only questions and pleasantries).
 */
export type GroundednessVerdict = 'grounded' | 'partially-grounded' | 'ungrounded' | 'no-claims';

/** The validation of one answer against its sources. */
export interface AnswerValidation {
  /**
   * Share of claims whose verdict is `supported`, 0..1 (1 when there are none): a plain mean,
   * because claims are already split into single statements, so a long sentence does not
   * outweigh a short figure. `uncertain` claims count as not supported until a judge decides.
   */
  readonly groundedness: number;
  readonly verdict: GroundednessVerdict;
  readonly claims: readonly ClaimSupport[];
  readonly citations: readonly CitationCheck[];
  readonly unsupportedClaims: number;
  /** Claims the fast checks could not decide: what to send to a judge (`JudgeClaims`). */
  readonly uncertainClaims: number;
  readonly invalidCitations: number;
}

/** Totals and verdict of claims and citations already checked. */
export function summarizeValidation(claims: readonly ClaimSupport[], citations: readonly CitationCheck[]): AnswerValidation {
  const supported = claims.filter((claim) => claim.verdict === 'supported').length;
  const unsupportedClaims = claims.filter((claim) => claim.verdict === 'unsupported').length;
  const uncertainClaims = claims.length - supported - unsupportedClaims;
  const verdict: GroundednessVerdict = claims.length === 0 ? 'no-claims' : supported === claims.length ? 'grounded' : supported === 0 ? 'ungrounded' : 'partially-grounded';
  return {
    groundedness: claims.length === 0 ? 1 : Math.round((supported / claims.length) * 1000) / 1000,
    verdict,
    claims,
    citations,
    unsupportedClaims,
    uncertainClaims,
    invalidCitations: citations.filter((citation) => !citation.valid).length,
  };
}
