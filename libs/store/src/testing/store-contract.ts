import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { ChunkRecord } from '../chunk-record.js';
import { ChunksRepository } from '../chunks-repository.js';
import { CollectionsRepository } from '../collections-repository.js';
import { ConflictError } from '../conflict-error.js';
import type { StoreDatabase } from '../create-database.js';
import type { DocumentRecord } from '../document-record.js';
import { DocumentsRepository } from '../documents-repository.js';
import { InvalidCursorError } from '../invalid-cursor-error.js';
import { migrateToLatest } from '../migrate-to-latest.js';
import { STORE_MIGRATIONS } from '../migrations/store-migrations.js';
import { NotFoundError } from '../not-found-error.js';
import type { Page } from '../page.js';

/** What a SQL backend hands the contract suite. */
export interface StoreContractSubject {
  /** Suite title, e.g. `sqlite (in memory)`. */
  readonly name: string;
  /**
   * Opens the store, migrated. Called before every test; tests isolate themselves by using
   * fresh tenant ids, so the same database may be reused.
   */
  readonly createDatabase: () => Promise<StoreDatabase>;
}

const chunking = { targetTokens: 512, maxTokens: 1024, overlapTokens: 64 };

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection, got a result');
    },
    (error: unknown) => error,
  );
}

/**
 * The behaviour every SQL backend of the store must show, declared as jest blocks (Hono's
 * `runTest({ newRouter })` pattern): each backend's test file calls this once.
 */
export function runStoreContract(subject: StoreContractSubject): void {
  describe(`store contract: ${subject.name}`, () => {
    let store: StoreDatabase;
    let collections: CollectionsRepository;
    let documents: DocumentsRepository;
    let chunks: ChunksRepository;

    beforeEach(async () => {
      store = await subject.createDatabase();
      collections = new CollectionsRepository(store.db, store.dialect);
      documents = new DocumentsRepository(store.db, store.dialect);
      chunks = new ChunksRepository(store.db, store.dialect);
    });
    afterEach(async () => {
      await store.close();
    });

    const newTenant = () => `tenant-${randomUUID()}`;

    async function newCollection(tenantId: string, name = `collection-${randomUUID()}`) {
      return collections.create({ tenantId, name, embeddingModel: 'lexical-384', dimensions: 384, chunking });
    }

    /** A document with version 1 begun. */
    async function newDocument(tenantId: string, collectionId: string, sourceName?: string): Promise<DocumentRecord> {
      const document = await documents.create({ tenantId, collectionId, title: 'Handbook', mediaType: 'text/markdown', ...(sourceName === undefined ? {} : { sourceName }) });
      await documents.beginVersion(tenantId, collectionId, document.id, { title: 'Handbook', mediaType: 'text/markdown', contentHash: 'a'.repeat(64), bytes: 100 });
      return document;
    }

    function chunkOf(document: DocumentRecord, version: number, position: number, text: string): ChunkRecord {
      return {
        id: `${document.id}:v${version}:p${position}`,
        tenantId: document.tenantId,
        collectionId: document.collectionId,
        documentId: document.id,
        version,
        position,
        text,
        tokenCount: text.split(' ').length,
        section: 'Intro',
        contentHash: `hash-${position}`,
      };
    }

    /** A ready document whose version 1 holds `texts`, one chunk each. */
    async function readyDocument(tenantId: string, collectionId: string, texts: readonly string[]) {
      const document = await newDocument(tenantId, collectionId);
      const stored = texts.map((text, position) => chunkOf(document, 1, position, text));
      await chunks.insertVersionChunks(stored);
      expect(await documents.activateVersion(document.id, 1)).toBe(true);
      return { document, chunks: stored };
    }

    async function collectPages<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[][]> {
      const pages: T[][] = [];
      let cursor: string | undefined;
      do {
        const page = await fetchPage(cursor);
        pages.push([...page.items]);
        cursor = page.nextCursor;
      } while (cursor !== undefined && pages.length < 100);
      return pages;
    }

    test('migrations are idempotent, also when run concurrently, and keep data', async () => {
      const tenantId = newTenant();
      const collection = await newCollection(tenantId);
      const runs = await Promise.all([migrateToLatest(store.db, store.dialect), migrateToLatest(store.db, store.dialect)]);
      expect(runs).toEqual([[], []]);
      const recorded = await sql<{ name: string }>`select name from ballast_migration order by name`.execute(store.db);
      expect(recorded.rows.map((row) => row.name)).toEqual(STORE_MIGRATIONS.map((migration) => migration.name));
      expect(await collections.get(tenantId, collection.id)).toEqual(collection);
    });

    test('a duplicate collection name is a ConflictError for that tenant only', async () => {
      const tenantA = newTenant();
      const tenantB = newTenant();
      const created = await newCollection(tenantA, 'handbook');
      expect(created).toMatchObject({ tenantId: tenantA, name: 'handbook', embeddingModel: 'lexical-384', dimensions: 384, chunking });

      const error = await rejection(newCollection(tenantA, 'handbook'));
      expect(ConflictError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ entity: 'collection', tenantId: tenantA, field: 'name', value: 'handbook' });

      const other = await newCollection(tenantB, 'handbook');
      expect(other.id).not.toBe(created.id);
      expect(await collections.resolve(tenantA, 'handbook')).toEqual(created);
      expect(await collections.resolve(tenantA, created.id)).toEqual(created);
      expect(await collections.get(tenantB, created.id)).toBeUndefined();
      expect(await collections.delete(tenantB, created.id)).toBe(false);
    });

    test('collections page by cursor without gaps or repeats, per tenant', async () => {
      const tenantId = newTenant();
      const created = [];
      for (let index = 0; index < 5; index += 1) {
        created.push(await newCollection(tenantId, `c${index}`));
      }
      await newCollection(newTenant(), 'elsewhere');
      const pages = await collectPages((cursor) => collections.list(tenantId, { limit: 2, ...(cursor === undefined ? {} : { cursor }) }));
      expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
      expect(
        pages
          .flat()
          .map((collection) => collection.id)
          .sort(),
      ).toEqual(created.map((collection) => collection.id).sort());
      expect(InvalidCursorError.isInstance(await rejection(collections.list(tenantId, { cursor: 'not-a-cursor' })))).toBe(true);
    });

    test('concurrent beginVersion calls get distinct, consecutive versions', async () => {
      const tenantId = newTenant();
      const collection = await newCollection(tenantId);
      const document = await documents.create({ tenantId, collectionId: collection.id, title: 'Spec', mediaType: 'text/plain' });
      expect(document).toMatchObject({ latestVersion: 0, status: 'queued' });
      expect(document.activeVersion).toBeUndefined();

      const versions = await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          documents.beginVersion(tenantId, collection.id, document.id, { title: `Spec ${index}`, mediaType: 'text/plain', contentHash: 'b'.repeat(64), bytes: index }),
        ),
      );
      expect([...versions].sort((left, right) => left - right)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect((await documents.get(tenantId, document.id))?.latestVersion).toBe(10);
    });

    test('documents are created only in the tenant’s own collection, one live document per source name', async () => {
      const tenantA = newTenant();
      const collection = await newCollection(tenantA);
      const tenantB = newTenant();
      const intruder = await rejection(documents.create({ tenantId: tenantB, collectionId: collection.id, title: 'x', mediaType: 'text/plain' }));
      expect(NotFoundError.isInstance(intruder)).toBe(true);
      expect(intruder).toMatchObject({ entity: 'collection', id: collection.id, tenantId: tenantB });

      const first = await newDocument(tenantA, collection.id, 'guide.md');
      const duplicate = await rejection(newDocument(tenantA, collection.id, 'guide.md'));
      expect(duplicate).toMatchObject({ entity: 'document', field: 'sourceName', value: 'guide.md' });
      expect((await documents.findBySourceName(tenantA, collection.id, 'guide.md'))?.id).toBe(first.id);
      expect(await documents.findBySourceName(tenantB, collection.id, 'guide.md')).toBeUndefined();
      expect(NotFoundError.isInstance(await rejection(documents.beginVersion(tenantB, collection.id, first.id, { title: 'x', mediaType: 'text/plain', contentHash: 'c', bytes: 1 })))).toBe(true);

      expect(await documents.markDeleting(tenantB, first.id)).toBeUndefined();
      expect((await documents.markDeleting(tenantA, first.id))?.status).toBe('deleting');
      expect(ConflictError.isInstance(await rejection(documents.beginVersion(tenantA, collection.id, first.id, { title: 'x', mediaType: 'text/plain', contentHash: 'c', bytes: 1 })))).toBe(true);
      expect(await documents.markDeleted(first.id)).toBe(true);
      expect(await documents.findBySourceName(tenantA, collection.id, 'guide.md')).toBeUndefined();
      const replacement = await newDocument(tenantA, collection.id, 'guide.md');
      expect(replacement.id).not.toBe(first.id);
    });

    test('activateVersion only moves forward, and is idempotent', async () => {
      const tenantId = newTenant();
      const collection = await newCollection(tenantId);
      const document = await newDocument(tenantId, collection.id);
      const begin = () => documents.beginVersion(tenantId, collection.id, document.id, { title: 'Handbook', mediaType: 'text/markdown', contentHash: 'd'.repeat(64), bytes: 1 });
      expect([await begin(), await begin()]).toEqual([2, 3]);

      expect(await documents.activateVersion(document.id, 2)).toBe(true);
      expect(await documents.get(tenantId, document.id)).toMatchObject({ activeVersion: 2, latestVersion: 3, status: 'queued' });
      expect(await documents.activateVersion(document.id, 1)).toBe(false);
      expect(await documents.activateVersion(document.id, 4)).toBe(false);
      expect((await documents.get(tenantId, document.id))?.activeVersion).toBe(2);

      expect(await documents.activateVersion(document.id, 3)).toBe(true);
      expect(await documents.activateVersion(document.id, 3)).toBe(true);
      expect(await documents.get(tenantId, document.id)).toMatchObject({ activeVersion: 3, status: 'ready' });
      expect(await documents.activateVersion(document.id, 2)).toBe(false);
    });

    test('progress and failure of a superseded version change nothing', async () => {
      const tenantId = newTenant();
      const collection = await newCollection(tenantId);
      const document = await newDocument(tenantId, collection.id);
      await documents.beginVersion(tenantId, collection.id, document.id, { title: 'Handbook v2', mediaType: 'text/markdown', contentHash: 'e'.repeat(64), bytes: 2 });

      expect(await documents.setProgress(document.id, 1, { status: 'embedding', chunksTotal: 99 })).toBe(false);
      expect(await documents.markFailed(document.id, 1, 'late failure of version 1')).toBe(false);
      expect(await documents.setProgress(document.id, 2, { status: 'embedding', chunksTotal: 10, chunksEmbedded: 4, pages: 3 })).toBe(true);
      expect(await documents.get(tenantId, document.id)).toMatchObject({ title: 'Handbook v2', status: 'embedding', chunksTotal: 10, chunksEmbedded: 4, pages: 3 });

      expect(await documents.markFailed(document.id, 2, 'embedding provider refused the input')).toBe(true);
      expect(await documents.get(tenantId, document.id)).toMatchObject({ status: 'failed', error: 'embedding provider refused the input' });
      expect(await documents.setProgress(document.id, 2, { chunksEmbedded: 10 })).toBe(false);
    });

    test('documents page by cursor, filter by status, and hide deleted ones by default', async () => {
      const tenantId = newTenant();
      const collection = await newCollection(tenantId);
      const created = [];
      for (let index = 0; index < 5; index += 1) {
        created.push(await newDocument(tenantId, collection.id, `file-${index}.txt`));
      }
      const [first, second, third] = created as [DocumentRecord, DocumentRecord, DocumentRecord];
      await documents.activateVersion(first.id, 1);
      await documents.activateVersion(second.id, 1);
      await documents.markDeleting(tenantId, third.id);
      await documents.markDeleted(third.id);

      const pages = await collectPages((cursor) => documents.list(tenantId, collection.id, { limit: 2, ...(cursor === undefined ? {} : { cursor }) }));
      expect(pages.map((page) => page.length)).toEqual([2, 2]);
      expect(new Set(pages.flat().map((document) => document.id))).toEqual(new Set(created.filter((document) => document.id !== third.id).map((document) => document.id)));
      const ready = await documents.list(tenantId, collection.id, { status: 'ready' });
      expect(ready.items.map((document) => document.id).sort()).toEqual([first.id, second.id].sort());
      expect((await documents.list(tenantId, collection.id, { status: ['deleted'] })).items.map((document) => document.id)).toEqual([third.id]);
      expect((await documents.list(newTenant(), collection.id)).items).toEqual([]);
    });

    test('inserting the same chunks twice never duplicates them', async () => {
      const tenantId = newTenant();
      const collection = await newCollection(tenantId);
      const document = await newDocument(tenantId, collection.id);
      const version = [0, 1, 2].map((position) => chunkOf(document, 1, position, `paragraph number ${position}`));
      expect(await chunks.insertVersionChunks(version)).toBe(3);
      expect(await chunks.insertVersionChunks(version)).toBe(0);
      expect(await chunks.insertVersionChunks([...version.slice(1), chunkOf(document, 1, 3, 'paragraph number 3')])).toBe(1);
      expect(await chunks.countVersion(document.id, 1)).toBe(4);
      const batch = await chunks.listForEmbedding(document.id, 1, 1, 2);
      expect(batch.map((chunk) => chunk.position)).toEqual([1, 2]);
      expect(batch[0]).toEqual(version[1]);
    });

    test('getByIds never returns another tenant’s chunk, even by id', async () => {
      const tenantA = newTenant();
      const tenantB = newTenant();
      const collection = await newCollection(tenantA);
      const { chunks: stored } = await readyDocument(tenantA, collection.id, ['first secret', 'second secret']);
      const ids = stored.map((chunk) => chunk.id);

      expect(await chunks.getByIds(tenantB, ids)).toEqual([]);
      const found = await chunks.getByIds(tenantA, [ids[1] ?? '', 'missing-chunk', ids[0] ?? '']);
      expect(found.map((chunk) => chunk.id)).toEqual([ids[1], ids[0]]);
      expect(found[1]).toEqual(stored[0]);
    });

    test('BM25 search never returns another tenant’s chunks, whatever collection ids it sends', async () => {
      const tenantA = newTenant();
      const tenantB = newTenant();
      const collectionA = await newCollection(tenantA);
      const collectionB = await newCollection(tenantB);
      await readyDocument(tenantA, collectionA.id, ['quarterly revenue forecast for the zeppelin division']);
      await readyDocument(tenantB, collectionB.id, ['tenant b notes about gardening']);

      const query = 'zeppelin revenue forecast';
      expect(await chunks.searchBm25({ tenantId: tenantB, collectionIds: [collectionA.id], query, limit: 10 })).toEqual([]);
      expect(await chunks.searchBm25({ tenantId: tenantB, collectionIds: [collectionA.id, collectionB.id], query, limit: 10 })).toEqual([]);
      const own = await chunks.searchBm25({ tenantId: tenantA, collectionIds: [collectionA.id, collectionB.id], query: 'zeppelin gardening', limit: 10 });
      expect(own.map((hit) => hit.collectionId)).toEqual([collectionA.id]);
    });

    test('BM25 ranks the relevant chunk first and accepts any text as a query', async () => {
      const tenantId = newTenant();
      const collection = await newCollection(tenantId);
      const { document, chunks: stored } = await readyDocument(tenantId, collection.id, [
        'Bananas are a yellow fruit rich in potassium and eaten worldwide.',
        'The Eiffel Tower is a wrought-iron lattice tower in Paris, France, completed in 1889.',
        'Rust ownership rules: each value has one owner, and borrowing is checked at compile time.',
        'Paris hosts many museums, among them the Louvre.',
      ]);

      const hits = await chunks.searchBm25({ tenantId, collectionIds: [collection.id], query: 'How tall are the Eiffel towers?', limit: 3 });
      expect(hits[0]).toMatchObject({ chunkId: stored[1]?.id, documentId: document.id, collectionId: collection.id });
      expect(hits[0]?.score).toBeGreaterThan(hits[1]?.score ?? 0);
      expect(hits.length).toBeLessThanOrEqual(3);

      // Search syntax in the query is read as plain words, never as operators or SQL.
      const ids = async (query: string) => (await chunks.searchBm25({ tenantId, collectionIds: [collection.id], query, limit: 5 })).map((hit) => hit.chunkId);
      expect((await ids('"eiffel" OR NEAR(tower, 2) AND * -'))[0]).toBe(stored[1]?.id);
      expect((await ids('text:paris ^ & | ! ( ) <-> :* "unbalanced')).sort()).toEqual([stored[1]?.id, stored[3]?.id].sort());
      expect(await ids("'; drop table chunks; --")).toEqual([]);
      expect(await ids('')).toEqual([]);
      expect(await chunks.searchBm25({ tenantId, collectionIds: [collection.id], query: '?!', limit: 5 })).toEqual([]);
      expect(await chunks.searchBm25({ tenantId, collectionIds: [], query: 'paris', limit: 5 })).toEqual([]);
      expect(await chunks.countVersion(document.id, 1)).toBe(4);
    });

    test('search sees only the active version: a new one appears when activated, the old one then disappears', async () => {
      const tenantId = newTenant();
      const collection = await newCollection(tenantId);
      const { document } = await readyDocument(tenantId, collection.id, ['original wording about aardvarks']);
      const search = async (query: string) => (await chunks.searchBm25({ tenantId, collectionIds: [collection.id], query, limit: 10 })).map((hit) => hit.chunkId);

      const version = await documents.beginVersion(tenantId, collection.id, document.id, { title: 'Handbook', mediaType: 'text/markdown', contentHash: 'f'.repeat(64), bytes: 3 });
      expect(version).toBe(2);
      await chunks.insertVersionChunks([chunkOf(document, 2, 0, 'revised wording about narwhals')]);
      expect(await search('narwhals')).toEqual([]);
      expect(await search('aardvarks')).toEqual([`${document.id}:v1:p0`]);

      expect(await documents.activateVersion(document.id, 2)).toBe(true);
      expect(await search('narwhals')).toEqual([`${document.id}:v2:p0`]);
      expect(await search('aardvarks')).toEqual([]);
      expect(await chunks.deleteVersionsBefore(document.id, 2)).toBe(1);
      expect(await chunks.countVersion(document.id, 1)).toBe(0);

      await documents.markDeleting(tenantId, document.id);
      expect(await search('narwhals')).toEqual([]);
      expect(await chunks.deleteDocument(document.id)).toBe(1);
    });

    test('deleting a collection removes its documents and chunks, only for its tenant', async () => {
      const tenantId = newTenant();
      const collection = await newCollection(tenantId);
      const { document, chunks: stored } = await readyDocument(tenantId, collection.id, ['ephemeral words about quokkas']);
      expect(await collections.delete(tenantId, collection.id)).toBe(true);
      expect(await collections.get(tenantId, collection.id)).toBeUndefined();
      expect(await documents.get(tenantId, document.id)).toBeUndefined();
      expect(await chunks.getByIds(tenantId, [stored[0]?.id ?? ''])).toEqual([]);
      expect(await chunks.searchBm25({ tenantId, collectionIds: [collection.id], query: 'quokkas', limit: 5 })).toEqual([]);
      expect(await newCollection(tenantId, collection.name)).toMatchObject({ name: collection.name });
    });
  });
}
