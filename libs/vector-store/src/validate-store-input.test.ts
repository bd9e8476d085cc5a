import { validateRecords, validateSearchQuery } from './validate-store-input.js';
import { VectorStoreError } from './vector-store-error.js';

function caught(action: () => unknown): VectorStoreError {
  try {
    action();
  } catch (error) {
    if (VectorStoreError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a VectorStoreError');
}

const base = { tenantId: 't', collectionId: 'c', documentId: 'd', documentVersion: 1 };

describe('validateRecords', () => {
  test('names the record, the expected and the actual dimensions of a wrong vector', () => {
    const error = caught(() => validateRecords('space-3d', 3, [{ ...base, id: 'ok', vector: [1, 0, 0] }, { ...base, id: 'bad', vector: [1, 0] }]));
    expect(error).toMatchObject({ kind: 'dimension-mismatch', field: 'records[1].vector', expectedDimensions: 3, actualDimensions: 2, space: 'space-3d' });
    expect(error.message).toBe('records[1].vector has 2 dimensions but space "space-3d" expects 3');
  });

  test('keeps the last occurrence of an id per tenant and converts vectors to Float32Array', () => {
    const records = validateRecords('s', 2, [
      { ...base, id: 'x', vector: [1, 0], documentVersion: 1 },
      { ...base, id: 'x', tenantId: 'other', vector: [1, 0] },
      { ...base, id: 'x', vector: [0, 1], documentVersion: 2 },
    ]);
    expect(records.map((record) => [record.tenantId, record.id, record.documentVersion])).toEqual([
      ['other', 'x', 1],
      ['t', 'x', 2],
    ]);
    expect(records[1]?.vector).toEqual(new Float32Array([0, 1]));
  });

  test('refuses values that overflow float32 and negative versions', () => {
    expect(caught(() => validateRecords('s', 2, [{ ...base, id: 'x', vector: [1e40, 0] }])).field).toBe('records[0].vector');
    expect(caught(() => validateRecords('s', 2, [{ ...base, id: 'x', vector: [1, 0], documentVersion: -1 }])).field).toBe('records[0].documentVersion');
  });
});

describe('validateSearchQuery', () => {
  const query = { tenantId: 't', collectionIds: ['a', 'a', 'b'], vector: [1, 0], topK: 5 };

  test('deduplicates collections', () => {
    expect(validateSearchQuery('s', 2, query).collectionIds).toEqual(['a', 'b']);
  });

  test('refuses an empty document list rather than treating it as no filter', () => {
    expect(caught(() => validateSearchQuery('s', 2, { ...query, documentIds: [] })).field).toBe('query.documentIds');
  });

  test('refuses topK beyond the maximum and a non-finite minScore', () => {
    expect(caught(() => validateSearchQuery('s', 2, { ...query, topK: 1001 })).field).toBe('query.topK');
    expect(caught(() => validateSearchQuery('s', 2, { ...query, minScore: Number.NaN })).field).toBe('query.minScore');
  });
});
