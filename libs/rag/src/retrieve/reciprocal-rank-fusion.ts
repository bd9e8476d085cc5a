/** One entry of a ranking: an id and the score that ranked it (only the order matters to fusion). */
export interface RankedItem {
  readonly id: string;
  readonly score: number;
}

/** Options of reciprocal rank fusion. */
export interface ReciprocalRankFusionOptions {
  /** Damps the weight of the top ranks; 60 as in Cormack, Clarke & Büttcher (2009). */
  readonly k?: number;
  /** Keep only this many fused items. */
  readonly topK?: number;
}

/** Default `k` of reciprocal rank fusion. */
export const RRF_DEFAULT_K = 60;

/**
 * Fuses rankings (each best first, e.g. vector search and BM25) into one: an item scores
 * Σ 1 / (k + rank) over the rankings it appears in, rank counted from 1. Scores of different
 * scales (cosine, BM25) never meet, only positions do. An id repeated within one ranking counts
 * at its best position. Ties go to the item with the better best rank, then to the smaller id,
 * so the result is deterministic.
 */
export function reciprocalRankFusion(rankings: ReadonlyArray<readonly RankedItem[]>, options: ReciprocalRankFusionOptions = {}): RankedItem[] {
  const k = options.k ?? RRF_DEFAULT_K;
  if (!(k >= 0) || !Number.isFinite(k)) throw new RangeError(`reciprocal rank fusion k must be a finite number >= 0, got ${k}`);
  const fused = new Map<string, { score: number; bestRank: number }>();
  for (const ranking of rankings) {
    const seen = new Set<string>();
    ranking.forEach((item, index) => {
      if (seen.has(item.id)) return;
      seen.add(item.id);
      const rank = index + 1;
      const entry = fused.get(item.id) ?? { score: 0, bestRank: rank };
      entry.score += 1 / (k + rank);
      entry.bestRank = Math.min(entry.bestRank, rank);
      fused.set(item.id, entry);
    });
  }
  const ordered = [...fused.entries()]
    .sort(([leftId, left], [rightId, right]) => right.score - left.score || left.bestRank - right.bestRank || (leftId < rightId ? -1 : leftId > rightId ? 1 : 0))
    .map(([id, { score }]) => ({ id, score }));
  return options.topK === undefined ? ordered : ordered.slice(0, Math.max(0, options.topK));
}
