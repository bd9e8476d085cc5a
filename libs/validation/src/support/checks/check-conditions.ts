import { oppositeKinds, type Condition } from '../../facts/conditions.js';
import { type ClaimFacts } from '../claim-facts.js';
import { type Finding } from '../finding.js';
import { type Focus } from '../focus.js';

// A claim qualifier and a source qualifier are about the same thing when this share of the shorter one's terms are shared.
const SAME_OBJECT = 0.5;

/**
 * Qualifiers ("over $50", "after the first year", "unless …") of the source clauses the claim
 * speaks to against the claim's: one turned around ("under $50", "within the first year")
 * contradicts; a figure bound the claim drops altogether ("if more than 45 days overdue" → "as
 * soon as overdue") is a weak doubt. Other dropped or added qualifiers are left to the overlap:
 * answers shorten and rephrase them all the time.
 */
export function checkConditions(claim: ClaimFacts, focus: Focus): Finding[] {
  const findings: Finding[] = [];
  const sourceConditions = focus.relevant.flatMap((clause) => clause.conditions);
  for (const source of sourceConditions) {
    const counterparts = claim.conditions.filter((candidate) => sameObject(candidate, source));
    const turned = counterparts.find((candidate) => oppositeKinds(candidate.kind, source.kind));
    if (turned !== undefined && !counterparts.some((candidate) => candidate.kind === source.kind)) {
      findings.push({ check: 'condition', severity: 'contradiction', reason: `condition "${turned.raw}" contradicts the source's "${source.raw}"` });
    } else if (counterparts.length === 0 && source.figure && share(source.terms, claim.termSet) === 0 && claim.quantities.length === 0) {
      findings.push({ check: 'condition', severity: 'weak', reason: `drops the source's condition "${source.raw}"` });
    }
  }
  return findings;
}

function sameObject(left: Condition, right: Condition): boolean {
  if (left.terms.length === 0 || right.terms.length === 0) return false;
  const [shorter, longer] = left.terms.length <= right.terms.length ? [left.terms, new Set(right.terms)] : [right.terms, new Set(left.terms)];
  return share(shorter, longer) >= SAME_OBJECT;
}

function share(terms: readonly string[], bag: ReadonlySet<string>): number {
  if (terms.length === 0) return 1;
  return terms.filter((term) => bag.has(term)).length / terms.length;
}
