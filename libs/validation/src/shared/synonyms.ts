import { termsOf } from './context-terms.js';

/**
 * Words answers use for what support documents say another way. Cheap synonym tolerance: each
 * group's terms (stemmed like every other term) map to the group's first term, so "purchase"
 * in a claim meets "buy" in a source. Only groups that keep the meaning in support and policy
 * text: a wrong merge would hide an unsupported claim.
 */
const GROUPS: readonly string[] = [
  'buy purchase order',
  'cost price fee charge',
  'pay paid payment',
  'refund reimburse reimbursement',
  'cancel terminate',
  'begin start commence',
  'end finish conclude expire',
  'allow permit',
  'require mandatory',
  'get receive obtain',
  'give provide offer supply',
  'include contain cover comprise',
  'help assist support',
  'contact reach',
  'ship deliver dispatch shipment delivery',
  'customer client user',
  'employee staff worker personnel',
  'fix repair resolve',
  'show display',
  'use utilize',
  'quick fast rapid prompt',
  'big large',
  'small little',
  'choose select pick',
  'change modify update alter edit',
  'delete remove erase',
  'create make generate',
  'free complimentary',
  'phone call telephone',
  'store keep retain save',
  'check verify confirm',
  'profit earnings',
  'car vehicle',
  'doctor physician',
  'answer reply respond response',
  'extra additional',
  'annual yearly',
  'monthly month',
  'daily day',
  'weekly week',
  'hourly hour',
  'maximum max',
  'minimum min',
];

const CANONICAL = new Map<string, string>();
for (const group of GROUPS) {
  const [head, ...rest] = group.split(' ').map((word) => termsOf(word)[0] ?? '');
  if (head === undefined || head === '') continue;
  for (const term of rest) if (term !== '' && !CANONICAL.has(term)) CANONICAL.set(term, head);
}

/** The term a synonym group stands for (the term itself when it is in no group). */
export function canonicalTerm(term: string): string {
  return CANONICAL.get(term) ?? term;
}
