import { qdrantPointId } from './qdrant-point-id.js';

describe('qdrantPointId', () => {
  test('is a deterministic version-5 RFC 4122 UUID', () => {
    const id = qdrantPointId('tenant-a', 'chunk-1');
    expect(id).toBe(qdrantPointId('tenant-a', 'chunk-1'));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test('differs per tenant and per chunk, also where a naive concatenation would collide', () => {
    expect(qdrantPointId('tenant-a', 'chunk-1')).not.toBe(qdrantPointId('tenant-b', 'chunk-1'));
    expect(qdrantPointId('ab', 'c')).not.toBe(qdrantPointId('a', 'bc'));
  });
});
