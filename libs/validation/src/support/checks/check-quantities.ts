import { type Anchored } from '../../facts/anchored.js';
import { describeQuantity, type Quantity } from '../../facts/quantities.js';
import { alignFact } from '../align-fact.js';
import { type ClaimFacts } from '../claim-facts.js';
import { isFactTerm } from '../text-facts.js';
import { type Finding } from '../finding.js';
import { type Passage, type SourceIndex } from '../source-index.js';
import { derivationOf } from './derived-figure.js';

// Relative slack for unit conversions ("1 month" against "30 days", "1 year" against "12 months").
const TOLERANCE = 0.02;

/**
 * Each figure of the claim against the passage figure said of the same thing (same kind of
 * quantity first; a bare source figure only when there is none): a different value is a changed
 * number, the same value in another unit a wrong unit ("30 weeks" against "30 days", "$5"
 * against "€5"); a figure no source states is absent. A figure the sources' figures give by
 * simple arithmetic ("£1,400 a month" → "£16,800 a year") is only a weak doubt.
 */
export function checkQuantities(claim: ClaimFacts, passage: Passage, index: SourceIndex): Finding[] {
  const findings: Finding[] = [];
  const candidates = passage.sentences.flatMap((sentence) => sentence.facts.quantities);
  for (const { fact: quantity } of claim.quantities) {
    // One source figure answers one claim figure: "from 9 am to 8 pm" holds 8 pm against 8 pm, not against the 9 am its neighbour matched.
    const own = candidates.filter((candidate) => sameAmount(quantity, candidate.fact) || !claim.quantities.some((other) => other.fact !== quantity && sameAmount(other.fact, candidate.fact)));
    const strict = alignFact(quantity, claim.termSet, own, comparable, sameAmount, index.idf, index.distinctive);
    // Against a bare figure or a count of something else only agreement counts: "two checked bags" is not contradicted by "23 kg".
    const loose = strict.agreeing === undefined && strict.conflicting === undefined ? alignFact(quantity, claim.termSet, own, looselyComparable, sameAmount, index.idf, index.distinctive) : {};
    // …unless it says the claim's figure where the conflicting one is no closer ("at most 50 items per page … raise this to 200").
    const looseAgreeing = strict.conflicting === undefined ? undefined : alignFact(quantity, claim.termSet, [strict.conflicting, ...own.filter((candidate) => isLoose(candidate.fact))], looselyComparable, sameAmount, index.idf, index.distinctive).agreeing;
    const agreeing = strict.agreeing ?? loose.agreeing ?? looseAgreeing;
    const conflicting = strict.conflicting;
    const said = describeQuantity(quantity);
    if (agreeing !== undefined) {
      const rival = otherCaseFigure(claim, quantity, passage, index);
      if (rival !== undefined) findings.push({ check: 'number', severity: 'contradiction', reason: `number ${said} is the source's figure for another case; for ${rival.name} it gives ${describeQuantity(rival.figure)}` });
      continue;
    }
    const derivation = derivationOf(quantity, index);
    if (derivation !== undefined) {
      findings.push({ check: 'number', severity: 'weak', reason: `number ${said} is not stated; it follows from the source's figures (${derivation})` });
    } else if (conflicting !== undefined && !agreesElsewhereAsClosely(quantity, claim.termSet, conflicting, passage, index)) {
      const source = describeQuantity(conflicting.fact);
      findings.push(sameFigure(quantity, conflicting.fact)
        ? { check: 'unit', severity: 'contradiction', reason: `unit of ${said} differs from source's ${source}` }
        : { check: 'number', severity: 'contradiction', reason: `number ${said} differs from source's ${source}` });
    } else if (conflicting !== undefined || index.sentences.some((sentence) => sentence.facts.quantities.some((candidate) => sameAmount(quantity, candidate.fact)))) {
      findings.push({ check: 'number', severity: 'weak', reason: `number ${said} is stated in another passage than the best-matching one` });
    } else {
      const sameFigureOtherKind = candidates.find((candidate) => sameFigure(quantity, candidate.fact));
      findings.push(sameFigureOtherKind !== undefined
        ? { check: 'unit', severity: 'contradiction', reason: `unit of ${said} differs from source's ${describeQuantity(sameFigureOtherKind.fact)}` }
        : { check: 'number', severity: 'absent', reason: `number ${said} is in no source` });
    }
  }
  return findings;
}

/**
 * The figure another passage gives for a name the claim has and the agreeing passage lacks: the
 * claim's "Express … 5 days" agrees with "Standard … 3–5 days" only by taking Standard's figure,
 * when the source says "Express … 2 days".
 */
function otherCaseFigure(claim: ClaimFacts, quantity: Quantity, passage: Passage, index: SourceIndex): { name: string; figure: Quantity } | undefined {
  const missing = [...claim.termSet].filter((term) => index.isNameTerm(term) && !passage.termSet.has(term));
  if (missing.length === 0) return undefined;
  const inPassage = new Set(passage.sentences);
  // What the figure is about, beyond the name: "shipping … takes" for "Express shipping takes 5 days".
  const about = new Set([...claim.termSet].filter((term) => !index.isNameTerm(term) && !isFactTerm(term)));
  for (const sentence of index.sentences) {
    if (inPassage.has(sentence) || !missing.some((term) => sentence.termSet.has(term))) continue;
    if (sentence.facts.quantities.some((candidate) => sameAmount(quantity, candidate.fact))) continue;
    // The rival figure is said of the name and of the same thing: "Express shipping costs $15 and arrives in 2 days", not "the Trek 40 is a 40-litre backpack".
    for (const candidate of sentence.facts.quantities) {
      if (!comparable(quantity, candidate.fact) || sameAmount(quantity, candidate.fact)) continue;
      const name = missing.find((term) => candidate.context.includes(term));
      if (name !== undefined && candidate.context.some((term) => about.has(term))) return { name, figure: candidate.fact };
    }
  }
  return undefined;
}

/**
 * Whether a source figure outside the passage agrees with the claim's and is said of the claim's
 * subject at least as clearly as the conflicting one: then the passage was the wrong one to
 * hold it against ("drops from 500 GB to 50 GB" across two sentences), not the claim wrong.
 */
function agreesElsewhereAsClosely(claim: Quantity, claimContext: ReadonlySet<string>, conflicting: Anchored<Quantity>, passage: Passage, index: SourceIndex): boolean {
  const inPassage = new Set(passage.sentences);
  const elsewhere = index.sentences.filter((sentence) => !inPassage.has(sentence)).flatMap((sentence) => sentence.facts.quantities);
  const { agreeing } = alignFact(claim, claimContext, [conflicting, ...elsewhere], looselyComparable, sameAmount, index.idf, index.distinctive);
  return agreeing !== undefined;
}

/** Whether two figures measure the same kind of thing, so differing values contradict: same dimension (counts and ordinals of the same noun). */
export function comparable(claim: Quantity, source: Quantity): boolean {
  if (claim.dimension === 'number' || source.dimension === 'number') return claim.dimension === source.dimension;
  if (claim.dimension !== source.dimension) return false;
  // Counts of different nouns ("two HDMI inputs", "402 stores") say nothing about each other.
  return (claim.dimension !== 'ordinal' && claim.dimension !== 'count') || claim.unit === source.unit;
}

/**
 * `comparable`, or one side a bare figure or a count: it may be any quantity written without its
 * unit ("children under 12" for "12 years"), or with a describing word where the unit was ("10
 * keeping-in-touch days").
 */
function looselyComparable(claim: Quantity, source: Quantity): boolean {
  return isLoose(claim) || isLoose(source) || comparable(claim, source);
}

function isLoose(quantity: Quantity): boolean {
  return quantity.dimension === 'number' || quantity.dimension === 'count';
}

/** Whether a claim figure says what the source figure says: same dimension and unit system, equal value (a single value may fall in a source range). */
export function sameAmount(claim: Quantity, source: Quantity): boolean {
  if (!looselyComparable(claim, source)) return false;
  // Without a unit on one side, or counting nouns, only the figure is compared ("two tablets", "two Dolorex tablets").
  if (isLoose(claim) || isLoose(source)) {
    // "between 2 and 4 am" leaves a bare 2 beside 02:00: a bare hour meets a time of day.
    const [clock, bare] = claim.dimension === 'clock' ? [claim, source] : source.dimension === 'clock' ? [source, claim] : [undefined, undefined];
    if (clock !== undefined && bare !== undefined) return bare.value === bare.max && bare.value <= 24 && (bare.value * 60 === clock.value % 720 || bare.value * 60 === clock.value);
    return valuesAgree(claim.value, claim.max, source.value, source.max);
  }
  if (claim.dimension === 'money' && claim.unit !== source.unit) return false;
  if (claim.dimension === 'duration' && (claim.unit === 'nights') !== (source.unit === 'nights')) return false;
  if (!ratesCompatible(claim.per, source.per)) return false;
  return valuesAgree(claim.base, claim.baseMax, source.base, source.baseMax);
}

// Equal within the tolerance, or a single value inside a source range ("4" in "2 to 4").
function valuesAgree(claimMin: number, claimMax: number, sourceMin: number, sourceMax: number): boolean {
  const close = (left: number, right: number): boolean => Math.abs(left - right) <= TOLERANCE * Math.max(Math.abs(left), Math.abs(right));
  if (close(claimMin, sourceMin) && close(claimMax, sourceMax)) return true;
  return claimMin === claimMax && sourceMin !== sourceMax && claimMin >= sourceMin * (1 - TOLERANCE) && claimMin <= sourceMax * (1 + TOLERANCE);
}

// The same figures as written ("30" and "30"), whatever they measure.
function sameFigure(claim: Quantity, source: Quantity): boolean {
  return claim.value === source.value && claim.max === source.max;
}

// "per month" against "per user per month" is a rate left half-said, not a different one; "per month" against "per year" is.
function ratesCompatible(claim: readonly string[], source: readonly string[]): boolean {
  if (claim.length === 0 || source.length === 0) return true;
  return claim.every((unit) => source.includes(unit)) || source.every((unit) => claim.includes(unit));
}
