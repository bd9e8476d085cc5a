import { summarizeValidation, type AnswerValidation } from './answer-validation.js';
import { checkCitations } from './citations/check-citations.js';
import { type Claim } from './claims/claim.js';
import { extractClaims } from './claims/extract-claims.js';
import { claimFacts, type ClaimFacts } from './support/claim-facts.js';
import { scoreClaim } from './support/score-claim.js';
import { indexSources } from './support/source-index.js';
import { type SimilarityHook, type ValidationSource } from './support/validation-source.js';

/** What `validateAnswer` needs: the answer as sent, the sources it was given in prompt order. */
export interface ValidateAnswerInput {
  readonly answer: string;
  /** The retrieved chunks, in the order they were numbered for the model (`[1]` is the first). */
  readonly sources: readonly ValidationSource[];
  /** An embedding similarity the caller owns; without it, support is lexical plus the consistency checks. */
  readonly similarity?: SimilarityHook;
}

/**
 * Checks an answer against its sources without a model: claims extracted, each scored for
 * support (overlap, figures, units, dates, names, negation, qualifiers), every citation marker
 * checked. Pure and deterministic; a few milliseconds for a five-sentence answer over eight
 * chunks. Claims left `uncertain` are what a judge (`JudgeClaims`) should see.
 */
export function validateAnswer(input: ValidateAnswerInput): AnswerValidation {
  const index = indexSources(input.sources);
  const facts = new Map<Claim, ClaimFacts>();
  const claims = extractClaims(input.answer).map((claim) => {
    const read = claimFacts(claim.text, index.knownNames);
    facts.set(claim, read);
    return scoreClaim(claim, index, input.similarity, read);
  });
  return summarizeValidation(claims, checkCitations(input.answer, claims, index, input.similarity, facts));
}
