import { type ClaimFacts } from './claim-facts.js';
import { lexicalCoverage } from './lexical-coverage.js';
import { type Passage, type SourceClause, type SourceSentence } from './source-index.js';
import { RELEVANT_CLAUSE_MIN, RELEVANT_CLAUSE_SHARE } from './thresholds.js';

/** The clauses of a passage a claim speaks to. */
export interface Focus {
  /** The clause with most of the claim's terms. */
  readonly clause: SourceClause;
  /** The text of the sentence the focus clause is in. */
  readonly sentence: string;
  /** The share of the claim's terms (figures included) the focus clause has, IDF-weighted. */
  readonly score: number;
  /** The clauses of the focus clause's sentence with at least `RELEVANT_CLAUSE_MIN` of them and `RELEVANT_CLAUSE_SHARE` of the focus clause's share (the focus clause always). */
  readonly relevant: readonly SourceClause[];
}

/** The clauses of `passage` that `claim` is about, by IDF-weighted term overlap. */
export function focusOf(claim: ClaimFacts, passage: Passage, idf: (term: string) => number): Focus {
  let best: { clause: SourceClause; sentence: SourceSentence; score: number } | undefined;
  const scores = new Map<SourceClause, number>();
  const terms = [...claim.termSet].filter((term) => !/['’]/.test(term));
  for (const sentence of passage.sentences) {
    for (const clause of sentence.clauses) {
      // All the claim's terms, figures included: "two sailings at 09:00 and 16:00" is about the clause with those times.
      const score = lexicalCoverage(terms, clause, idf).score;
      scores.set(clause, score);
      if (best === undefined || score > best.score) best = { clause, sentence, score };
    }
  }
  if (best === undefined) {
    const whole: SourceClause = { text: passage.text, termSet: passage.termSet, negations: 0, entities: [], conditions: [] };
    return { clause: whole, sentence: passage.text, score: 0, relevant: [whole] };
  }
  // Only the focus sentence's clauses: a negation in the next sentence is about something else.
  const floor = Math.max(RELEVANT_CLAUSE_MIN, best.score * RELEVANT_CLAUSE_SHARE);
  const relevant = best.sentence.clauses.filter((clause) => clause === best?.clause || (scores.get(clause) ?? 0) >= floor);
  return { clause: best.clause, sentence: best.sentence.text, score: best.score, relevant };
}
