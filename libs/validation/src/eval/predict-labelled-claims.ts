import { sentenceKind } from '../claims/sentence-kind.js';
import { type Claim } from '../claims/claim.js';
import { type SupportVerdict } from '../support/claim-support.js';
import { scoreClaim } from '../support/score-claim.js';
import { indexSources } from '../support/source-index.js';
import { type SimilarityHook } from '../support/validation-source.js';
import { type ClaimError, type ValidationEvalItem } from './validation-eval-set.js';

/** One labelled claim, scored: its label next to the validator's verdict. */
export interface ClaimPrediction {
  readonly itemId: string;
  readonly split: 'tune' | 'holdout';
  readonly text: string;
  readonly supported: boolean;
  readonly error: ClaimError | null;
  readonly refusal: boolean;
  readonly labelledSource: string | null;
  readonly verdict: SupportVerdict;
  readonly score: number;
  readonly predictedSource: string | null;
  readonly reasons: readonly string[];
}

/** Scores every labelled claim text of an item against the item's sources (the extraction is measured apart). */
export function predictLabelledClaims(item: ValidationEvalItem, similarity?: SimilarityHook): ClaimPrediction[] {
  const index = indexSources(item.sources);
  let from = 0;
  return item.claims.map((labelled) => {
    const start = Math.max(0, item.answer.indexOf(labelled.text, from));
    from = start + labelled.text.length;
    const refusal = sentenceKind(labelled.text) === 'refusal';
    const claim: Claim = { text: labelled.text, start, end: start + labelled.text.length, citations: [], kind: refusal ? 'refusal' : 'fact' };
    const support = scoreClaim(claim, index, similarity);
    return {
      itemId: item.id,
      split: item.split,
      text: labelled.text,
      supported: labelled.supported,
      error: labelled.error,
      refusal,
      labelledSource: labelled.source,
      verdict: support.verdict,
      score: support.score,
      predictedSource: support.source?.id ?? null,
      reasons: support.reasons,
    };
  });
}
