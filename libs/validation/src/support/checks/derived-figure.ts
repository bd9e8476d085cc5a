import { type Quantity } from '../../facts/quantities.js';
import { type SourceIndex } from '../source-index.js';

// Rate conversions answers make without saying so: "£1,400 a month" is "£16,800 a year".
const RATE_FACTORS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  hour: { day: 24, week: 168 },
  day: { week: 7, month: 30, year: 365 },
  week: { month: 52 / 12, year: 52 },
  month: { quarter: 3, year: 12 },
  quarter: { year: 4 },
};
const TOLERANCE = 0.01;
const MIN_ADDEND = 0.1;
// A percentage applied to an amount must land closer: "329 less 25%" is 246.75, "≈ 247".
const PERCENT_TOLERANCE = 0.003;

/**
 * How a claim figure follows from the sources' figures by one step of arithmetic, if it does:
 * the sum of two figures of the same kind, durations apart ("1.4 kg" + "0.3 kg"), an amount times
 * a count ("$310 per pallet" × "1.5"), an amount less or plus a percentage, or a rate converted
 * ("£1,400 per month" × 12). Deliberately narrow: every extra operation is one more way for a
 * changed number to pass as derived. Answers combine figures across documents too ("1.4 kg" in
 * the specs, "adds 0.3 kg" in the battery page), so all the index's figures count. Memoised per
 * index and figure.
 */
export function derivationOf(claim: Quantity, index: SourceIndex): string | undefined {
  if (claim.value !== claim.max || claim.dimension === 'clock' || claim.dimension === 'ordinal') return undefined;
  let memo = MEMO.get(index);
  if (memo === undefined) {
    memo = { figures: index.sentences.flatMap((sentence) => sentence.facts.quantities.map((anchored) => anchored.fact)).filter((figure) => figure.value === figure.max), results: new Map() };
    MEMO.set(index, memo);
  }
  const key = `${claim.dimension}|${claim.unit}|${claim.base}|${claim.per.join(',')}`;
  if (memo.results.has(key)) return memo.results.get(key);
  const result = derive(claim, memo.figures);
  memo.results.set(key, result);
  return result;
}

const MEMO = new WeakMap<SourceIndex, { figures: readonly Quantity[]; results: Map<string, string | undefined> }>();

function derive(claim: Quantity, figures: readonly Quantity[]): string | undefined {
  const near = (value: number, tolerance = TOLERANCE): boolean => Number.isFinite(value) && value !== 0 && Math.abs(value - claim.base) <= tolerance * Math.abs(claim.base);
  const kin = figures.filter((figure) => sameKind(figure, claim));
  // The other operand of a product or a percentage: counts, bare figures, percentages.
  const factors = claim.dimension === 'money' ? figures.filter((figure) => figure.dimension === 'count' || figure.dimension === 'number' || figure.dimension === 'percent') : [];
  for (const left of kin) {
    const converted = rateConversion(left, claim);
    if (converted !== undefined && near(left.base * converted)) return `${left.raw.trim()} × ${round(converted)}`;
    for (const right of kin) {
      // Sums of two real parts: a tiny addend ("3 years + 60 minutes") or a difference matches changed figures too easily.
      if (right !== left && claim.dimension !== 'duration' && Math.min(left.base, right.base) >= MIN_ADDEND * claim.base && near(left.base + right.base)) {
        return `${left.raw.trim()} + ${right.raw.trim()}`;
      }
    }
    for (const right of factors) {
      if (right.dimension !== 'percent' && near(left.base * right.value)) return `${left.raw.trim()} × ${right.raw.trim()}`;
      if (right.dimension === 'percent' && near(left.base * (1 - right.value / 100), PERCENT_TOLERANCE)) return `${left.raw.trim()} less ${right.raw.trim()}`;
      if (right.dimension === 'percent' && near((left.base * right.value) / 100, PERCENT_TOLERANCE)) return `${right.raw.trim()} of ${left.raw.trim()}`;
    }
  }
  return undefined;
}

// Same dimension and unit system: amounts in one currency, durations, sizes; rates may differ (see `rateConversion`).
function sameKind(left: Quantity, right: Quantity): boolean {
  if (left.dimension !== right.dimension) return false;
  return left.dimension !== 'money' || left.unit === right.unit;
}

// The factor from the source's rate unit to the claim's ("per month" → "per year" is 12), when the claim states another rate or none.
function rateConversion(source: Quantity, claim: Quantity): number | undefined {
  const [from] = source.per.filter((unit) => RATE_FACTORS[unit] !== undefined);
  if (from === undefined || claim.per.includes(from)) return undefined;
  const targets = RATE_FACTORS[from] ?? {};
  const [to] = claim.per.filter((unit) => targets[unit] !== undefined);
  if (to !== undefined) return targets[to];
  // No rate said: a monthly amount stated as a yearly one is the common case.
  return claim.per.length === 0 ? targets.year : undefined;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
