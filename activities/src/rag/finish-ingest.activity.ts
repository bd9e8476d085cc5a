import type { RagDependencies } from './rag-dependencies.js';

export interface VersionRef {
  readonly tenantId: string;
  readonly collectionId: string;
  readonly documentId: string;
  readonly version: number;
}

/** Makes a fully embedded version the one readers see, in one statement; then drops older versions. */
export function createActivateDocumentVersion(dependencies: RagDependencies) {
  return async function activateDocumentVersion(input: VersionRef): Promise<{ activated: boolean }> {
    const activated = await dependencies.documents.activateVersion(input.documentId, input.version);
    if (activated) await removeOlderVersions(dependencies, input);
    return { activated };
  };
}

/** Records why ingestion stopped; the previous version (if any) stays readable. */
export function createMarkDocumentFailed(dependencies: RagDependencies) {
  return async function markDocumentFailed(input: VersionRef & { error: string }): Promise<void> {
    await dependencies.documents.markFailed(input.documentId, input.version, input.error);
    await dependencies.chunks.deleteVersion(input.documentId, input.version);
  };
}

/** Removes a document's vectors and chunks, then marks it deleted. Safe to repeat. */
export function createDeleteDocumentData(dependencies: RagDependencies) {
  return async function deleteDocumentData(input: Omit<VersionRef, 'version'>): Promise<void> {
    const collection = await dependencies.collections.get(input.tenantId, input.collectionId);
    if (collection) {
      const space = dependencies.embeddings.spaceFor(collection.embeddingModel, collection.dimensions);
      await dependencies.vectors.ensureSpace({ name: space, dimensions: collection.dimensions });
      await dependencies.vectors.deleteByDocument(space, { tenantId: input.tenantId, documentId: input.documentId });
    }
    await dependencies.chunks.deleteDocument(input.documentId);
    await dependencies.documents.markDeleted(input.documentId);
  };
}

async function removeOlderVersions(dependencies: RagDependencies, input: VersionRef): Promise<void> {
  const collection = await dependencies.collections.get(input.tenantId, input.collectionId);
  if (collection) {
    const space = dependencies.embeddings.spaceFor(collection.embeddingModel, collection.dimensions);
    await dependencies.vectors.deleteByDocument(space, { tenantId: input.tenantId, documentId: input.documentId, versionsBelow: input.version });
  }
  await dependencies.chunks.deleteVersionsBefore(input.documentId, input.version);
}
