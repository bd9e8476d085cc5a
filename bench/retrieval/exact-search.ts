import type { SyntheticCorpus, SyntheticQuery } from './synthetic-corpus.js';

/**
 * Brute-force top-k by cosine similarity (dot product of unit vectors) over the rows passing the
 * query's tenant + collection filter: the ground truth recall is measured against.
 */
export function exactTopK(corpus: SyntheticCorpus, query: SyntheticQuery, k: number): string[] {
  const { dimensions } = corpus.shape;
  const best: { score: number; row: number }[] = [];
  for (let row = 0; row < corpus.shape.chunks; row += 1) {
    if (corpus.tenantIds[row] !== query.tenantId || corpus.collectionIds[row] !== query.collectionId) continue;
    const offset = row * dimensions;
    let score = 0;
    for (let index = 0; index < dimensions; index += 1) score += (query.vector[index] as number) * (corpus.vectors[offset + index] as number);
    if (best.length < k || score > (best[best.length - 1] as { score: number }).score) {
      best.push({ score, row });
      best.sort((left, right) => right.score - left.score);
      if (best.length > k) best.pop();
    }
  }
  return best.map((entry) => chunkId(entry.row));
}

/** The chunk id the benchmark gives row `row`. */
export function chunkId(row: number): string {
  return `chunk-${row}`;
}

/** Share of `truth` found in `found` (recall@k with k = truth.length). */
export function recallOf(found: readonly string[], truth: readonly string[]): number {
  if (truth.length === 0) return 1;
  const expected = new Set(truth);
  return found.filter((id) => expected.has(id)).length / truth.length;
}
