import { qdrantCountFilter, qdrantDeleteFilter, qdrantSearchFilter } from './qdrant-filter.js';

describe('Qdrant filters', () => {
  test('a search must match the tenant and one of the collections', () => {
    expect(qdrantSearchFilter({ tenantId: 't', collectionIds: ['a', 'b'], documentIds: ['d'] })).toEqual({
      must: [
        { key: 'tenant_id', match: { value: 't' } },
        { key: 'collection_id', match: { any: ['a', 'b'] } },
        { key: 'document_id', match: { value: 'd' } },
      ],
    });
  });

  test('deletes and counts stay within the tenant', () => {
    expect(qdrantDeleteFilter({ tenantId: 't', documentId: 'd', versionsBelow: 3, version: 2 })).toEqual({
      must: [
        { key: 'tenant_id', match: { value: 't' } },
        { key: 'document_id', match: { value: 'd' } },
        { key: 'document_version', range: { lt: 3 } },
        { key: 'document_version', match: { value: 2 } },
      ],
    });
    expect(qdrantCountFilter({ tenantId: 't', collectionId: 'c' })).toEqual({
      must: [
        { key: 'tenant_id', match: { value: 't' } },
        { key: 'collection_id', match: { value: 'c' } },
      ],
    });
  });
});
