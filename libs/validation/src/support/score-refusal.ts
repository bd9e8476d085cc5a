import { type Claim } from '../claims/claim.js';
import { claimFacts } from './claim-facts.js';
import { type ClaimSupport } from './claim-support.js';
import { lexicalCoverage } from './lexical-coverage.js';
import { canonicalTermsOf } from './text-facts.js';
import { type SourceIndex } from './source-index.js';
import { CONTRADICTION_FACTOR, REFUSAL_CONTRADICTED_MIN, REFUSAL_COVERED_MIN, SUPPORTED_MIN_SCORE, UNSUPPORTED_MAX_SCORE } from './thresholds.js';
import { support } from './verdict.js';

// The wording of a refusal, not what it is about.
const REFUSAL_WORDS = new Set(
  canonicalTermsOf(
    'sources source document documents documentation context provided information info mention mentioned mentions specify specified ' +
      'say says said state states stated include included cover covered contain contained find found unable able sorry unfortunately ' +
      'details detail answer know sure given available article articles knowledge base',
  ),
);

/**
 * A refusal ("the sources do not mention X") is supported when no passage covers X; when one
 * covers most of X it may be wrong (`uncertain`), when one covers all of it, it is.
 */
export function scoreRefusal(claim: Claim, index: SourceIndex): ClaimSupport {
  const facts = claimFacts(claim.text, index.knownNames, REFUSAL_WORDS);
  if (facts.coverageTerms.length === 0) return support(claim, 1, []);
  let best = { score: 0, passage: index.passages[0] };
  for (const passage of index.passages) {
    const { score } = lexicalCoverage(facts.coverageTerms, passage, index.idf);
    if (score > best.score) best = { score, passage };
  }
  if (best.score < REFUSAL_COVERED_MIN || best.passage === undefined) return support(claim, 1 - best.score * (1 - SUPPORTED_MIN_SCORE), []);
  const source = { id: index.sources[best.passage.sourceIndex]?.id ?? '', sentence: best.passage.text };
  const covered = `${Math.round(best.score * 100)}% of what it says is missing is in this passage`;
  // Everything the refusal says is missing is in one passage: the answer is a false silence.
  if (best.score >= REFUSAL_CONTRADICTED_MIN) {
    return support(claim, CONTRADICTION_FACTOR, [{ check: 'negation', severity: 'contradiction', reason: `refusal: a source states it (${covered})` }], source);
  }
  return support(claim, (SUPPORTED_MIN_SCORE + UNSUPPORTED_MAX_SCORE) / 2, [{ check: 'overlap', severity: 'weak', reason: `refusal: a source may state it (${covered})` }], source);
}
