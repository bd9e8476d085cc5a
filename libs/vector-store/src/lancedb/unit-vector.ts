/**
 * The vector scaled to length 1. LanceDB stores unit vectors and searches them by squared
 * Euclidean distance (2 − 2·cosine for unit vectors, so the ranking is cosine's): LanceDB's
 * `cosine` distance recomputes both norms for every row on every query — 2× slower on the
 * benchmark machine (7.6 ms against 3.9 ms for an exact scan of 2,000 rows of 384 dimensions) —
 * and its IVF partitions are trained with k-means in Euclidean space anyway.
 */
export function unitVector(vector: Float32Array): Float32Array {
  let squaredNorm = 0;
  for (let index = 0; index < vector.length; index += 1) squaredNorm += (vector[index] as number) ** 2;
  const norm = Math.sqrt(squaredNorm);
  if (norm === 0 || Math.abs(norm - 1) < 1e-6) return vector;
  const unit = new Float32Array(vector.length);
  for (let index = 0; index < vector.length; index += 1) unit[index] = (vector[index] as number) / norm;
  return unit;
}
