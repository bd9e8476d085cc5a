import { seededRandom } from './index/seeded-random.js';
import { SemanticIndex } from './semantic-index.js';

const DIMENSIONS = 32;
const random = seededRandom(42);
const gaussian = (): number => {
  let uniform = 0;
  while (uniform === 0) uniform = random();
  return Math.sqrt(-2 * Math.log(uniform)) * Math.cos(2 * Math.PI * random());
};
const unit = (values: Float32Array): Float32Array => {
  const norm = Math.hypot(...values);
  return values.map((value) => value / norm);
};
const randomVector = (): Float32Array => unit(Float32Array.from({ length: DIMENSIONS }, gaussian));
const near = (vector: Float32Array, noise: number): Float32Array => unit(vector.map((value) => value + noise * gaussian()));
const cosine = (a: Float32Array, b: Float32Array): number => a.reduce((sum, value, index) => sum + value * (b[index] as number), 0);

test('search returns the k most similar entries of the namespace, best first, with cosine scores', () => {
  const index = new SemanticIndex({ dimensions: DIMENSIONS });
  const vectors = Array.from({ length: 50 }, randomVector);
  vectors.forEach((vector, position) => index.add(`e${position}`, 'acme/ns1', vector.map((value) => value * 3)));
  const query = near(vectors[7] as Float32Array, 0.05);
  const results = index.search('acme/ns1', query, 3);
  expect(results).toHaveLength(3);
  expect(results[0]?.id).toBe('e7');
  expect(results[0]?.score).toBeCloseTo(cosine(query, vectors[7] as Float32Array), 5);
  expect(results.map((result) => result.score)).toEqual([...results.map((result) => result.score)].sort((a, b) => b - a));
});

test('a namespace never sees another namespace’s entries', () => {
  const index = new SemanticIndex({ dimensions: DIMENSIONS });
  const vector = randomVector();
  index.add('acme-entry', 'acme/ns', vector);
  index.add('globex-entry', 'globex/ns', vector);
  expect(index.search('acme/ns', vector, 5).map((result) => result.id)).toEqual(['acme-entry']);
  expect(index.search('initech/ns', vector, 5)).toEqual([]);
});

test('remove takes an entry out; adding an id again replaces it, even across namespaces', () => {
  const index = new SemanticIndex({ dimensions: DIMENSIONS });
  const [a, b] = [randomVector(), randomVector()];
  index.add('a', 'ns', a);
  index.add('b', 'ns', b);
  expect(index.remove('a')).toBe(true);
  expect(index.remove('a')).toBe(false);
  expect(index.search('ns', a, 5).map((result) => result.id)).toEqual(['b']);
  index.add('b', 'other', b);
  expect(index.size).toBe(1);
  expect(index.namespaceSize('ns')).toBe(0);
  expect(index.search('other', b, 1)[0]?.id).toBe('b');
});

test('vectors of the wrong length, zero vectors and non-finite numbers are refused', () => {
  const index = new SemanticIndex({ dimensions: DIMENSIONS });
  expect(() => index.add('x', 'ns', new Float32Array(DIMENSIONS + 1))).toThrow(RangeError);
  expect(() => index.add('x', 'ns', new Float32Array(DIMENSIONS))).toThrow(/zero vector/);
  expect(() => index.search('ns', new Float32Array(DIMENSIONS).fill(Number.NaN), 1)).toThrow(RangeError);
});

test('a large namespace is partitioned, finds near-duplicates, and only ever reports true scores', () => {
  const index = new SemanticIndex({ dimensions: DIMENSIONS, exactSearchLimit: 256, rowsPerList: 16 });
  const topics = Array.from({ length: 40 }, randomVector);
  const vectors = Array.from({ length: 3000 }, (_, position) => near(topics[position % topics.length] as Float32Array, 0.25));
  vectors.forEach((vector, position) => index.add(`e${position}`, 'ns', vector));
  expect(index.isPartitioned('ns')).toBe(true);
  let found = 0;
  for (let query = 0; query < 100; query += 1) {
    const target = (query * 29) % vectors.length;
    const asked = near(vectors[target] as Float32Array, 0.02);
    const [best] = index.search('ns', asked, 1);
    const [exact] = index.search('ns', asked, 1, { exact: true });
    if (best?.id === exact?.id) found += 1;
    expect(best?.score).toBeCloseTo(cosine(asked, vectors[Number(best?.id.slice(1))] as Float32Array), 5);
  }
  expect(found).toBeGreaterThanOrEqual(95);
});

test('entries can be removed from a partitioned namespace, which turns exact again when small', () => {
  const index = new SemanticIndex({ dimensions: DIMENSIONS, exactSearchLimit: 200 });
  const vectors = Array.from({ length: 600 }, randomVector);
  vectors.forEach((vector, position) => index.add(`e${position}`, 'ns', vector));
  expect(index.isPartitioned('ns')).toBe(true);
  for (let position = 0; position < 550; position += 1) index.remove(`e${position}`);
  expect(index.namespaceSize('ns')).toBe(50);
  expect(index.isPartitioned('ns')).toBe(false);
  expect(index.search('ns', vectors[0] as Float32Array, 60).map((result) => result.id).sort()).toEqual(vectors.slice(550).map((_, offset) => `e${550 + offset}`).sort());
  expect(index.search('ns', vectors[580] as Float32Array, 1)[0]).toEqual({ id: 'e580', score: expect.closeTo(1, 5) });
});
