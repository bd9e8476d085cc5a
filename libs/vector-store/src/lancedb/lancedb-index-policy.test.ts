import {
  DEFAULT_LANCEDB_INDEX_POLICY as policy,
  partitionsFor,
  partitionsFromIndexName,
  planIndexAction,
  probesFor,
  vectorIndexName,
} from './lancedb-index-policy.js';

const index = (partitions: number, indexedRows: number, unindexedRows: number) => ({
  name: vectorIndexName(partitions),
  partitions,
  indexedRows,
  unindexedRows,
});

describe('LanceDB index policy', () => {
  test('small tables stay exact; the index is trained at the threshold', () => {
    expect(planIndexAction(policy.vectorIndexMinRows - 1, undefined, policy)).toEqual({ kind: 'none' });
    expect(planIndexAction(100_000, undefined, policy)).toEqual({ kind: 'create', partitions: 125 });
  });

  test('new rows are folded in once they pass the share, and the index is retrained when it is outgrown', () => {
    expect(planIndexAction(10_400, index(13, 10_000, 400), policy)).toEqual({ kind: 'none' });
    expect(planIndexAction(10_600, index(13, 10_000, 600), policy)).toEqual({ kind: 'optimize' });
    expect(planIndexAction(21_000, index(13, 10_000, 11_000), policy)).toEqual({ kind: 'retrain', partitions: 26 });
  });

  test('probes scale with partitions but never drop below the minimum', () => {
    expect(probesFor(6, policy)).toBe(4);
    expect(probesFor(125, policy)).toBe(10);
    expect(probesFor(2, policy)).toBe(2);
    expect(partitionsFor(1_000, policy)).toBe(2);
  });

  test('the index name carries its partition count', () => {
    expect(partitionsFromIndexName(vectorIndexName(125))).toBe(125);
    expect(partitionsFromIndexName('vector_idx')).toBeUndefined();
  });
});
