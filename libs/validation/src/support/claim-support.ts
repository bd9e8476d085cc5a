import { type Claim } from '../claims/claim.js';
import { type Finding } from './finding.js';

/** `uncertain`: the fast checks cannot decide; a judge (`JudgeClaims`) may. */
export type SupportVerdict = 'supported' | 'unsupported' | 'uncertain';

/** How well the sources support one claim. */
export interface ClaimSupport {
  readonly claim: Claim;
  /** `verdict === 'supported'`. */
  readonly supported: boolean;
  /** 0..1: term overlap with the best source passage, lowered by every finding. */
  readonly score: number;
  readonly verdict: SupportVerdict;
  /** The best-supporting source and its sentence(s), when any passage shares a term with the claim. */
  readonly source?: { readonly id: string; readonly sentence: string };
  /** Why the score is what it is, e.g. "number 60 days differs from source's 30 days". */
  readonly reasons: readonly string[];
  /** The findings behind the reasons, for callers that act on the kind of problem. */
  readonly findings: readonly Finding[];
}
