import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DocumentStatus, SupportedMediaType } from '#libs/contracts';
import { ConflictError } from './conflict-error.js';
import { toDocumentRecord, type DocumentRecord } from './document-record.js';
import { isUniqueViolation } from './is-unique-violation.js';
import { decodeKeysetCursor, encodeKeysetCursor } from './keyset-cursor.js';
import { NotFoundError } from './not-found-error.js';
import { pageLimit, type Page, type PageOptions } from './page.js';
import type { StoreSchema } from './schema.js';
import type { StoreDialect } from './store-dialect.js';

/** What a new document needs; `id` is generated when absent. Its first version is begun separately. */
export interface CreateDocumentInput {
  readonly id?: string;
  readonly tenantId: string;
  readonly collectionId: string;
  readonly title: string;
  readonly mediaType: SupportedMediaType;
  readonly sourceName?: string;
}

/** Metadata of the upload a new version is made from. */
export interface BeginVersionInput {
  readonly title: string;
  readonly mediaType: SupportedMediaType;
  /** sha256 of the uploaded bytes. */
  readonly contentHash: string;
  readonly bytes: number;
}

/** Fields an ingestion step reports; absent fields keep their value. */
export interface ProgressUpdate {
  readonly status?: Extract<DocumentStatus, 'queued' | 'parsing' | 'embedding'>;
  readonly chunksTotal?: number;
  readonly chunksEmbedded?: number;
  readonly pages?: number;
}

/** Options of `DocumentsRepository.list`. */
export interface ListDocumentsOptions extends PageOptions {
  /** Only these states; by default every state but `deleted`. */
  readonly status?: DocumentStatus | readonly DocumentStatus[];
}

/** States in which a document takes no new versions or progress: it is going away. */
const REMOVED: readonly DocumentStatus[] = ['deleting', 'deleted'];
/** States of an ingestion still running. */
const IN_PROGRESS: readonly DocumentStatus[] = ['queued', 'parsing', 'embedding'];

/**
 * Documents and their versions. A version is begun (numbered atomically), reports progress,
 * then is activated (readers switch to it in one statement) or marked failed. Updates naming a
 * version other than the latest are ignored, so a stale or retried workflow step cannot
 * overwrite a newer upload's state.
 */
export class DocumentsRepository {
  constructor(
    private readonly db: Kysely<StoreSchema>,
    readonly dialect: StoreDialect,
  ) {}

  /**
   * Inserts a `queued` document at version 0 in the tenant's collection. Throws NotFoundError
   * when the collection is not the tenant's, ConflictError when a live document already has
   * this source name (find it with `findBySourceName` and begin a version instead).
   */
  async create(input: CreateDocumentInput): Promise<DocumentRecord> {
    const id = input.id ?? `doc_${randomUUID().replaceAll('-', '')}`;
    const now = new Date().toISOString();
    // Insert-select: the row only appears if the collection belongs to the tenant.
    const insert = this.db.insertInto('documents').columns(['id', 'tenant_id', 'collection_id', 'title', 'media_type', 'source_name', 'status', 'created_at', 'updated_at']).expression(
      this.db
        .selectFrom('collections')
        .select([
          sql.val(id).as('id'),
          'tenant_id',
          'id as collection_id',
          sql.val(input.title).as('title'),
          sql.val(input.mediaType).as('media_type'),
          sql.val(input.sourceName ?? null).as('source_name'),
          sql.val('queued').as('status'),
          sql.val(now).as('created_at'),
          sql.val(now).as('updated_at'),
        ])
        .where('tenant_id', '=', input.tenantId)
        .where('id', '=', input.collectionId),
    );
    let inserted: bigint;
    try {
      inserted = (await insert.executeTakeFirst()).numInsertedOrUpdatedRows ?? 0n;
    } catch (error) {
      if (isUniqueViolation(error) && input.sourceName !== undefined) {
        throw new ConflictError({
          entity: 'document',
          tenantId: input.tenantId,
          field: 'sourceName',
          value: input.sourceName,
          message: `collection ${input.collectionId} already has a document from "${input.sourceName}"`,
          cause: error,
        });
      }
      throw error;
    }
    if (inserted === 0n) {
      throw new NotFoundError({ entity: 'collection', id: input.collectionId, tenantId: input.tenantId });
    }
    const created = await this.get(input.tenantId, id);
    if (created === undefined) {
      throw new NotFoundError({ entity: 'document', id, tenantId: input.tenantId });
    }
    return created;
  }

  /**
   * Starts a new version of the document and returns its number (latest + 1). One statement,
   * so concurrent uploads always get distinct numbers. Readers keep the active version until
   * the new one is activated. Throws NotFoundError for another tenant's or collection's
   * document, ConflictError while it is being deleted.
   */
  async beginVersion(tenantId: string, collectionId: string, documentId: string, input: BeginVersionInput): Promise<number> {
    const row = await this.db
      .updateTable('documents')
      .set((eb) => ({
        latest_version: eb('latest_version', '+', 1),
        title: input.title,
        media_type: input.mediaType,
        content_hash: input.contentHash,
        bytes: input.bytes,
        status: 'queued',
        chunks_total: 0,
        chunks_embedded: 0,
        error: null,
        pages: null,
        updated_at: new Date().toISOString(),
      }))
      .where('id', '=', documentId)
      .where('tenant_id', '=', tenantId)
      .where('collection_id', '=', collectionId)
      .where('status', 'not in', REMOVED)
      .returning('latest_version')
      .executeTakeFirst();
    if (row !== undefined) {
      return row.latest_version;
    }
    const existing = await this.get(tenantId, documentId);
    if (existing === undefined || existing.collectionId !== collectionId) {
      throw new NotFoundError({ entity: 'document', id: documentId, tenantId });
    }
    throw new ConflictError({
      entity: 'document',
      tenantId,
      field: 'status',
      value: existing.status,
      message: `document ${documentId} is ${existing.status}: it takes no new version`,
    });
  }

  /** Records progress of `version`; false (and nothing changed) unless it is the latest version and still ingesting. */
  async setProgress(documentId: string, version: number, update: ProgressUpdate): Promise<boolean> {
    const result = await this.db
      .updateTable('documents')
      .set({
        ...(update.status === undefined ? {} : { status: update.status }),
        ...(update.chunksTotal === undefined ? {} : { chunks_total: update.chunksTotal }),
        ...(update.chunksEmbedded === undefined ? {} : { chunks_embedded: update.chunksEmbedded }),
        ...(update.pages === undefined ? {} : { pages: update.pages }),
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', documentId)
      .where('latest_version', '=', version)
      .where('status', 'in', IN_PROGRESS)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Marks the latest version failed with `error`; readers keep the active version. False if `version` is not the latest or no longer ingesting. */
  async markFailed(documentId: string, version: number, error: string): Promise<boolean> {
    const result = await this.db
      .updateTable('documents')
      .set({ status: 'failed', error, updated_at: new Date().toISOString() })
      .where('id', '=', documentId)
      .where('latest_version', '=', version)
      .where('status', 'in', IN_PROGRESS)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /**
   * Makes `version` the one readers see, in one statement, only moving forward: false when a
   * newer version is already active (the caller then discards this one's chunks). Activating
   * the active version again is true, so a retried step is harmless. The status becomes
   * `ready` when `version` is the latest; an older version activated while a newer one is
   * still ingesting leaves that ingestion's status alone.
   */
  async activateVersion(documentId: string, version: number): Promise<boolean> {
    const result = await this.db
      .updateTable('documents')
      .set((eb) => ({
        active_version: version,
        status: eb.case().when('latest_version', '=', version).then(sql.lit<DocumentStatus>('ready')).else(eb.ref('status')).end(),
        error: eb.case().when('latest_version', '=', version).then(sql.lit(null)).else(eb.ref('error')).end(),
        updated_at: new Date().toISOString(),
      }))
      .where('id', '=', documentId)
      .where('latest_version', '>=', version)
      .where((eb) => eb.or([eb('active_version', 'is', null), eb('active_version', '<=', version)]))
      .where('status', 'not in', REMOVED)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** The tenant's document; another tenant's id finds nothing. */
  async get(tenantId: string, id: string): Promise<DocumentRecord | undefined> {
    const row = await this.db.selectFrom('documents').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toDocumentRecord(row);
  }

  /** The live (not deleted) document uploaded under `sourceName`, to replace on re-upload. */
  async findBySourceName(tenantId: string, collectionId: string, sourceName: string): Promise<DocumentRecord | undefined> {
    const row = await this.db
      .selectFrom('documents')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('collection_id', '=', collectionId)
      .where('source_name', '=', sourceName)
      .where('status', '<>', 'deleted')
      .executeTakeFirst();
    return row === undefined ? undefined : toDocumentRecord(row);
  }

  /** Documents of the tenant's collection, oldest first. */
  async list(tenantId: string, collectionId: string, options: ListDocumentsOptions = {}): Promise<Page<DocumentRecord>> {
    const limit = pageLimit(options);
    let query = this.db.selectFrom('documents').selectAll().where('tenant_id', '=', tenantId).where('collection_id', '=', collectionId);
    if (options.status === undefined) {
      query = query.where('status', '<>', 'deleted');
    } else {
      const statuses: readonly DocumentStatus[] = typeof options.status === 'string' ? [options.status] : options.status;
      if (statuses.length === 0) {
        return { items: [] };
      }
      query = query.where('status', 'in', statuses);
    }
    if (options.cursor !== undefined) {
      const after = decodeKeysetCursor(options.cursor);
      query = query.where((eb) => eb(eb.refTuple('created_at', 'id'), '>', eb.tuple(after.createdAt, after.id)));
    }
    const rows = await query.orderBy('created_at').orderBy('id').limit(limit + 1).execute();
    const items = rows.slice(0, limit).map(toDocumentRecord);
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return last === undefined ? { items } : { items, nextCursor: encodeKeysetCursor({ createdAt: last.created_at, id: last.id }) };
  }

  /**
   * Marks the tenant's document `deleting`: search stops returning it at once, and no new
   * version can begin. Returns the document as it now is, or undefined if the tenant has no
   * such live document.
   */
  async markDeleting(tenantId: string, id: string): Promise<DocumentRecord | undefined> {
    const row = await this.db
      .updateTable('documents')
      .set({ status: 'deleting', updated_at: new Date().toISOString() })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .where('status', '<>', 'deleted')
      .returningAll()
      .executeTakeFirst();
    return row === undefined ? undefined : toDocumentRecord(row);
  }

  /**
   * Leaves a `deleted` tombstone (no active version) once chunks, vectors and blob are gone;
   * the source name becomes free for a new upload. False if already deleted or unknown.
   */
  async markDeleted(id: string): Promise<boolean> {
    const result = await this.db
      .updateTable('documents')
      .set({ status: 'deleted', active_version: null, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('status', '<>', 'deleted')
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}
