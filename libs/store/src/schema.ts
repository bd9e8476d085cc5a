import type { DocumentStatus, SupportedMediaType } from '#libs/contracts';

/**
 * Tables as Kysely sees them (snake_case, as stored). Columns the database fills itself
 * (SQLite's `seq` rowid alias, Postgres's generated `text_search`) are left out: only raw
 * search SQL touches them. Timestamps are ISO-8601 UTC strings in both dialects, so they
 * compare and sort the same way everywhere.
 */
export interface StoreSchema {
  collections: CollectionsTable;
  documents: DocumentsTable;
  chunks: ChunksTable;
}

/** A tenant's named set of documents embedded with one model. */
export interface CollectionsTable {
  id: string;
  tenant_id: string;
  name: string;
  embedding_model: string;
  dimensions: number;
  /** `ChunkingSettings` as JSON text. */
  chunking: string;
  created_at: string;
}

/** One document; its rows of `chunks` exist per version. */
export interface DocumentsTable {
  id: string;
  tenant_id: string;
  collection_id: string;
  title: string;
  media_type: SupportedMediaType;
  source_name: string | null;
  content_hash: string | null;
  /** Highest version begun; 0 before the first upload's version is begun. */
  latest_version: number;
  /** Version readers see; null until a version has been activated. */
  active_version: number | null;
  /** State of the latest version's ingestion (or of the document's deletion). */
  status: DocumentStatus;
  chunks_total: number;
  chunks_embedded: number;
  error: string | null;
  bytes: number;
  pages: number | null;
  created_at: string;
  updated_at: string;
}

/** One chunk of one version of a document. Rows never change after insert. */
export interface ChunksTable {
  id: string;
  tenant_id: string;
  collection_id: string;
  document_id: string;
  version: number;
  position: number;
  text: string;
  token_count: number;
  section: string | null;
  page: number | null;
  content_hash: string;
}
