import type { Citation } from '#libs/contracts';
import type { ChunksRepository, DocumentsRepository } from '#libs/store';
import type { LoadedSource, SourceLoader } from './source-loader.js';

/** Loads retrieved chunks (tenant-checked by the repository), with their ingestion profiles, and numbers them for the prompt. */
export function createSourceLoader(dependencies: { chunks: ChunksRepository; documents: DocumentsRepository }): SourceLoader {
  return async (tenantId, refs) => {
    const rows = await dependencies.chunks.getByIds(tenantId, refs.map((ref) => ref.chunkId), { tokenProfiles: true });
    const rowsById = new Map(rows.map((row) => [row.id, row]));
    const titles = new Map<string, string>();
    for (const documentId of new Set(rows.map((row) => row.documentId))) {
      titles.set(documentId, (await dependencies.documents.get(tenantId, documentId))?.title ?? documentId);
    }
    const sources: LoadedSource[] = [];
    const citations: Citation[] = [];
    for (const ref of refs) {
      const row = rowsById.get(ref.chunkId);
      if (!row) continue;
      const index = sources.length + 1;
      const title = titles.get(row.documentId) ?? row.documentId;
      sources.push({
        index,
        title,
        text: row.text,
        ...(row.section ? { section: row.section } : {}),
        ...(row.page !== undefined ? { page: row.page } : {}),
        ...(row.tokenProfile !== undefined ? { tokenProfile: row.tokenProfile } : {}),
      });
      citations.push({
        index,
        documentId: row.documentId,
        collectionId: row.collectionId,
        title,
        chunkId: row.id,
        score: ref.score,
        ...(row.section ? { section: row.section } : {}),
        ...(row.page !== undefined ? { page: row.page } : {}),
      });
    }
    return { sources, citations };
  };
}
