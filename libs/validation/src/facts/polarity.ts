import { termsOf } from '../shared/context-terms.js';
import { scanWords } from '../shared/word-scan.js';

/** Words that negate what follows them. */
const NEGATORS = new Set(['not', 'no', 'never', 'none', 'nothing', 'nobody', 'nowhere', 'neither', 'nor', 'cannot', 'without', 'non']);

/** Words that say "not" by themselves: "unavailable" is "not available", "waived" is "not charged", "unused" is "not used". */
const NEGATIVE_WORDS = new Set([
  'unable', 'unavailable', 'ineligible', 'nonrefundable', 'prohibited', 'prohibits', 'forbidden', 'banned', 'disallowed', 'excluded',
  'excludes', 'exempt', 'waived', 'unused', 'impossible', 'invalid', 'unsupported', 'disabled', 'denied', 'refused', 'declined', 'rejected',
  'lacks', 'unpaid', 'unencrypted',
]);

/**
 * Pairs whose second word says the opposite of the first without being a negation ("optional"
 * is "not required", "manual" is "not automatic"), by stem, so the claim's word against the
 * source's counts as a flip.
 */
const ANTONYM_PAIRS: readonly (readonly [string, string])[] = [
  ['required', 'optional'], ['mandatory', 'optional'], ['increase', 'decrease'], ['increases', 'decreases'], ['rise', 'fall'],
  ['automatic', 'manual'], ['automatically', 'manually'], ['public', 'private'], ['online', 'offline'], ['permanent', 'temporary'],
  ['free', 'paid'], ['free', 'charged'], ['earliest', 'latest'], ['minimum', 'maximum'], ['included', 'extra'], ['always', 'sometimes'],
];
// Pairs like "available"/"unavailable" need no entry: the negative word counts as a negation already.

const OPPOSITES = new Map<string, Set<string>>();
for (const [left, right] of ANTONYM_PAIRS) {
  const [a, b] = [termsOf(left)[0], termsOf(right)[0]];
  if (a === undefined || b === undefined) continue;
  (OPPOSITES.get(a) ?? OPPOSITES.set(a, new Set()).get(a))?.add(b);
  (OPPOSITES.get(b) ?? OPPOSITES.set(b, new Set()).get(b))?.add(a);
}

// A condition's own negation ("if it has not been used", "unless you do not …") says nothing about the main statement.
const CONDITIONAL_SEGMENT = /\b(?:if|unless|whether|when|once|in case)\b[^,;.]*/gi;

/**
 * The negations of a text's main statements: negating words, "n't" contractions and words that
 * negate by themselves ("unavailable", "waived"), counted. Left out: negations inside an
 * if/unless/when clause, "not" in a contrast ("the videos but not the assignments"), "not
 * only", and "without" before a gerund ("without ending their leave").
 */
export function negationCount(text: string): number {
  const main = text
    .replace(CONDITIONAL_SEGMENT, ' ')
    .replace(/\bbut not\b/gi, ' ')
    .replace(/\bnot only\b/gi, ' ')
    // "work up to 10 days without ending their leave": a manner, not the statement's polarity.
    .replace(/\bwithout\s+\w+ing\b/gi, ' ');
  let count = 0;
  for (const match of main.toLowerCase().matchAll(/[a-z]+(?:['’][a-z]+)?/g)) {
    const word = match[0];
    if (NEGATORS.has(word) || NEGATIVE_WORDS.has(word) || /n['’]t$/.test(word)) count += 1;
  }
  return count;
}

/** Terms of `claimTerms` whose opposite is in `sourceTerms` and which `sourceTerms` lacks: "optional" against "required". */
export function oppositesOf(claimTerms: ReadonlySet<string>, sourceTerms: ReadonlySet<string>): [string, string][] {
  const found: [string, string][] = [];
  for (const term of claimTerms) {
    const opposites = OPPOSITES.get(term);
    if (opposites === undefined || sourceTerms.has(term)) continue;
    for (const opposite of opposites) if (sourceTerms.has(opposite) && !claimTerms.has(opposite)) found.push([term, opposite]);
  }
  return found;
}

/** Whether a text restricts by exception ("not permitted, except assistance dogs"): the same as the claim's "only assistance dogs are allowed". */
export function restrictsByException(text: string): boolean {
  return /\b(?:except|other than|apart from|besides|excluding)\b/i.test(text);
}

/** Whether a text restricts with "only" ("only assistance dogs", "exclusively", "solely"). */
export function restrictsWithOnly(text: string): boolean {
  return /\b(?:only|exclusively|solely)\b/i.test(text);
}

// "… but not X": X is what the statement leaves out, up to the clause's end.
const CONTRAST_SCOPE = /\bbut\s+not\s+([^,;.()]+)/gi;

/**
 * The terms a contrasting "but not" leaves out: "Restored instances keep the parameter group
 * but not the IP allow-list" leaves out the allow-list (`negationCount` does not count that
 * "not": the statement itself is positive). Undefined when the text has no such scope.
 */
export function contrastScopes(text: string): { readonly excluded: ReadonlySet<string> } | undefined {
  if (!/\bbut\s+not\b/i.test(text)) return undefined;
  const excluded = new Set<string>();
  for (const match of text.matchAll(CONTRAST_SCOPE)) for (const word of scanWords(match[1] ?? '')) for (const term of word.terms) excluded.add(term);
  return excluded.size === 0 ? undefined : { excluded };
}
