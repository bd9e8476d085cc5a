import {
  DEFAULT_LANCEDB_INDEX_POLICY,
  partitionsFor,
  partitionsFromIndexName,
  planIndexAction,
  planSearch,
  probesFor,
  vectorIndexName,
} from './lancedb-index-policy.js';

/** Fixed numbers, so tuning the defaults does not change what these tests check. */
const policy = {
  ...DEFAULT_LANCEDB_INDEX_POLICY,
  vectorIndexMinRows: 5_000,
  rowsPerPartition: 800,
  probeFraction: 0.08,
  minimumProbes: 4,
  exactSearchBelowRows: 4_000,
  optimizeMinUnindexedRows: 500,
  optimizeUnindexedFraction: 0.05,
  compactAfterWrites: 100,
  retrainGrowthFactor: 2,
};

const index = (partitions: number, indexedRows: number, unindexedRows: number) => ({
  name: vectorIndexName(partitions),
  partitions,
  indexedRows,
  unindexedRows,
});

describe('LanceDB index policy', () => {
  test('small tables stay exact; the index is trained at the threshold', () => {
    expect(planIndexAction({ rows: policy.vectorIndexMinRows - 1, index: undefined, writesSinceOptimize: 1 }, policy)).toEqual({ kind: 'none' });
    expect(planIndexAction({ rows: 100_000, index: undefined, writesSinceOptimize: 1 }, policy)).toEqual({ kind: 'create', partitions: 125 });
  });

  test('new rows are folded in once they pass the share, and the index is retrained when it is outgrown', () => {
    expect(planIndexAction({ rows: 10_400, index: index(13, 10_000, 400), writesSinceOptimize: 1 }, policy)).toEqual({ kind: 'none' });
    expect(planIndexAction({ rows: 10_600, index: index(13, 10_000, 600), writesSinceOptimize: 1 }, policy)).toEqual({ kind: 'optimize' });
    expect(planIndexAction({ rows: 21_000, index: index(13, 10_000, 11_000), writesSinceOptimize: 1 }, policy)).toEqual({ kind: 'retrain', partitions: 26 });
  });

  test('many small writes get the table compacted, index or not', () => {
    expect(planIndexAction({ rows: 300, index: undefined, writesSinceOptimize: policy.compactAfterWrites }, policy)).toEqual({ kind: 'optimize' });
  });

  test('probes scale with partitions but never drop below the minimum', () => {
    expect(probesFor(6, policy)).toBe(4);
    expect(probesFor(125, policy)).toBe(10);
    expect(probesFor(2, policy)).toBe(2);
    expect(partitionsFor(1_000, policy)).toBe(2);
  });

  test('narrow filters and large topK on mid-sized filters are searched exactly; others probe enough partitions', () => {
    const large = index(125, 100_000, 0);
    expect(planSearch(policy.exactSearchBelowRows - 1, 10, large, policy)).toEqual({ kind: 'exact' });
    expect(planSearch(17_500, 10, large, policy)).toEqual({ kind: 'index', probes: 10 });
    expect(planSearch(17_500, 500, large, policy)).toEqual({ kind: 'index', probes: 15 });
    expect(planSearch(17_500, 1_000, large, policy)).toEqual({ kind: 'index', probes: 29 });
    expect(planSearch(5_000, 1_000, large, policy)).toEqual({ kind: 'exact' });
  });

  test('the index name carries its partition count', () => {
    expect(partitionsFromIndexName(vectorIndexName(125))).toBe(125);
    expect(partitionsFromIndexName('vector_idx')).toBeUndefined();
  });
});
