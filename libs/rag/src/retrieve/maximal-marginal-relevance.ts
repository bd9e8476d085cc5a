/** A retrieval candidate with its vector. */
export interface MmrCandidate {
  readonly id: string;
  readonly vector: ArrayLike<number>;
}

/** Options of maximal marginal relevance. */
export interface MaximalMarginalRelevanceOptions {
  /**
   * Weight of relevance against diversity, as in Carbonell & Goldstein (1998): 1 ranks by
   * similarity to the query alone, 0 by novelty alone; default 0.5. (The chat request's
   * `mmrLambda` counts the other way — 0 off, 1 only diversity — so pass `1 - mmrLambda`.)
   */
  readonly lambda?: number;
  /** How many to select; default all. */
  readonly topK?: number;
  /**
   * Relevance of each candidate (same order), used instead of its cosine to the query vector:
   * retrieval passes fused ranking scores, so vectors only measure redundancy.
   */
  readonly relevance?: readonly number[];
}

/** A selected candidate with the marginal score it was picked with. */
export type MmrSelection<Candidate extends MmrCandidate> = Candidate & { readonly mmrScore: number };

/**
 * Picks candidates one at a time, each maximising λ·sim(query, c) − (1 − λ)·max sim(c, picked),
 * so near-duplicate chunks do not crowd out other relevant ones. Similarities are cosines;
 * ties keep the input order. O(topK × candidates × dimensions).
 */
export function maximalMarginalRelevance<Candidate extends MmrCandidate>(
  candidates: readonly Candidate[],
  queryVector: ArrayLike<number>,
  options: MaximalMarginalRelevanceOptions = {},
): Array<MmrSelection<Candidate>> {
  const lambda = options.lambda ?? 0.5;
  if (!(lambda >= 0 && lambda <= 1)) throw new RangeError(`MMR lambda must be between 0 and 1, got ${lambda}`);
  const topK = Math.min(options.topK ?? candidates.length, candidates.length);
  const unit = candidates.map((candidate) => normalized(candidate.vector, queryVector.length, candidate.id));
  const query = normalized(queryVector, queryVector.length, 'query');
  if (options.relevance !== undefined && options.relevance.length !== candidates.length) {
    throw new RangeError(`MMR got ${options.relevance.length} relevance scores for ${candidates.length} candidates`);
  }
  const relevance = options.relevance ?? unit.map((vector) => dot(vector, query));
  // Highest similarity of each candidate to anything selected so far.
  const redundancy = new Float64Array(candidates.length).fill(Number.NEGATIVE_INFINITY);
  const selected = new Uint8Array(candidates.length);
  const picks: Array<MmrSelection<Candidate>> = [];

  while (picks.length < topK) {
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let index = 0; index < candidates.length; index += 1) {
      if (selected[index] === 1) continue;
      const penalty = picks.length === 0 ? 0 : (redundancy[index] ?? 0);
      const score = lambda * (relevance[index] ?? 0) - (1 - lambda) * penalty;
      if (score > bestScore) {
        best = index;
        bestScore = score;
      }
    }
    if (best === -1) break;
    selected[best] = 1;
    picks.push({ ...(candidates[best] as Candidate), mmrScore: bestScore });
    const chosen = unit[best] as Float64Array;
    for (let index = 0; index < candidates.length; index += 1) {
      if (selected[index] === 0) redundancy[index] = Math.max(redundancy[index] ?? 0, dot(unit[index] as Float64Array, chosen));
    }
  }
  return picks;
}

function normalized(vector: ArrayLike<number>, dimensions: number, id: string): Float64Array {
  if (vector.length !== dimensions) throw new RangeError(`vector of ${id} has ${vector.length} dimensions, the query has ${dimensions}`);
  const unit = Float64Array.from(vector);
  let sum = 0;
  for (const value of unit) sum += value * value;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let index = 0; index < unit.length; index += 1) unit[index] = (unit[index] ?? 0) / norm;
  return unit;
}

function dot(left: Float64Array, right: Float64Array): number {
  let sum = 0;
  for (let index = 0; index < left.length; index += 1) sum += (left[index] ?? 0) * (right[index] ?? 0);
  return sum;
}
