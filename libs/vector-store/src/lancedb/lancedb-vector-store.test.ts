import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VectorRecord } from '../vector-store.js';
import { LanceDbVectorStore } from './lancedb-vector-store.js';

const DIMENSIONS = 16;
let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'ballast-lancedb-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** Deterministic clustered vectors: row r always gets the same vector, near direction r mod `clusters`. */
function clusteredRecords(count: number, options: { offset?: number; collectionId?: string; clusters?: number } = {}): VectorRecord[] {
  const clusters = options.clusters ?? 8;
  return Array.from({ length: count }, (_, index) => {
    const row = index + (options.offset ?? 0);
    let state = 12_345 + row * 7_919;
    const random = () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state / 2_147_483_648 - 0.5;
    };
    const cluster = row % clusters;
    const vector = Array.from({ length: DIMENSIONS }, (_, dimension) => (dimension % clusters === cluster ? 1 : 0) + random() * 0.4);
    return { id: `chunk-${row}`, vector, tenantId: 'tenant-a', collectionId: options.collectionId ?? 'big', documentId: `doc-${Math.floor(row / 10)}`, documentVersion: 1 };
  });
}

function cosine(left: readonly number[], right: readonly number[]): number {
  let dot = 0;
  let leftNorm = 0;
  let rightNorm = 0;
  left.forEach((value, index) => {
    dot += value * (right[index] as number);
    leftNorm += value * value;
    rightNorm += (right[index] as number) ** 2;
  });
  return dot / Math.sqrt(leftNorm * rightNorm);
}

describe('LanceDbVectorStore indexes', () => {
  const policy = { vectorIndexMinRows: 300, rowsPerPartition: 50, optimizeMinUnindexedRows: 50, exactSearchBelowRows: 0, sampleRate: 16, maxIterations: 5 };

  test('trains an index past the threshold, folds new rows in, retrains when outgrown, and keeps finding records', async () => {
    const store = new LanceDbVectorStore({ directory, indexPolicy: policy });
    try {
      await store.ensureSpace({ name: 'lifecycle', dimensions: DIMENSIONS });
      await store.upsert('lifecycle', clusteredRecords(250));
      await store.whenIdle();
      expect(await store.vectorIndexOf('lifecycle', 'big')).toBeUndefined();

      await store.upsert('lifecycle', clusteredRecords(150, { offset: 250 }));
      await store.whenIdle();
      expect(await store.vectorIndexOf('lifecycle', 'big')).toMatchObject({ name: 'vector_ivf_flat_l2_p8', partitions: 8, unindexedRows: 0 });

      await store.upsert('lifecycle', clusteredRecords(60, { offset: 400 }));
      await store.whenIdle();
      expect(await store.vectorIndexOf('lifecycle', 'big')).toMatchObject({ partitions: 8, indexedRows: 460, unindexedRows: 0 });

      await store.upsert('lifecycle', clusteredRecords(400, { offset: 460 }));
      await store.whenIdle();
      expect(await store.vectorIndexOf('lifecycle', 'big')).toMatchObject({ name: 'vector_ivf_flat_l2_p17', partitions: 17 });
      expect(await store.count('lifecycle', { tenantId: 'tenant-a' })).toBe(860);

      // A stored vector is its own nearest neighbour: its partition is always probed.
      const target = clusteredRecords(1, { offset: 777 })[0] as VectorRecord;
      const [best] = await store.search('lifecycle', { tenantId: 'tenant-a', collectionIds: ['big'], vector: target.vector, topK: 5 });
      expect(best).toMatchObject({ id: 'chunk-777' });
      expect(best?.score).toBeCloseTo(1, 4);
    } finally {
      await store.close();
    }
  });

  test('a narrow filter on an indexed table is answered exactly', async () => {
    const store = new LanceDbVectorStore({ directory, indexPolicy: { ...policy, exactSearchBelowRows: 100 } });
    try {
      await store.ensureSpace({ name: 'narrow', dimensions: DIMENSIONS });
      // Another tenant's few rows in the same collection table: the filter keeps 30 of 630.
      const small = clusteredRecords(30, { offset: 5_000, clusters: 3 }).map((record) => ({ ...record, tenantId: 'tenant-b' }));
      await store.upsert('narrow', [...clusteredRecords(600), ...small]);
      await store.whenIdle();
      expect(await store.vectorIndexOf('narrow', 'big')).toBeDefined();
      const query = clusteredRecords(1, { offset: 9_999 })[0]?.vector as number[];
      const expected = small
        .map((record) => ({ id: record.id, score: cosine(query, record.vector as number[]) }))
        .sort((left, right) => right.score - left.score)
        .slice(0, 10)
        .map((match) => match.id);
      const found = await store.search('narrow', { tenantId: 'tenant-b', collectionIds: ['big'], vector: query, topK: 10 });
      expect(found.map((match) => match.id)).toEqual(expected);
    } finally {
      await store.close();
    }
  });

  test('concurrent upserts to one table all land', async () => {
    const store = new LanceDbVectorStore({ directory });
    try {
      await store.ensureSpace({ name: 'concurrent', dimensions: DIMENSIONS });
      await Promise.all(Array.from({ length: 10 }, (_, batch) => store.upsert('concurrent', clusteredRecords(20, { offset: batch * 20 }))));
      expect(await store.count('concurrent', { tenantId: 'tenant-a' })).toBe(200);
    } finally {
      await store.close();
    }
  });

  test('refuses calls after close', async () => {
    const store = new LanceDbVectorStore({ directory });
    await store.ensureSpace({ name: 'closing', dimensions: DIMENSIONS });
    await store.close();
    await expect(store.ensureSpace({ name: 'other', dimensions: DIMENSIONS })).rejects.toThrow('closed');
  });
});
