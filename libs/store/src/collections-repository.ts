import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { ChunkingSettings, CollectionInfo } from '#libs/contracts';
import { ConflictError } from './conflict-error.js';
import { isUniqueViolation } from './is-unique-violation.js';
import { decodeKeysetCursor, encodeKeysetCursor } from './keyset-cursor.js';
import { pageLimit, type Page, type PageOptions } from './page.js';
import type { CollectionsTable, StoreSchema } from './schema.js';
import type { StoreDialect } from './store-dialect.js';

/** What a new collection needs; `id` is generated when absent. */
export interface CreateCollectionInput {
  readonly id?: string;
  readonly tenantId: string;
  readonly name: string;
  readonly embeddingModel: string;
  readonly dimensions: number;
  readonly chunking: ChunkingSettings;
}

/** Collections of every tenant; every read and delete is scoped to one tenant. */
export class CollectionsRepository {
  constructor(
    private readonly db: Kysely<StoreSchema>,
    readonly dialect: StoreDialect,
  ) {}

  /** Inserts a collection; a name the tenant already uses throws ConflictError. */
  async create(input: CreateCollectionInput): Promise<CollectionInfo> {
    const row: CollectionsTable = {
      id: input.id ?? `col_${randomUUID().replaceAll('-', '')}`,
      tenant_id: input.tenantId,
      name: input.name,
      embedding_model: input.embeddingModel,
      dimensions: input.dimensions,
      chunking: JSON.stringify(input.chunking),
      created_at: new Date().toISOString(),
    };
    try {
      await this.db.insertInto('collections').values(row).execute();
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError({
          entity: 'collection',
          tenantId: input.tenantId,
          field: 'name',
          value: input.name,
          message: `tenant ${input.tenantId} already has a collection named "${input.name}"`,
          cause: error,
        });
      }
      throw error;
    }
    return toCollectionInfo(row);
  }

  /** The tenant's collection with this id; another tenant's id finds nothing. */
  async get(tenantId: string, id: string): Promise<CollectionInfo | undefined> {
    const row = await this.db.selectFrom('collections').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toCollectionInfo(row);
  }

  /** The tenant's collection with this name. */
  async getByName(tenantId: string, name: string): Promise<CollectionInfo | undefined> {
    const row = await this.db.selectFrom('collections').selectAll().where('tenant_id', '=', tenantId).where('name', '=', name).executeTakeFirst();
    return row === undefined ? undefined : toCollectionInfo(row);
  }

  /** Finds by id first, then by name: what a request naming collections either way needs. */
  async resolve(tenantId: string, idOrName: string): Promise<CollectionInfo | undefined> {
    return (await this.get(tenantId, idOrName)) ?? (await this.getByName(tenantId, idOrName));
  }

  /** The tenant's collections, oldest first. */
  async list(tenantId: string, options: PageOptions = {}): Promise<Page<CollectionInfo>> {
    const limit = pageLimit(options);
    let query = this.db.selectFrom('collections').selectAll().where('tenant_id', '=', tenantId);
    if (options.cursor !== undefined) {
      const after = decodeKeysetCursor(options.cursor);
      query = query.where((eb) => eb(eb.refTuple('created_at', 'id'), '>', eb.tuple(after.createdAt, after.id)));
    }
    const rows = await query.orderBy('created_at').orderBy('id').limit(limit + 1).execute();
    const items = rows.slice(0, limit).map(toCollectionInfo);
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return last === undefined ? { items } : { items, nextCursor: encodeKeysetCursor({ createdAt: last.created_at, id: last.id }) };
  }

  /**
   * Deletes the collection with its documents and chunks (foreign keys cascade). Vectors and
   * blobs live elsewhere: the caller removes them. False when the tenant has no such collection.
   */
  async delete(tenantId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('collections').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}

function toCollectionInfo(row: Selectable<CollectionsTable>): CollectionInfo {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    embeddingModel: row.embedding_model,
    dimensions: row.dimensions,
    chunking: JSON.parse(row.chunking) as ChunkingSettings,
    createdAt: row.created_at,
  };
}
