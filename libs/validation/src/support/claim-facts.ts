import { termsOf } from '../shared/context-terms.js';
import { isFactTerm, textFacts, type TextFacts } from './text-facts.js';

// A reply's "Yes," or "No," answers the question; it does not negate the statement after it.
const ANSWER_WORD = /^(?:yes|no|nope|yep|yeah)\b[,.!:;]?\s*/i;

// Words that carry the telling, not the fact: their absence from a source says nothing.
const GENERIC_TERMS = new Set(
  termsOf(
    'also still just even really actually simply basically usually usual normally generally typically otherwise instead since though although ' +
      'however therefore anyway anything something everything thing things like well yes okay ok way able currently right either whether ' +
      'already exactly specifically certain sure good great happy note keep mind every another',
  ),
);

/** A claim read for scoring: its facts and the terms its overlap is measured on. */
export interface ClaimFacts extends TextFacts {
  /** Distinct terms, figures, months and weekdays left out (their own checks compare them). */
  readonly coverageTerms: readonly string[];
}

/** Reads a claim's text; `knownNames` are the sources' (`SourceIndex.knownNames`). */
export function claimFacts(text: string, knownNames: ReadonlySet<string>, ignoredTerms: ReadonlySet<string> = new Set()): ClaimFacts {
  const facts = textFacts(text.replace(ANSWER_WORD, ''), knownNames);
  // Contractions ("don't", "you'll") are function words; the negation check reads the "n't".
  const coverageTerms = [...facts.termSet].filter((term) => !isFactTerm(term) && !ignoredTerms.has(term) && !GENERIC_TERMS.has(term) && !/['’]/.test(term));
  return { ...facts, coverageTerms };
}
