import { chunkId, contentHash } from './chunk-id.js';

describe('chunkId', () => {
  const hash = contentHash('Refunds are issued within fourteen days.');

  it('is a deterministic UUID-shaped SHA-256 prefix', () => {
    expect(chunkId('doc_1', 1, 0, hash)).toBe(chunkId('doc_1', 1, 0, hash));
    expect(chunkId('doc_1', 1, 0, hash)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('changes with each of its parts, and parts cannot run into each other', () => {
    const ids = new Set([
      chunkId('doc_1', 1, 0, hash),
      chunkId('doc_2', 1, 0, hash),
      chunkId('doc_1', 2, 0, hash),
      chunkId('doc_1', 1, 1, hash),
      chunkId('doc_1', 1, 0, contentHash('other')),
      chunkId('doc_11', 1, 0, hash),
      chunkId('doc_1', 11, 0, hash),
    ]);
    expect(ids.size).toBe(7);
  });

  it('hashes content as SHA-256 hex', () => {
    expect(contentHash('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
