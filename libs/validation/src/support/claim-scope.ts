import { type ClaimFacts } from './claim-facts.js';
import { type SourceIndex } from './source-index.js';

/**
 * The index as one claim needs it: only the sentences sharing a term or a digit run with the
 * claim (its figures' values included, "a week" as 7) are searched for figures and dates
 * stated elsewhere or to derive from. A sentence sharing neither is never read for facts.
 */
export function claimScope(index: SourceIndex, claim: ClaimFacts): SourceIndex {
  const digits = claimDigits(claim);
  if (digits.size === 0 && claim.coverageTerms.length === 0) return index;
  const sentences = index.sentences.filter((sentence) => claim.coverageTerms.some((term) => sentence.termSet.has(term)) || sharesDigits(sentence.text, digits));
  return { ...index, sentences };
}

/**
 * The claim's digit runs, and its figures' values as digits too ("a week" may be "7 days" in a
 * source); single digits only when there is nothing longer, since "2" is in most policy text.
 */
export function claimDigits(claim: ClaimFacts): Set<string> {
  const runs = [...(claim.text.match(/\d+/g) ?? []), ...claim.quantities.flatMap(({ fact }) => [fact.value, fact.max, fact.base, fact.baseMax].filter(Number.isInteger).map(String))];
  const long = runs.filter((run) => run.length > 1);
  return new Set(long.length > 0 ? long : runs);
}

/** Whether `text` has one of `digits` as a whole digit run ("12" in "$12.95"). */
export function sharesDigits(text: string, digits: ReadonlySet<string>): boolean {
  if (digits.size === 0) return false;
  for (const run of text.match(/\d+/g) ?? []) if (digits.has(run)) return true;
  return false;
}
