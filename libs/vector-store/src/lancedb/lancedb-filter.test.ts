import { countFilter, deleteFilter, searchFilter, sqlInteger, sqlString } from './lancedb-filter.js';

describe('LanceDB filters', () => {
  test('search filters always name the tenant and the collections', () => {
    expect(searchFilter({ tenantId: 't-1', collectionIds: ['a'] })).toBe("tenant_id = 't-1' AND collection_id = 'a'");
    expect(searchFilter({ tenantId: 't-1', collectionIds: ['a', 'b'], documentIds: ['d:1'] })).toBe(
      "tenant_id = 't-1' AND collection_id IN ('a', 'b') AND document_id = 'd:1'",
    );
  });

  test('delete and count filters combine tenant, document and versions', () => {
    expect(deleteFilter({ tenantId: 't', documentId: 'd', versionsBelow: 3 })).toBe("tenant_id = 't' AND document_id = 'd' AND document_version < 3");
    expect(deleteFilter({ tenantId: 't', documentId: 'd', version: 2 })).toBe("tenant_id = 't' AND document_id = 'd' AND document_version = 2");
    expect(countFilter({ tenantId: 't', collectionId: 'c', documentId: 'd' })).toBe("tenant_id = 't' AND collection_id = 'c' AND document_id = 'd'");
  });

  test('refuses text that is not an identifier and numbers that are not integers', () => {
    expect(() => sqlString("a' OR '1'='1")).toThrow('refusing');
    expect(() => sqlString('a b')).toThrow('refusing');
    expect(() => sqlInteger(1.5)).toThrow('refusing');
    expect(sqlString('tenant:1.x_y-z')).toBe("'tenant:1.x_y-z'");
  });
});
