import { summarizeValidation, type AnswerValidation } from '../answer-validation.js';
import { type Claim } from '../claims/claim.js';
import { type ClaimSupport } from '../support/claim-support.js';
import { JUDGE_MAX_SCORE, JUDGE_MIN_SCORE, SUPPORTED_MIN_SCORE, UNSUPPORTED_MAX_SCORE } from '../support/thresholds.js';
import { type JudgeVerdict } from './judge-port.js';

/** True when the fast checks leave a claim with this score undecided: in the judge's band. */
export function isUndecided(score: number): boolean {
  return score >= JUDGE_MIN_SCORE && score < JUDGE_MAX_SCORE;
}

/** How many claims of the validation are undecided (what a judge would be asked about, before `maxClaims`). */
export function undecidedClaimCount(validation: AnswerValidation): number {
  return validation.claims.filter((claim) => isUndecided(claim.score)).length;
}

/**
 * The claims to ask a judge about, in answer order: the undecided ones (score in the judge's
 * band), at most `maxClaims` of them, the ones nearest the middle of the band first.
 */
export function claimsForJudge(validation: AnswerValidation, maxClaims = Number.POSITIVE_INFINITY): Claim[] {
  const middle = (JUDGE_MIN_SCORE + JUDGE_MAX_SCORE) / 2;
  const undecided = validation.claims.map((support, position) => ({ support, position })).filter(({ support }) => isUndecided(support.score));
  const chosen = undecided
    .sort((left, right) => Math.abs(left.support.score - middle) - Math.abs(right.support.score - middle) || left.position - right.position)
    .slice(0, Math.max(0, maxClaims))
    .sort((left, right) => left.position - right.position);
  return chosen.map(({ support }) => support.claim);
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
