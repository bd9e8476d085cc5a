import { summarizeValidation, type AnswerValidation } from '../answer-validation.js';
import { type Claim } from '../claims/claim.js';
import { type ClaimSupport } from '../support/claim-support.js';
import { SUPPORTED_MIN_SCORE, UNSUPPORTED_MAX_SCORE } from '../support/thresholds.js';
import { type JudgeVerdict } from './judge-port.js';

/** The claims to ask a judge about: the ones the fast checks left `uncertain`, in answer order. */
export function claimsForJudge(validation: AnswerValidation): Claim[] {
  return validation.claims.filter((claim) => claim.verdict === 'uncertain').map((claim) => claim.claim);
}

/**
 * The validation with a judge's verdicts on `judged` (the claims it was given, in that order:
 * verdict `claim: n` is `judged[n - 1]`) taken over: each judged claim becomes supported or
 * unsupported, its score moved to that side of the thresholds, the judge's reason added.
 * Totals and verdict are recomputed; citations stay as checked.
 */
export function applyJudgeVerdicts(validation: AnswerValidation, judged: readonly Claim[], verdicts: readonly JudgeVerdict[]): AnswerValidation {
  const byClaim = new Map<Claim, JudgeVerdict>();
  for (const verdict of verdicts) {
    const claim = judged[verdict.claim - 1];
    if (claim !== undefined) byClaim.set(claim, verdict);
  }
  const claims = validation.claims.map((support): ClaimSupport => {
    const verdict = byClaim.get(support.claim);
    if (verdict === undefined) return support;
    const score = verdict.supported ? Math.max(support.score, SUPPORTED_MIN_SCORE) : Math.min(support.score, UNSUPPORTED_MAX_SCORE / 2);
    return {
      ...support,
      supported: verdict.supported,
      verdict: verdict.supported ? 'supported' : 'unsupported',
      score,
      reasons: [...support.reasons, `judge: ${verdict.reason}`],
    };
  });
  return summarizeValidation(claims, validation.citations);
}
