import { seededRandom } from './seeded-random.js';
import { nearestRow, sphericalKMeans } from './spherical-k-means.js';
import { dotAt } from './vector-math.js';

test('separates well-apart groups of unit vectors and returns unit centroids', () => {
  const dimensions = 3;
  const axes = [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ];
  const random = seededRandom(3);
  const rows = axes.flatMap((axis) => Array.from({ length: 20 }, () => axis.map((value) => value + 0.05 * (random() - 0.5))));
  const vectors = new Float32Array(rows.flat());
  for (let row = 0; row < rows.length; row += 1) {
    const norm = Math.sqrt(dotAt(vectors, row * dimensions, vectors, row * dimensions, dimensions));
    for (let index = 0; index < dimensions; index += 1) vectors[row * dimensions + index] = (vectors[row * dimensions + index] as number) / norm;
  }
  const { centroids, count } = sphericalKMeans({ vectors, rows: rows.map((_, row) => row), dimensions, clusters: 3, iterations: 10, random });
  expect(count).toBe(3);
  for (let cluster = 0; cluster < count; cluster += 1) expect(dotAt(centroids, cluster * dimensions, centroids, cluster * dimensions, dimensions)).toBeCloseTo(1, 5);
  const clusterOf = (row: number) => nearestRow(centroids, count, vectors, row * dimensions, dimensions);
  for (let group = 0; group < 3; group += 1) {
    const clusters = new Set(Array.from({ length: 20 }, (_, offset) => clusterOf(group * 20 + offset)));
    expect(clusters.size).toBe(1);
  }
  expect(new Set([clusterOf(0), clusterOf(20), clusterOf(40)]).size).toBe(3);
});

test('asked for more clusters than rows, each row is its own centroid', () => {
  const vectors = new Float32Array([1, 0, 0, 1]);
  const { count } = sphericalKMeans({ vectors, rows: [0, 1], dimensions: 2, clusters: 5, iterations: 3, random: seededRandom(1) });
  expect(count).toBe(2);
});
