import { termsOf } from '../shared/context-terms.js';

/**
 * Parties that policies tell apart and answers swap, written in lower case so the name check
 * does not see them: the tenant's notice is not the landlord's. Each group's roles exclude each
 * other; a role of one group says nothing about another group's.
 */
const ROLE_GROUPS: readonly string[] = [
  'tenant landlord agent',
  'employee employer manager contractor director',
  'buyer seller vendor',
  'customer merchant supplier reseller',
  'parent pupil student teacher headteacher tutor',
  'patient doctor pharmacist nurse dentist',
  'sender recipient',
  'driver passenger',
  'member guest visitor',
  'insurer policyholder',
  'adult child children teenager infant',
];

const GROUP_OF = new Map<string, number>();
ROLE_GROUPS.forEach((group, index) => {
  for (const word of group.split(' ')) for (const term of termsOf(word)) GROUP_OF.set(term, index);
});

/** The role terms among `terms`, each with its group. */
export function rolesOf(terms: Iterable<string>): Map<string, number> {
  const roles = new Map<string, number>();
  for (const term of terms) {
    const group = GROUP_OF.get(term);
    if (group !== undefined) roles.set(term, group);
  }
  // "child" and "children" stem apart; one party all the same.
  const child = termsOf('child')[0];
  const children = termsOf('children')[0];
  if (child !== undefined && children !== undefined && roles.has(children)) roles.set(child, roles.get(children) ?? 0);
  return roles;
}
