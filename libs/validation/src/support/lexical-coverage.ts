import { prefixOf } from '../shared/context-terms.js';
import { PREFIX_MATCH_CREDIT } from './thresholds.js';

/** How much of a claim's wording a passage has. */
export interface Coverage {
  /** IDF-weighted share of the claim's terms found in the passage, 0..1 (prefix matches count `PREFIX_MATCH_CREDIT`). */
  readonly score: number;
  /** The IDF weight of all the claim's terms: what `score` is a share of. */
  readonly weight: number;
}

/** Where a claim's terms are looked for. */
export interface TermBag {
  readonly termSet: ReadonlySet<string>;
  readonly prefixes?: ReadonlySet<string>;
}

/**
 * The share of `terms` (distinct) that `bag` has, each weighted by its `idf` over the sources,
 * so a rare word the passage lacks costs more than a common one. No terms: full coverage.
 */
export function lexicalCoverage(terms: readonly string[], bag: TermBag, idf: (term: string) => number): Coverage {
  let total = 0;
  let found = 0;
  for (const term of terms) {
    const weight = idf(term);
    total += weight;
    if (bag.termSet.has(term)) found += weight;
    else if (bag.prefixes !== undefined) {
      const prefix = prefixOf(term);
      if (prefix !== undefined && bag.prefixes.has(prefix)) found += weight * PREFIX_MATCH_CREDIT;
    }
  }
  return { score: total === 0 ? 1 : found / total, weight: total };
}

/** The terms of `terms` that `bag` lacks (prefix matches count as present), rarest first: for reasons. */
export function missingTerms(terms: readonly string[], bag: TermBag, idf: (term: string) => number): string[] {
  return terms
    .filter((term) => {
      if (bag.termSet.has(term)) return false;
      const prefix = prefixOf(term);
      return prefix === undefined || bag.prefixes?.has(prefix) !== true;
    })
    .sort((left, right) => idf(right) - idf(left));
}
