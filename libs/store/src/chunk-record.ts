import type { Selectable } from 'kysely';
import type { ChunksTable } from './schema.js';

/** One chunk of one version of a document. */
export interface ChunkRecord {
  /** Deterministic, from (document, version, position, content hash): a re-run never duplicates. */
  readonly id: string;
  readonly tenantId: string;
  readonly collectionId: string;
  readonly documentId: string;
  readonly version: number;
  /** 0-based order within the version. */
  readonly position: number;
  readonly text: string;
  readonly tokenCount: number;
  /** Heading path the chunk sits under, e.g. `Setup > Install`. */
  readonly section?: string;
  /** 1-based page for paged formats. */
  readonly page?: number;
  readonly contentHash: string;
  /**
   * The chunk's ingestion profile (`profileChunk` of `#libs/context`: token counts in o200k_base
   * and cl100k_base and the analysis compression reads), opaque to the store. Absent for chunks
   * stored before profiles were recorded, and when not asked for (`getByIds`).
   */
  readonly tokenProfile?: string;
}

/** Maps a `chunks` row to its record; null columns become absent fields, and so does an unselected profile. */
export function toChunkRecord(row: Omit<Selectable<ChunksTable>, 'token_profile'> & { readonly token_profile?: string | null }): ChunkRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    collectionId: row.collection_id,
    documentId: row.document_id,
    version: row.version,
    position: row.position,
    text: row.text,
    tokenCount: row.token_count,
    ...(row.section === null ? {} : { section: row.section }),
    ...(row.page === null ? {} : { page: row.page }),
    contentHash: row.content_hash,
    ...(row.token_profile === undefined || row.token_profile === null ? {} : { tokenProfile: row.token_profile }),
  };
}

/** Maps a record to its `chunks` row. */
export function toChunkRow(chunk: ChunkRecord): ChunksTable {
  return {
    id: chunk.id,
    tenant_id: chunk.tenantId,
    collection_id: chunk.collectionId,
    document_id: chunk.documentId,
    version: chunk.version,
    position: chunk.position,
    text: chunk.text,
    token_count: chunk.tokenCount,
    section: chunk.section ?? null,
    page: chunk.page ?? null,
    content_hash: chunk.contentHash,
    token_profile: chunk.tokenProfile ?? null,
  };
}
