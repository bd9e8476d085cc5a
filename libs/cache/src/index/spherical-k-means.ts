import { dotAt, normalizeAt } from './vector-math.js';

/** Input of one k-means run over rows of a row-major matrix of unit vectors. */
export interface SphericalKMeansInput {
  readonly vectors: Float32Array;
  /** Row numbers of `vectors` to cluster. */
  readonly rows: readonly number[];
  readonly dimensions: number;
  /** Clusters wanted; fewer come back when there are fewer rows. */
  readonly clusters: number;
  readonly iterations: number;
  readonly random: () => number;
}

/**
 * Spherical k-means (Lloyd iterations with centroids renormalised to unit length, so "nearest"
 * is "highest dot product"). Starts from distinct random rows; a cluster left empty is restarted
 * at a random row. Returns `count` centroids, row-major.
 */
export function sphericalKMeans(input: SphericalKMeansInput): { readonly centroids: Float32Array; readonly count: number } {
  const { vectors, rows, dimensions, iterations, random } = input;
  const count = Math.max(1, Math.min(input.clusters, rows.length));
  const centroids = new Float32Array(count * dimensions);
  const shuffled = [...rows];
  for (let index = 0; index < count; index += 1) {
    const pick = index + Math.floor(random() * (shuffled.length - index));
    [shuffled[index], shuffled[pick]] = [shuffled[pick] as number, shuffled[index] as number];
    centroids.set(vectors.subarray((shuffled[index] as number) * dimensions, ((shuffled[index] as number) + 1) * dimensions), index * dimensions);
  }
  if (count === rows.length) return { centroids, count };
  const sizes = new Int32Array(count);
  for (let iteration = 0; iteration < iterations; iteration += 1) {
    const sums = new Float32Array(count * dimensions);
    sizes.fill(0);
    for (const row of rows) {
      const nearest = nearestRow(centroids, count, vectors, row * dimensions, dimensions);
      sizes[nearest] = (sizes[nearest] as number) + 1;
      const target = nearest * dimensions;
      const source = row * dimensions;
      for (let dimension = 0; dimension < dimensions; dimension += 1) sums[target + dimension] = (sums[target + dimension] as number) + (vectors[source + dimension] as number);
    }
    for (let cluster = 0; cluster < count; cluster += 1) {
      if (sizes[cluster] === 0) {
        const row = rows[Math.floor(random() * rows.length)] as number;
        centroids.set(vectors.subarray(row * dimensions, (row + 1) * dimensions), cluster * dimensions);
        continue;
      }
      centroids.set(sums.subarray(cluster * dimensions, (cluster + 1) * dimensions), cluster * dimensions);
      normalizeAt(centroids, cluster * dimensions, dimensions);
    }
  }
  return { centroids, count };
}

/** Row of `matrix` (of `rows` rows) with the highest dot product with the vector at `offset` of `vectors`. */
export function nearestRow(matrix: Float32Array, rows: number, vectors: Float32Array, offset: number, dimensions: number): number {
  let best = 0;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let row = 0; row < rows; row += 1) {
    const score = dotAt(matrix, row * dimensions, vectors, offset, dimensions);
    if (score > bestScore) {
      bestScore = score;
      best = row;
    }
  }
  return best;
}
