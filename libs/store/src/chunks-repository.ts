import type { Kysely } from 'kysely';
import type { RetrievedChunkRef } from '#libs/contracts';
import { toChunkRecord, toChunkRow, type ChunkRecord } from './chunk-record.js';
import type { StoreSchema } from './schema.js';
import { searchChunksBm25, type Bm25SearchInput } from './search-chunks-bm25.js';
import type { StoreDialect } from './store-dialect.js';

/**
 * Rows per statement: 12 parameters a row stays well under SQLite's 32,766 and Postgres's
 * 65,535 bound parameters.
 */
const BATCH_SIZE = 500;

/** A chunk's columns but its ingestion profile (about twice the text; only prompt assembly reads it). */
const RECORD_COLUMNS = ['id', 'tenant_id', 'collection_id', 'document_id', 'version', 'position', 'text', 'token_count', 'section', 'page', 'content_hash'] as const;

/** Chunks of document versions, and keyword search over the active ones. */
export class ChunksRepository {
  constructor(
    private readonly db: Kysely<StoreSchema>,
    readonly dialect: StoreDialect,
  ) {}

  /**
   * Inserts chunks, skipping any whose id (or document, version and position) is already
   * stored, so a retried ingestion step never duplicates. All or nothing. Returns how many
   * rows were new.
   */
  async insertVersionChunks(chunks: readonly ChunkRecord[]): Promise<number> {
    if (chunks.length === 0) {
      return 0;
    }
    return this.db.transaction().execute(async (transaction) => {
      let inserted = 0n;
      for (let start = 0; start < chunks.length; start += BATCH_SIZE) {
        const rows = chunks.slice(start, start + BATCH_SIZE).map(toChunkRow);
        const result = await transaction
          .insertInto('chunks')
          .values(rows)
          .onConflict((conflict) => conflict.doNothing())
          .executeTakeFirst();
        inserted += result.numInsertedOrUpdatedRows ?? 0n;
      }
      return Number(inserted);
    });
  }

  /**
   * The tenant's chunks with these ids, in the order asked, unknown ids left out. Another
   * tenant's chunk is never returned, even when its id is known. With `tokenProfiles`, each
   * record carries its ingestion profile when it has one.
   */
  async getByIds(tenantId: string, ids: readonly string[], options: { readonly tokenProfiles?: boolean } = {}): Promise<ChunkRecord[]> {
    const unique = [...new Set(ids)];
    const found = new Map<string, ChunkRecord>();
    const columns = options.tokenProfiles === true ? [...RECORD_COLUMNS, 'token_profile' as const] : RECORD_COLUMNS;
    for (let start = 0; start < unique.length; start += BATCH_SIZE) {
      const rows = await this.db
        .selectFrom('chunks')
        .select(columns)
        .where('tenant_id', '=', tenantId)
        .where('id', 'in', unique.slice(start, start + BATCH_SIZE))
        .execute();
      for (const row of rows) {
        found.set(row.id, toChunkRecord(row));
      }
    }
    return unique.flatMap((id) => found.get(id) ?? []);
  }

  /** Up to `limit` chunks of a version from `fromPosition` on, in order: the next batch to embed. */
  async listForEmbedding(documentId: string, version: number, fromPosition: number, limit: number): Promise<ChunkRecord[]> {
    const rows = await this.db
      .selectFrom('chunks')
      .select(RECORD_COLUMNS)
      .where('document_id', '=', documentId)
      .where('version', '=', version)
      .where('position', '>=', fromPosition)
      .orderBy('position')
      .limit(Math.max(0, Math.floor(limit)))
      .execute();
    return rows.map(toChunkRecord);
  }

  /** How many chunks a version has. */
  async countVersion(documentId: string, version: number): Promise<number> {
    const row = await this.db
      .selectFrom('chunks')
      .select((eb) => eb.fn.countAll().as('count'))
      .where('document_id', '=', documentId)
      .where('version', '=', version)
      .executeTakeFirstOrThrow();
    // Postgres returns count(*) as a bigint string.
    return Number(row.count);
  }

  /** Removes every version older than `version` (after `version` is activated). Returns rows removed. */
  async deleteVersionsBefore(documentId: string, version: number): Promise<number> {
    const result = await this.db.deleteFrom('chunks').where('document_id', '=', documentId).where('version', '<', version).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Removes one version's chunks, e.g. of a failed or superseded ingestion. Returns rows removed. */
  async deleteVersion(documentId: string, version: number): Promise<number> {
    const result = await this.db.deleteFrom('chunks').where('document_id', '=', documentId).where('version', '=', version).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Removes all chunks of a document. Returns rows removed. */
  async deleteDocument(documentId: string): Promise<number> {
    const result = await this.db.deleteFrom('chunks').where('document_id', '=', documentId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Keyword (BM25) search over active versions; see `searchChunksBm25`. */
  searchBm25(input: Bm25SearchInput): Promise<RetrievedChunkRef[]> {
    return searchChunksBm25(this.db, this.dialect, input);
  }
}
