import { randomUUID } from 'node:crypto';
import type { VectorRecord, VectorSearchQuery, VectorStore } from '../vector-store.js';
import { VectorStoreError, type VectorStoreErrorKind } from '../vector-store-error.js';

/** What an adapter hands the contract suite. */
export interface VectorStoreContractSubject {
  /** Suite title, e.g. `lancedb`. */
  readonly name: string;
  /** A store on the same backing storage every time it is called (the suite reopens it once). */
  readonly create: () => VectorStore | Promise<VectorStore>;
  /** Removes the spaces the suite made (Qdrant collections); called once at the end. */
  readonly cleanup?: (spaces: readonly string[]) => Promise<void>;
}

const DIMENSIONS = 8;

/** An 8-dimensional vector with the given leading components (the rest 0). */
function vector(...components: number[]): number[] {
  return Array.from({ length: DIMENSIONS }, (_, index) => components[index] ?? 0);
}

function record(id: string, overrides: Partial<VectorRecord> = {}): VectorRecord {
  return {
    id,
    vector: vector(1),
    tenantId: 'tenant-a',
    collectionId: 'handbook',
    documentId: 'doc-1',
    documentVersion: 1,
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<VectorStoreError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!VectorStoreError.isInstance(error)) throw new Error(`expected a VectorStoreError, got ${error === undefined ? 'success' : String(error)}`);
  return error;
}

async function expectKind(promise: Promise<unknown>, kind: VectorStoreErrorKind): Promise<VectorStoreError> {
  const error = await rejection(promise);
  expect({ kind: error.kind, message: error.message }).toEqual({ kind, message: expect.any(String) });
  return error;
}

/**
 * The behaviour every VectorStore adapter must show, declared as jest blocks (Hono's
 * `runTest({ newRouter })` pattern): each adapter's test file calls this once. Every test works
 * in its own space, so tests never see each other's vectors.
 */
export function runVectorStoreContract(subject: VectorStoreContractSubject): void {
  describe(`VectorStore contract: ${subject.name}`, () => {
    const runId = randomUUID().slice(0, 8);
    const spaces: string[] = [];
    let store: VectorStore;

    beforeAll(async () => {
      store = await subject.create();
    });
    afterAll(async () => {
      await store?.close();
      await subject.cleanup?.(spaces);
    });

    /** A fresh space of DIMENSIONS dimensions holding `records`. */
    async function spaceWith(records: readonly VectorRecord[]): Promise<string> {
      const name = `contract-${runId}-${spaces.length}`;
      spaces.push(name);
      await store.ensureSpace({ name, dimensions: DIMENSIONS });
      if (records.length > 0) await store.upsert(name, records);
      return name;
    }

    function query(overrides: Partial<VectorSearchQuery> = {}): VectorSearchQuery {
      return { tenantId: 'tenant-a', collectionIds: ['handbook'], vector: vector(1), topK: 10, ...overrides };
    }

    test('search returns the nearest records first, with cosine similarity scores', async () => {
      const space = await spaceWith([
        record('far', { vector: vector(0, 1) }),
        record('exact', { vector: vector(2) }), // cosine ignores length
        record('near', { vector: vector(1, 0.3) }),
        record('opposite', { vector: vector(-1) }),
      ]);
      const matches = await store.search(space, query());
      expect(matches.map((match) => match.id)).toEqual(['exact', 'near', 'far', 'opposite']);
      expect(matches[0]).toEqual({ id: 'exact', documentId: 'doc-1', collectionId: 'handbook', documentVersion: 1, score: expect.any(Number) });
      const scores = matches.map((match) => match.score);
      expect(scores[0]).toBeCloseTo(1, 4);
      expect(scores[1]).toBeCloseTo(1 / Math.sqrt(1.09), 4);
      expect(scores[2]).toBeCloseTo(0, 4);
      expect(scores[3]).toBeCloseTo(-1, 4);
    });

    test('topK limits the number of matches', async () => {
      const space = await spaceWith(Array.from({ length: 12 }, (_, index) => record(`chunk-${index}`, { vector: vector(1, index / 10) })));
      const matches = await store.search(space, query({ topK: 3 }));
      expect(matches.map((match) => match.id)).toEqual(['chunk-0', 'chunk-1', 'chunk-2']);
    });

    test('upsert is idempotent by id and the last write wins', async () => {
      const space = await spaceWith([record('chunk-1')]);
      await store.upsert(space, [record('chunk-1')]);
      await store.upsert(space, [record('chunk-1', { documentVersion: 2, vector: vector(0, 1) })]);
      expect(await store.count(space, { tenantId: 'tenant-a' })).toBe(1);
      const [match] = await store.search(space, query({ vector: vector(0, 1) }));
      expect(match).toMatchObject({ id: 'chunk-1', documentVersion: 2 });
      expect(match?.score).toBeCloseTo(1, 4);
    });

    test('a batch naming one id twice stores it once', async () => {
      const space = await spaceWith([record('twice', { documentVersion: 1 }), record('twice', { documentVersion: 3 })]);
      expect(await store.count(space, { tenantId: 'tenant-a' })).toBe(1);
      expect((await store.search(space, query()))[0]?.documentVersion).toBe(3);
    });

    test('a tenant never receives another tenant’s vectors, even naming its collection id', async () => {
      const space = await spaceWith([
        record('a-secret', { tenantId: 'tenant-a', collectionId: 'shared-name', vector: vector(1) }),
        record('b-own', { tenantId: 'tenant-b', collectionId: 'shared-name', vector: vector(0, 1) }),
      ]);
      const asB = await store.search(space, query({ tenantId: 'tenant-b', collectionIds: ['shared-name', 'handbook'], vector: vector(1) }));
      expect(asB.map((match) => match.id)).toEqual(['b-own']);
      expect(await store.search(space, query({ tenantId: 'tenant-c', collectionIds: ['shared-name'] }))).toEqual([]);
      expect(await store.count(space, { tenantId: 'tenant-b', collectionId: 'shared-name' })).toBe(1);
    });

    test('equal chunk ids of two tenants are separate records', async () => {
      const space = await spaceWith([record('same-id', { tenantId: 'tenant-a' }), record('same-id', { tenantId: 'tenant-b', documentVersion: 7 })]);
      expect(await store.count(space, { tenantId: 'tenant-a' })).toBe(1);
      expect(await store.count(space, { tenantId: 'tenant-b' })).toBe(1);
      await store.deleteByDocument(space, { tenantId: 'tenant-b', documentId: 'doc-1' });
      expect(await store.count(space, { tenantId: 'tenant-b' })).toBe(0);
      expect((await store.search(space, query()))[0]).toMatchObject({ id: 'same-id', documentVersion: 1 });
    });

    test('only the named collections and documents match', async () => {
      const space = await spaceWith([
        record('handbook-1', { collectionId: 'handbook', documentId: 'doc-1' }),
        record('handbook-2', { collectionId: 'handbook', documentId: 'doc-2', vector: vector(1, 0.1) }),
        record('faq-1', { collectionId: 'faq', documentId: 'doc-3', vector: vector(1, 0.2) }),
        record('legal-1', { collectionId: 'legal', documentId: 'doc-4' }),
      ]);
      const ids = async (overrides: Partial<VectorSearchQuery>) => (await store.search(space, query(overrides))).map((match) => match.id);
      expect(await ids({ collectionIds: ['handbook'] })).toEqual(['handbook-1', 'handbook-2']);
      expect(await ids({ collectionIds: ['handbook', 'faq'] })).toEqual(['handbook-1', 'handbook-2', 'faq-1']);
      expect(await ids({ collectionIds: ['handbook', 'faq'], documentIds: ['doc-2', 'doc-3'] })).toEqual(['handbook-2', 'faq-1']);
      expect(await ids({ collectionIds: ['missing'] })).toEqual([]);
    });

    test('deleteByDocument removes all versions, one version, or the versions below one', async () => {
      const space = await spaceWith([
        record('v1', { documentId: 'doc-1', documentVersion: 1 }),
        record('v2', { documentId: 'doc-1', documentVersion: 2 }),
        record('v3', { documentId: 'doc-1', documentVersion: 3 }),
        record('v4', { documentId: 'doc-1', documentVersion: 4 }),
        record('other', { documentId: 'doc-2', documentVersion: 1 }),
      ]);
      await store.deleteByDocument(space, { tenantId: 'tenant-a', documentId: 'doc-1', versionsBelow: 3 });
      expect((await store.search(space, query())).map((match) => match.id).sort()).toEqual(['other', 'v3', 'v4']);
      await store.deleteByDocument(space, { tenantId: 'tenant-a', documentId: 'doc-1', version: 4 });
      expect((await store.search(space, query())).map((match) => match.id).sort()).toEqual(['other', 'v3']);
      await store.deleteByDocument(space, { tenantId: 'tenant-b', documentId: 'doc-1' });
      expect(await store.count(space, { tenantId: 'tenant-a', documentId: 'doc-1' })).toBe(1);
      await store.deleteByDocument(space, { tenantId: 'tenant-a', documentId: 'doc-1' });
      expect(await store.count(space, { tenantId: 'tenant-a', documentId: 'doc-1' })).toBe(0);
      expect(await store.count(space, { tenantId: 'tenant-a', documentId: 'doc-2' })).toBe(1);
    });

    test('count filters by tenant, collection and document', async () => {
      const space = await spaceWith([
        record('1', { collectionId: 'handbook', documentId: 'doc-1' }),
        record('2', { collectionId: 'handbook', documentId: 'doc-1' }),
        record('3', { collectionId: 'handbook', documentId: 'doc-2' }),
        record('4', { collectionId: 'faq', documentId: 'doc-3' }),
        record('5', { tenantId: 'tenant-b', collectionId: 'handbook', documentId: 'doc-1' }),
      ]);
      expect(await store.count(space, { tenantId: 'tenant-a' })).toBe(4);
      expect(await store.count(space, { tenantId: 'tenant-a', collectionId: 'handbook' })).toBe(3);
      expect(await store.count(space, { tenantId: 'tenant-a', documentId: 'doc-1' })).toBe(2);
      expect(await store.count(space, { tenantId: 'tenant-a', collectionId: 'faq', documentId: 'doc-1' })).toBe(0);
      expect(await store.count(space, { tenantId: 'tenant-z' })).toBe(0);
    });

    test('minScore drops weaker matches', async () => {
      const space = await spaceWith([
        record('strong', { vector: vector(1) }),
        record('medium', { vector: vector(1, 1) }), // cosine 0.707
        record('weak', { vector: vector(0, 1) }), // cosine 0
      ]);
      expect((await store.search(space, query({ minScore: 0.5 }))).map((match) => match.id)).toEqual(['strong', 'medium']);
      expect((await store.search(space, query({ minScore: 0.99 }))).map((match) => match.id)).toEqual(['strong']);
    });

    test('vectors of the wrong length are refused, naming expected and actual dimensions', async () => {
      const space = await spaceWith([]);
      const upsertError = await expectKind(store.upsert(space, [record('short', { vector: [1, 0, 0] })]), 'dimension-mismatch');
      expect(upsertError).toMatchObject({ expectedDimensions: DIMENSIONS, actualDimensions: 3, space });
      expect(upsertError.message).toContain('3');
      expect(upsertError.message).toContain(String(DIMENSIONS));
      await expectKind(store.search(space, query({ vector: vector(1).concat([0]) })), 'dimension-mismatch');
      const spaceError = await expectKind(store.ensureSpace({ name: space, dimensions: 16 }), 'dimension-mismatch');
      expect(spaceError).toMatchObject({ expectedDimensions: DIMENSIONS, actualDimensions: 16 });
      await store.ensureSpace({ name: space, dimensions: DIMENSIONS });
      expect(await store.count(space, { tenantId: 'tenant-a' })).toBe(0);
    });

    test('ids that could change a filter’s meaning are refused before reaching the engine', async () => {
      const space = await spaceWith([record('kept')]);
      const injection = "tenant-a' OR '1'='1";
      await expectKind(store.search(space, query({ tenantId: injection })), 'invalid-input');
      await expectKind(store.search(space, query({ collectionIds: ['handbook', "x') OR (1=1"] })), 'invalid-input');
      await expectKind(store.upsert(space, [record('bad id with spaces')]), 'invalid-input');
      await expectKind(store.deleteByDocument(space, { tenantId: 'tenant-a', documentId: "doc-1' OR 1=1 --" }), 'invalid-input');
      await expectKind(store.count(space, { tenantId: '' }), 'invalid-input');
      expect(await store.count(space, { tenantId: 'tenant-a' })).toBe(1);
    });

    test('tenant and a non-empty collection list are mandatory', async () => {
      const space = await spaceWith([record('kept')]);
      const missingTenant = { collectionIds: ['handbook'], vector: vector(1), topK: 5 } as unknown as VectorSearchQuery;
      expect((await expectKind(store.search(space, missingTenant), 'invalid-input')).field).toBe('query.tenantId');
      expect((await expectKind(store.search(space, query({ collectionIds: [] })), 'invalid-input')).field).toBe('query.collectionIds');
      await expectKind(store.search(space, query({ topK: 0 })), 'invalid-input');
      await expectKind(store.search(space, query({ vector: vector(0) })), 'invalid-input');
      await expectKind(store.upsert(space, [record('nan', { vector: vector(Number.NaN) })]), 'invalid-input');
      await expectKind(store.upsert(space, [record('v', { documentVersion: 1.5 })]), 'invalid-input');
    });

    test('a space that was never created is reported as unknown', async () => {
      const missing = `contract-${runId}-missing`;
      await expectKind(store.search(missing, query()), 'unknown-space');
      await expectKind(store.upsert(missing, [record('x')]), 'unknown-space');
      await expectKind(store.ensureSpace({ name: 'bad/name', dimensions: DIMENSIONS }), 'invalid-input');
    });

    test('a newly opened store sees the spaces and records of an earlier one', async () => {
      const space = await spaceWith([record('persisted')]);
      const reopened = await subject.create();
      try {
        expect((await reopened.search(space, query())).map((match) => match.id)).toEqual(['persisted']);
        await expectKind(reopened.upsert(space, [record('short', { vector: [1] })]), 'dimension-mismatch');
      } finally {
        await reopened.close();
      }
    });
  });
}
