import { rolesOf } from '../../facts/roles.js';
import { type ClaimFacts } from '../claim-facts.js';
import { type Finding } from '../finding.js';
import { type Focus } from '../focus.js';

/**
 * Parties written in lower case ("tenant", "landlord", "employee", "headteacher"): a claim
 * giving to one party what the source clause gives to another of the same kind swaps them.
 */
export function checkRoles(claim: ClaimFacts, focus: Focus): Finding[] {
  const claimRoles = rolesOf(claim.termSet);
  if (claimRoles.size === 0) return [];
  const sourceRoles = rolesOf(focus.clause.termSet);
  const findings: Finding[] = [];
  for (const [role, group] of claimRoles) {
    if (sourceRoles.has(role)) continue;
    const other = [...sourceRoles].find(([sourceRole, sourceGroup]) => sourceGroup === group && !claimRoles.has(sourceRole));
    if (other !== undefined) findings.push({ check: 'entity', severity: 'contradiction', reason: `party "${role}" is not the source's "${other[0]}"` });
  }
  return findings;
}
