import { type Claim } from '../claims/claim.js';
import { checkConditions } from './checks/check-conditions.js';
import { checkDates } from './checks/check-dates.js';
import { checkEntities } from './checks/check-entities.js';
import { checkNegation } from './checks/check-negation.js';
import { checkQuantities } from './checks/check-quantities.js';
import { checkRoles } from './checks/check-roles.js';
import { claimFacts, type ClaimFacts } from './claim-facts.js';
import { type ClaimSupport } from './claim-support.js';
import { type Finding, type Severity } from './finding.js';
import { claimDigits, claimScope, sharesDigits } from './claim-scope.js';
import { derivedCredit, directAgreement, factCount } from './fact-agreement.js';
import { focusOf } from './focus.js';
import { lexicalCoverage, missingTerms, type Coverage } from './lexical-coverage.js';
import { scoreRefusal } from './score-refusal.js';
import { type Passage, type SourceIndex } from './source-index.js';
import {
  ABSENT_FACTOR,
  CANDIDATE_MIN_SHARE,
  CANDIDATE_PASSAGES,
  CONTRADICTION_FACTOR,
  SIMILARITY_WEIGHT,
  SUPPORTED_MIN_SCORE,
  WEAK_FACTOR,
} from './thresholds.js';
import { type SimilarityHook } from './validation-source.js';
import { clamp, support } from './verdict.js';

const FACTOR: Readonly<Record<Severity, number>> = { contradiction: CONTRADICTION_FACTOR, absent: ABSENT_FACTOR, weak: WEAK_FACTOR };

// Passages with at least this share of the best word overlap are read for the claim's figures (besides those sharing a digit run).
const FACT_READING_SHARE = 0.5;

interface Candidate {
  readonly passage: Passage;
  readonly coverage: Coverage;
  /** Overlap, blended with the similarity hook when there is one. */
  readonly base: number;
}

/**
 * Scores one claim against the indexed sources: IDF-weighted term overlap with every sentence
 * and pair of adjacent sentences (blended with `similarity` when given), then, on the best few
 * passages, the consistency checks (figures, units, dates, names, negation, qualifiers), each
 * finding multiplying the score down. The passage with the best final score is the claim's source.
 * `facts` are the claim's (`claimFacts`), when the caller read them already.
 */
export function scoreClaim(claim: Claim, index: SourceIndex, similarity?: SimilarityHook, facts: ClaimFacts = claimFacts(claim.text, index.knownNames)): ClaimSupport {
  if (claim.kind === 'refusal') return scoreRefusal(claim, index);
  const scope = claimScope(index, facts);
  const ranked = rankPassages(facts, claim.text, index, scope, similarity);
  const floor = (ranked[0]?.base ?? 0) * CANDIDATE_MIN_SHARE;
  const candidates = ranked.slice(0, CANDIDATE_PASSAGES).filter((candidate) => candidate.base >= floor);
  let best: { candidate: Candidate; findings: Finding[]; score: number } | undefined;
  for (const candidate of candidates) {
    const findings = checksOf(facts, candidate.passage, scope);
    const score = findings.reduce((value, finding) => value * FACTOR[finding.severity], candidate.base);
    if (best === undefined || score > best.score) best = { candidate, findings, score };
  }
  if (best === undefined) {
    const findings: Finding[] = [{ check: 'overlap', severity: 'absent', reason: 'no source shares a term with the claim' }];
    return support(claim, 0, findings);
  }
  const { candidate, score } = best;
  const findings = [...best.findings];
  if (candidate.coverage.score < SUPPORTED_MIN_SCORE) {
    const missing = missingTerms(facts.coverageTerms, candidate.passage, index.idf).slice(0, 4).join(', ');
    findings.unshift({ check: 'overlap', severity: 'weak', reason: `only ${Math.round(candidate.coverage.score * 100)}% of the claim's terms and figures are in the best source passage${missing ? ` (missing: ${missing})` : ''}` });
  }
  const source = { id: index.sources[candidate.passage.sourceIndex]?.id ?? '', sentence: candidate.passage.text };
  return support(claim, score, findings, source);
}

/** Passages by overlap (blended with similarity), best first; ties go to the single sentence. */
function rankPassages(claim: ClaimFacts, text: string, index: SourceIndex, scope: SourceIndex, similarity?: SimilarityHook): Candidate[] {
  const sentenceSimilarity = new Map<string, number>();
  const similar = (passage: Passage): number => {
    if (similarity === undefined) return 0;
    return Math.max(...passage.sentences.map((sentence) => {
      const cached = sentenceSimilarity.get(sentence.text);
      if (cached !== undefined) return cached;
      const value = clamp(similarity(text, sentence.text));
      sentenceSimilarity.set(sentence.text, value);
      return value;
    }));
  };
  // A figure or date weighs as much as a term no source has: the rarest kind of evidence.
  const factWeight = index.idf('');
  const facts = factCount(claim);
  const digits = claimDigits(claim);
  const lexical = index.passages.map((passage) => ({ passage, terms: lexicalCoverage(claim.coverageTerms, passage, index.idf) }));
  const bestTerms = lexical.reduce((best, entry) => Math.max(best, entry.terms.score), 0);
  // Only passages close to the best overlap, or holding one of the claim's digit runs, are read for figures: most never are.
  const read = lexical.map(({ passage, terms }) => {
    const worthReading = facts > 0 && ((terms.score > 0 && terms.score >= bestTerms * FACT_READING_SHARE) || sharesDigits(passage.text, digits));
    return { passage, terms, agreement: worthReading ? directAgreement(claim, passage) : undefined };
  });
  const stated = new Set(read.flatMap((entry) => [...(entry.agreement?.quantities ?? [])]));
  const derived = facts > stated.size ? derivedCredit(claim, stated, scope) : 0;
  const candidates: Candidate[] = [];
  for (const { passage, terms, agreement } of read) {
    const total = terms.weight + facts * factWeight;
    const agreeing = agreement === undefined ? 0 : agreement.count + derived;
    const score = total === 0 ? 1 : (terms.score * terms.weight + agreeing * factWeight) / total;
    const coverage = { score, weight: total };
    const base = similarity === undefined ? score : Math.max(score, SIMILARITY_WEIGHT * similar(passage) + (1 - SIMILARITY_WEIGHT) * score);
    if (base > 0 || total === 0) candidates.push({ passage, coverage, base });
  }
  return candidates.sort((left, right) => right.base - left.base || left.passage.sentences.length - right.passage.sentences.length);
}

function checksOf(facts: ClaimFacts, passage: Passage, index: SourceIndex): Finding[] {
  const focus = focusOf(facts, passage, index.idf);
  return [
    ...checkQuantities(facts, passage, index),
    ...checkDates(facts, passage, index),
    ...checkEntities(facts, passage, focus, index),
    ...checkRoles(facts, focus),
    ...checkNegation(facts, focus),
    ...checkConditions(facts, focus),
  ];
}
