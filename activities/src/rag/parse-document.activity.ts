import { ApplicationFailure, Context } from '@temporalio/activity';
import type { IngestDocumentInput } from '#libs/contracts';
import { profileChunk, Vocabulary } from '#libs/context';
import { chunkDocument, chunkId, DocumentParseError, loadTokenizer, parseDocument as parse } from '#libs/rag';
import type { ChunkRecord } from '#libs/store';
import type { RagDependencies } from './rag-dependencies.js';

/** How many chunks a parse step writes per statement (keeps transactions short). */
const INSERT_BATCH = 500;

/**
 * Reads the uploaded bytes from the blob store, parses and chunks them, and stores the chunks
 * of this version, each with its token profile (counts in o200k_base and cl100k_base and the
 * analysis compression reads, `profileChunk`) so a request that retrieves it neither counts nor
 * analyses it again. Idempotent: chunk ids are derived from (document, version, position,
 * content), so a retry after a crash inserts nothing twice. Returns counts only — text stays out
 * of history.
 */
export function createParseDocument(dependencies: RagDependencies) {
  return async function parseDocument(input: IngestDocumentInput): Promise<{ chunksTotal: number; pages: number | undefined }> {
    const collection = await dependencies.collections.get(input.tenantId, input.collectionId);
    if (!collection) throw ApplicationFailure.nonRetryable(`collection ${input.collectionId} no longer exists`, 'unknown-collection');
    await dependencies.documents.setProgress(input.documentId, input.version, { status: 'parsing' });
    const bytes = await dependencies.blobs.get(input.blobId);
    let parsed;
    try {
      parsed = await parse({ bytes, mediaType: input.mediaType });
    } catch (error) {
      if (DocumentParseError.isInstance(error)) throw ApplicationFailure.nonRetryable(error.message, 'document-parse-error');
      throw error;
    }
    Context.current().heartbeat();
    const pieces = chunkDocument(parsed, collection.chunking, await loadTokenizer());
    const profileTokenizers = await Promise.all([loadTokenizer('o200k_base'), loadTokenizer('cl100k_base')]);
    // One vocabulary for the document: a word is stemmed and classified once, not in every chunk.
    const vocabulary = new Vocabulary();
    const records: ChunkRecord[] = pieces.map((piece) => ({
      id: chunkId(input.documentId, input.version, piece.position, piece.contentHash),
      tenantId: input.tenantId,
      collectionId: input.collectionId,
      documentId: input.documentId,
      version: input.version,
      position: piece.position,
      text: piece.text,
      tokenCount: piece.tokenCount,
      contentHash: piece.contentHash,
      ...(piece.section ? { section: piece.section } : {}),
      ...(piece.page !== undefined ? { page: piece.page } : {}),
    }));
    for (let start = 0; start < records.length; start += INSERT_BATCH) {
      const batch = records.slice(start, start + INSERT_BATCH).map((record) => ({ ...record, tokenProfile: profileChunk(record.text, profileTokenizers, vocabulary) }));
      Context.current().heartbeat();
      await dependencies.chunks.insertVersionChunks(batch);
      Context.current().heartbeat();
    }
    await dependencies.documents.setProgress(input.documentId, input.version, {
      status: 'embedding',
      chunksTotal: records.length,
      ...(parsed.pages !== undefined ? { pages: parsed.pages } : {}),
    });
    return { chunksTotal: records.length, pages: parsed.pages };
  };
}
