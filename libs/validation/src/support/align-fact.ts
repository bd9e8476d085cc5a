import { type Anchored } from '../facts/anchored.js';
import { type TextSpan } from '../facts/text-span.js';

/** The source fact a claim's fact is about, and whether they agree. */
export interface Alignment<Fact extends TextSpan> {
  /** A comparable source fact that agrees with the claim's, said of the same thing. */
  readonly agreeing?: Anchored<Fact>;
  /** The comparable source fact said of the same thing, when none agrees. */
  readonly conflicting?: Anchored<Fact>;
}

/** How far below the best context score an agreeing fact may be and still count as said of the same thing. */
const CLOSE_CONTEXT = 0.8;
/** Extra weight of a shared distinctive term (a name, a number word) over a plain one. */
const DISTINCTIVE_BONUS = 1;

/**
 * Pairs a claim's fact with the source fact said of the same thing: among the `comparable`
 * ones, the one whose surrounding terms share the most IDF weight with the claim's terms
 * (`claimContext`: the whole claim, since answers move phrases around), so "express takes 2
 * days" is held against "express … 2 days", not "standard … 5 days"; a shared `distinctive`
 * term (a name, a number word) counts double. A fact that agrees wins when its context is close
 * to the best.
 */
export function alignFact<Fact extends TextSpan>(
  claim: Fact,
  claimContext: ReadonlySet<string>,
  candidates: readonly Anchored<Fact>[],
  comparable: (claim: Fact, source: Fact) => boolean,
  agrees: (claim: Fact, source: Fact) => boolean,
  idf: (term: string) => number,
  distinctive: (term: string) => boolean = () => false,
): Alignment<Fact> {
  let best: Anchored<Fact> | undefined;
  let bestScore = -1;
  let agreeing: Anchored<Fact> | undefined;
  let agreeingScore = -1;
  for (const candidate of candidates) {
    if (!comparable(claim, candidate.fact)) continue;
    // Shared terms count for the pairing; a shared name or number word ("Express", "two-bedroom") counts double: it names the case.
    let score = 0;
    for (const term of new Set(candidate.context)) if (claimContext.has(term)) score += idf(term) * (distinctive(term) ? 1 + DISTINCTIVE_BONUS : 1);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
    if (score > agreeingScore && agrees(claim, candidate.fact)) {
      agreeing = candidate;
      agreeingScore = score;
    }
  }
  if (best === undefined) return {};
  if (agreeing !== undefined && agreeingScore >= bestScore * CLOSE_CONTEXT) return { agreeing };
  return { conflicting: best };
}
