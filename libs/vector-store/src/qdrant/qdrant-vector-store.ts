import { QdrantClient } from '@qdrant/js-client-rest';
import type { Schemas } from '@qdrant/js-client-rest';
import { assertSpaceName } from '../validate-identifiers.js';
import { validateCountFilter, validateDeleteFilter, validateRecords, validateSearchQuery } from '../validate-store-input.js';
import type {
  CountFilter,
  DeleteByDocumentFilter,
  VectorMatch,
  VectorRecord,
  VectorSearchQuery,
  VectorSpace,
  VectorStore,
} from '../vector-store.js';
import { VectorStoreError } from '../vector-store-error.js';
import { convertQdrantError } from './qdrant-error.js';
import { PAYLOAD, qdrantCountFilter, qdrantDeleteFilter, qdrantSearchFilter } from './qdrant-filter.js';
import { qdrantPointId } from './qdrant-point-id.js';
import { readQdrantMatch } from './read-qdrant-match.js';

/** Where the Qdrant server is. */
export interface QdrantVectorStoreOptions {
  /** e.g. `http://127.0.0.1:6333`; without a port the client uses 6333, even for https. */
  readonly url: string;
  readonly apiKey?: string;
  /** Per-request timeout in milliseconds (default 30 s). */
  readonly timeoutMs?: number;
  /** Points per upsert request, bounding request size (default 256). */
  readonly pointsPerRequest?: number;
  /** A ready client (tests); `url`/`apiKey` are then ignored. */
  readonly client?: QdrantClient;
}

const MAX_DIMENSIONS = 65_536;
/** Keyword indexes for the filters every call uses; `is_tenant` co-locates each tenant's points. */
const PAYLOAD_INDEXES: readonly Schemas['CreateFieldIndex'][] = [
  { field_name: PAYLOAD.tenantId, field_schema: { type: 'keyword', is_tenant: true } },
  { field_name: PAYLOAD.collectionId, field_schema: 'keyword' },
  { field_name: PAYLOAD.documentId, field_schema: 'keyword' },
  { field_name: PAYLOAD.documentVersion, field_schema: 'integer' },
];
const SELECTED_PAYLOAD = [PAYLOAD.chunkId, PAYLOAD.tenantId, PAYLOAD.collectionId, PAYLOAD.documentId, PAYLOAD.documentVersion];

/**
 * The production VectorStore: a Qdrant collection per space (cosine distance) with keyword
 * payload indexes on tenant (marked `is_tenant`), collection and document. Point ids are UUIDv5
 * of (tenant, chunk id); writes wait until applied, so a search right after sees them.
 */
export class QdrantVectorStore implements VectorStore {
  readonly kind = 'qdrant' as const;
  private readonly client: QdrantClient;
  private readonly dimensions = new Map<string, Promise<number>>();
  private readonly pointsPerRequest: number;
  private closed = false;

  constructor(options: QdrantVectorStoreOptions) {
    this.client =
      options.client ??
      new QdrantClient({
        url: options.url,
        ...(options.apiKey === undefined ? {} : { apiKey: options.apiKey }),
        timeout: options.timeoutMs ?? 30_000,
        // The version probe would run unawaited in the constructor and print to the console.
        checkCompatibility: false,
      });
    this.pointsPerRequest = options.pointsPerRequest ?? 256;
  }

  async ensureSpace(space: VectorSpace): Promise<void> {
    this.assertOpen();
    assertSpaceName(space?.name);
    if (!Number.isInteger(space.dimensions) || space.dimensions < 1 || space.dimensions > MAX_DIMENSIONS) {
      throw new VectorStoreError(`space "${space.name}" dimensions must be an integer from 1 to ${MAX_DIMENSIONS}, got ${String(space.dimensions)}`, {
        kind: 'invalid-input',
        store: this.kind,
        space: space.name,
        field: 'dimensions',
      });
    }
    // Retrieval calls this on every query: a space seen before costs no request.
    let actual = await this.dimensions.get(space.name)?.catch(() => undefined);
    if (actual === undefined) {
      actual = await this.createOrCompleteSpace(space);
      this.dimensions.set(space.name, Promise.resolve(actual));
    }
    if (actual !== space.dimensions) {
      throw new VectorStoreError(`space "${space.name}" exists with ${actual} dimensions, not ${space.dimensions}`, {
        kind: 'dimension-mismatch',
        store: this.kind,
        space: space.name,
        expectedDimensions: actual,
        actualDimensions: space.dimensions,
      });
    }
  }

  async upsert(space: string, records: readonly VectorRecord[]): Promise<void> {
    const dimensions = await this.spaceDimensions(space);
    const valid = validateRecords(space, dimensions, records);
    for (let start = 0; start < valid.length; start += this.pointsPerRequest) {
      const points: Schemas['PointStruct'][] = valid.slice(start, start + this.pointsPerRequest).map((record) => ({
        id: qdrantPointId(record.tenantId, record.id),
        vector: Array.from(record.vector),
        payload: {
          [PAYLOAD.chunkId]: record.id,
          [PAYLOAD.tenantId]: record.tenantId,
          [PAYLOAD.collectionId]: record.collectionId,
          [PAYLOAD.documentId]: record.documentId,
          [PAYLOAD.documentVersion]: record.documentVersion,
        },
      }));
      await this.call('upsert', space, () => this.client.upsert(space, { wait: true, points }));
    }
  }

  async search(space: string, query: VectorSearchQuery): Promise<VectorMatch[]> {
    const dimensions = await this.spaceDimensions(space);
    const valid = validateSearchQuery(space, dimensions, query);
    const response = await this.call('search', space, () =>
      this.client.query(space, {
        query: Array.from(valid.vector),
        filter: qdrantSearchFilter(valid),
        limit: valid.topK,
        with_payload: SELECTED_PAYLOAD,
        ...(valid.minScore === undefined ? {} : { score_threshold: valid.minScore }),
      }),
    );
    const matches = response.points.map((point) => readQdrantMatch(point, valid.tenantId, space));
    return valid.minScore === undefined ? matches : matches.filter((match) => match.score >= (valid.minScore as number));
  }

  async deleteByDocument(space: string, filter: DeleteByDocumentFilter): Promise<void> {
    await this.spaceDimensions(space);
    const selector = qdrantDeleteFilter(validateDeleteFilter(space, filter));
    await this.call('deleteByDocument', space, () => this.client.delete(space, { wait: true, filter: selector }));
  }

  async count(space: string, filter: CountFilter): Promise<number> {
    await this.spaceDimensions(space);
    const selector = qdrantCountFilter(validateCountFilter(space, filter));
    const result = await this.call('count', space, () => this.client.count(space, { filter: selector, exact: true }));
    return result.count;
  }

  async close(): Promise<void> {
    // The REST client holds no connections that need closing; later calls are refused.
    this.closed = true;
    this.dimensions.clear();
  }

  private assertOpen(): void {
    if (this.closed) throw new VectorStoreError('the Qdrant vector store is closed', { kind: 'invalid-input', store: this.kind });
  }

  /** The space's dimensions, read once per process; `unknown-space` if the collection is missing. */
  private spaceDimensions(space: string): Promise<number> {
    this.assertOpen();
    assertSpaceName(space);
    let dimensions = this.dimensions.get(space);
    if (dimensions === undefined) {
      dimensions = this.existingDimensions(space).then((found) => {
        if (found !== undefined) return found;
        throw new VectorStoreError(`space "${space}" does not exist on the Qdrant server; call ensureSpace first`, {
          kind: 'unknown-space',
          store: this.kind,
          space,
        });
      });
      this.dimensions.set(space, dimensions);
      dimensions.catch(() => this.dimensions.get(space) === dimensions && this.dimensions.delete(space));
    }
    return dimensions;
  }

  private async existingDimensions(space: string): Promise<number | undefined> {
    const { exists } = await this.call('ensureSpace', space, () => this.client.collectionExists(space));
    return exists ? (await this.describeSpace(space)).dimensions : undefined;
  }

  private async describeSpace(space: string): Promise<{ dimensions: number; indexedFields: Set<string> }> {
    const info = await this.call('ensureSpace', space, () => this.client.getCollection(space));
    const vectors = info.config.params.vectors as Partial<Schemas['VectorParams']> | undefined;
    if (typeof vectors?.size !== 'number') {
      throw new VectorStoreError(`Qdrant collection "${space}" has no single unnamed vector; it was not made by Ballast`, {
        kind: 'backend',
        store: this.kind,
        space,
        isRetryable: false,
      });
    }
    return { dimensions: vectors.size, indexedFields: new Set(Object.keys(info.payload_schema ?? {})) };
  }

  /**
   * Creates the collection if missing, then any payload index it lacks: a process that died
   * between the two steps, or another process creating the collection at the same moment, still
   * leaves a complete space behind. Returns the collection's dimensions.
   */
  private async createOrCompleteSpace(space: VectorSpace): Promise<number> {
    const { exists } = await this.call('ensureSpace', space.name, () => this.client.collectionExists(space.name));
    if (!exists) {
      try {
        await this.client.createCollection(space.name, { vectors: { size: space.dimensions, distance: 'Cosine' } });
      } catch (error) {
        // Another process may have created it first (409); anything else is a real failure.
        const raced = await this.call('ensureSpace', space.name, () => this.client.collectionExists(space.name));
        if (!raced.exists) throw convertQdrantError('ensureSpace', space.name, error);
      }
    }
    const { dimensions, indexedFields } = await this.describeSpace(space.name);
    if (dimensions !== space.dimensions) return dimensions;
    for (const index of PAYLOAD_INDEXES) {
      if (indexedFields.has(index.field_name)) continue;
      await this.call('ensureSpace', space.name, () => this.client.createPayloadIndex(space.name, { wait: true, ...index }));
    }
    return dimensions;
  }

  private async call<T>(operation: string, space: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw convertQdrantError(operation, space, error);
    }
  }
}
