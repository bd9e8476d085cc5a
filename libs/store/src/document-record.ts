import type { Selectable } from 'kysely';
import type { DocumentStatus, SupportedMediaType } from '#libs/contracts';
import type { DocumentsTable } from './schema.js';

/** A document as the store keeps it. */
export interface DocumentRecord {
  readonly id: string;
  readonly tenantId: string;
  readonly collectionId: string;
  readonly title: string;
  readonly mediaType: SupportedMediaType;
  /** File name or URL it was uploaded from; a re-upload under the same name replaces it. */
  readonly sourceName?: string;
  /** sha256 of the latest version's bytes (also its blob id). */
  readonly contentHash?: string;
  /** Highest version begun; 0 until `beginVersion` is first called. */
  readonly latestVersion: number;
  /** Version that search and citations read; absent until a version is activated. */
  readonly activeVersion?: number;
  /** State of the latest version's ingestion, or of the document's deletion. */
  readonly status: DocumentStatus;
  readonly chunksTotal: number;
  readonly chunksEmbedded: number;
  /** Why the latest version failed. */
  readonly error?: string;
  /** Size of the latest version's upload. */
  readonly bytes: number;
  /** Page count for paged formats (PDF). */
  readonly pages?: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Maps a `documents` row to its record; null columns become absent fields. */
export function toDocumentRecord(row: Selectable<DocumentsTable>): DocumentRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    collectionId: row.collection_id,
    title: row.title,
    mediaType: row.media_type,
    ...(row.source_name === null ? {} : { sourceName: row.source_name }),
    ...(row.content_hash === null ? {} : { contentHash: row.content_hash }),
    latestVersion: row.latest_version,
    ...(row.active_version === null ? {} : { activeVersion: row.active_version }),
    status: row.status,
    chunksTotal: row.chunks_total,
    chunksEmbedded: row.chunks_embedded,
    ...(row.error === null ? {} : { error: row.error }),
    bytes: row.bytes,
    ...(row.pages === null ? {} : { pages: row.pages }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
