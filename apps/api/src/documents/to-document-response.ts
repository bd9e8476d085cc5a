import type { DocumentRecord } from '#libs/store';

export function toDocumentResponse(document: DocumentRecord) {
  return {
    id: document.id,
    object: 'document' as const,
    collection_id: document.collectionId,
    title: document.title,
    media_type: document.mediaType,
    source_name: document.sourceName ?? null,
    status: document.status,
    latest_version: document.latestVersion,
    active_version: document.activeVersion ?? null,
    progress: { chunks_embedded: document.chunksEmbedded, chunks_total: document.chunksTotal },
    bytes: document.bytes,
    pages: document.pages ?? null,
    error: document.error ?? null,
    created_at: document.createdAt,
    updated_at: document.updatedAt,
  };
}
