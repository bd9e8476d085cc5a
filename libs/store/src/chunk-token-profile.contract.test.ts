import { randomUUID } from 'node:crypto';
import type { ChunkRecord } from './chunk-record.js';
import { ChunksRepository } from './chunks-repository.js';
import { CollectionsRepository } from './collections-repository.js';
import type { StoreDatabase } from './create-database.js';
import { DocumentsRepository } from './documents-repository.js';
import { forEachStoreBackend } from './ledger/testing/each-store-backend.js';

// Long enough that a backend truncating or re-encoding it would show; with the characters a profile's keys hold.
const PROFILE = `cp1 42 123 o200k_base=9,cl100k_base=10 a1 AB ${'Ag_-'.repeat(2_000)} refund:AB ~refun:AB café’s:AB`;

forEachStoreBackend('chunk token profiles', (backend) => {
  describe(`chunk token profiles: ${backend.name}`, () => {
    let database: StoreDatabase;
    beforeEach(async () => {
      database = await backend.createDatabase();
    });
    afterEach(async () => {
      await database.close();
    });

    test('are stored with their chunks and read back only when asked for', async () => {
      const tenantId = `tenant-${randomUUID()}`;
      const collection = await new CollectionsRepository(database.db, database.dialect).create({
        tenantId,
        name: `collection-${randomUUID()}`,
        embeddingModel: 'lexical-384',
        dimensions: 384,
        chunking: { targetTokens: 512, maxTokens: 1024, overlapTokens: 64 },
      });
      const documents = new DocumentsRepository(database.db, database.dialect);
      const document = await documents.create({ tenantId, collectionId: collection.id, title: 'Handbook', mediaType: 'text/markdown' });
      await documents.beginVersion(tenantId, collection.id, document.id, { title: 'Handbook', mediaType: 'text/markdown', contentHash: 'a'.repeat(64), bytes: 100 });
      const chunk = (position: number, tokenProfile?: string): ChunkRecord => ({
        id: `${document.id}:p${position}`,
        tenantId,
        collectionId: collection.id,
        documentId: document.id,
        version: 1,
        position,
        text: `paragraph ${position}`,
        tokenCount: 2,
        contentHash: `hash-${position}`,
        ...(tokenProfile === undefined ? {} : { tokenProfile }),
      });
      const chunks = new ChunksRepository(database.db, database.dialect);
      expect(await chunks.insertVersionChunks([chunk(0, PROFILE), chunk(1)])).toBe(2);

      const ids = [`${document.id}:p0`, `${document.id}:p1`];
      const withProfiles = await chunks.getByIds(tenantId, ids, { tokenProfiles: true });
      expect(withProfiles.map((found) => found.tokenProfile)).toEqual([PROFILE, undefined]);
      expect(withProfiles[1]).not.toHaveProperty('tokenProfile');
      expect((await chunks.getByIds(tenantId, ids)).every((found) => !('tokenProfile' in found))).toBe(true);
      expect((await chunks.listForEmbedding(document.id, 1, 0, 10)).every((found) => !('tokenProfile' in found))).toBe(true);
      expect(await chunks.getByIds(`tenant-${randomUUID()}`, ids, { tokenProfiles: true })).toEqual([]);
    });
  });
});
