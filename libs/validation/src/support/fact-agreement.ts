import { datesAgree, datesComparable } from '../facts/dates.js';
import { type Quantity } from '../facts/quantities.js';
import { sameAmount } from './checks/check-quantities.js';
import { derivationOf } from './checks/derived-figure.js';
import { type ClaimFacts } from './claim-facts.js';
import { type Passage, type SourceIndex } from './source-index.js';

// A figure worked out from the sources ("$310 × 1.5") is evidence, but weaker than one stated.
const DERIVED_CREDIT = 0.5;

/** Which of a claim's figures and dates a passage states too (units converted, formats normalised). */
export interface PassageAgreement {
  readonly count: number;
  readonly quantities: ReadonlySet<Quantity>;
}

/** The claim's figures and dates `passage` states too: they count in the overlap like the rarest terms. */
export function directAgreement(claim: ClaimFacts, passage: Passage): PassageAgreement {
  let count = 0;
  const quantities = new Set<Quantity>();
  for (const { fact } of claim.quantities) {
    if (passage.sentences.some((sentence) => sentence.facts.quantities.some((candidate) => sameAmount(fact, candidate.fact)))) {
      count += 1;
      quantities.add(fact);
    }
  }
  for (const { fact } of claim.dates) {
    if (passage.sentences.some((sentence) => sentence.facts.dates.some((candidate) => datesComparable(fact, candidate.fact) && datesAgree(fact, candidate.fact)))) count += 1;
  }
  return { count, quantities };
}

/**
 * Credit for the claim's figures no passage states but the sources' figures give by one step of
 * arithmetic (`derivationOf`): half a figure each. Only asked about figures stated nowhere, so
 * the sources' figures are gathered only then.
 */
export function derivedCredit(claim: ClaimFacts, statedSomewhere: ReadonlySet<Quantity>, index: SourceIndex): number {
  let credit = 0;
  for (const { fact } of claim.quantities) if (!statedSomewhere.has(fact) && derivationOf(fact, index) !== undefined) credit += DERIVED_CREDIT;
  return credit;
}

/** The claim's figures and dates, as `directAgreement` counts them. */
export function factCount(claim: ClaimFacts): number {
  return claim.quantities.length + claim.dates.length;
}
