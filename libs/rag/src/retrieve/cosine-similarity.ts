/**
 * Cosine of the angle between two vectors: 1 same direction, 0 unrelated, -1 opposite.
 * A zero vector is similar to nothing (0). Throws when the lengths differ: comparing vectors
 * of two models is a bug that a silent number would hide.
 */
export function cosineSimilarity(left: ArrayLike<number>, right: ArrayLike<number>): number {
  if (left.length !== right.length) throw new RangeError(`cannot compare vectors of ${left.length} and ${right.length} dimensions`);
  let dot = 0;
  let leftNorm = 0;
  let rightNorm = 0;
  for (let index = 0; index < left.length; index += 1) {
    const a = left[index] ?? 0;
    const b = right[index] ?? 0;
    dot += a * b;
    leftNorm += a * a;
    rightNorm += b * b;
  }
  return leftNorm === 0 || rightNorm === 0 ? 0 : dot / Math.sqrt(leftNorm * rightNorm);
}
