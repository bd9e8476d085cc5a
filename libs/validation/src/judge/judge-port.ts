import { type Claim } from '../claims/claim.js';
import { type ValidationSource } from '../support/validation-source.js';

/** A judge's decision on one claim. */
export interface JudgeVerdict {
  /** The claim's number in the list the judge was given, from 1. */
  readonly claim: number;
  readonly supported: boolean;
  /** The id of the source that supports (or that the claim distorts), null when none. */
  readonly sourceId: string | null;
  readonly reason: string;
}

/**
 * An LLM judge: decides claims the fast checks left `uncertain`. The lead wires a model through
 * the gateway (`buildJudgePrompt` → chat completion → `parseJudgeResponse`); nothing here calls
 * a network. One verdict per claim, in any order.
 */
export type JudgeClaims = (claims: readonly Claim[], sources: readonly ValidationSource[]) => Promise<readonly JudgeVerdict[]>;
