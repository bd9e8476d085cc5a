import { type Claim } from '../claims/claim.js';
import { type ClaimSupport, type SupportVerdict } from './claim-support.js';
import { type Finding } from './finding.js';
import { SUPPORTED_MIN_SCORE, UNSUPPORTED_MAX_SCORE } from './thresholds.js';

/** The verdict a score gives: `supported` from `SUPPORTED_MIN_SCORE`, `unsupported` below `UNSUPPORTED_MAX_SCORE`. */
export function verdictOf(score: number): SupportVerdict {
  if (score >= SUPPORTED_MIN_SCORE) return 'supported';
  return score < UNSUPPORTED_MAX_SCORE ? 'unsupported' : 'uncertain';
}

/** Assembles a claim's support; the verdict follows the score. */
export function support(claim: Claim, score: number, findings: readonly Finding[], source?: ClaimSupport['source']): ClaimSupport {
  const rounded = Math.round(clamp(score) * 1000) / 1000;
  const verdict = verdictOf(rounded);
  return { claim, supported: verdict === 'supported', score: rounded, verdict, ...(source === undefined ? {} : { source }), reasons: findings.map((finding) => finding.reason), findings };
}

/** `value` within 0..1; 0 for NaN. */
export function clamp(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}
