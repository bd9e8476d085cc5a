import { contrastScopes, oppositesOf, restrictsByException, restrictsWithOnly } from '../../facts/polarity.js';
import { type ClaimFacts } from '../claim-facts.js';
import { type Finding } from '../finding.js';
import { type Focus } from '../focus.js';
import { NEGATION_FOCUS_MIN } from '../thresholds.js';

/**
 * The claim's polarity against the source clause it speaks to (the focus clause): an odd number
 * of negations on one side only ("not", "never", "no", "without", "n't", "unavailable"), or a
 * word whose opposite the source uses ("optional" against "required"), flips what is said. "Only
 * X are allowed" against "not permitted, except X" is the same restriction, not a flip.
 */
export function checkNegation(claim: ClaimFacts, focus: Focus): Finding[] {
  const exceptionForOnly = restrictsWithOnly(claim.text) && !restrictsWithOnly(focus.clause.text) && focus.clause.negations % 2 === 1 && restrictsByException(focus.sentence);
  const sourceTerms = focus.clause.termSet;
  const opposites = oppositesOf(claim.termSet, sourceTerms);
  // "covers parts but not labour": a negated claim about what the contrast leaves out ("labour is not covered") says the same.
  const aboutLeftOut = claim.negations % 2 === 1 && focus.clause.negations % 2 === 0 && opposites.length % 2 === 0 && leavesOut(focus.clause.text, claim.coverageTerms);
  const sourceNegations = focus.clause.negations + (exceptionForOnly ? 1 : 0) + (aboutLeftOut ? 1 : 0);
  const flipped = (claim.negations % 2 !== sourceNegations % 2) !== (opposites.length % 2 === 1);
  if (!flipped) return [];
  // A claim that shares little with the clause is not a restatement of it: its "not" may be a conclusion drawn from it.
  const severity = focus.score >= NEGATION_FOCUS_MIN ? 'contradiction' : 'weak';
  const [opposite] = opposites;
  if (opposite !== undefined && claim.negations % 2 === sourceNegations % 2) {
    return [{ check: 'negation', severity, reason: `negation: the claim's "${opposite[0]}" is the opposite of the source's "${opposite[1]}"` }];
  }
  const excerpt = focus.clause.text.trim();
  return [{
    check: 'negation',
    severity,
    reason: claim.negations % 2 === 1 ? `negation: the claim negates what the source states ("${excerpt}")` : `negation: the source negates what the claim states ("${excerpt}")`,
  }];
}

// Whether the clause's "but not X" scope holds one of the terms.
function leavesOut(clause: string, terms: readonly string[]): boolean {
  const excluded = contrastScopes(clause)?.excluded;
  return excluded !== undefined && terms.some((term) => excluded.has(term));
}
