import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { Caller, IngestDocumentInput } from '#libs/contracts';
import { detectMediaType, DocumentParseError, parseDocument, UnsupportedMediaTypeError } from '#libs/rag';
import { BlobTooLargeError, InvalidCursorError } from '#libs/store';
import type { deleteDocumentWorkflow, ingestDocumentWorkflow } from '#workflows';
import { AppSettings } from '../app-settings.js';
import { CollectionsService } from '../collections/collections.service.js';
import { problem, ProblemError } from '../problems/problem-error.js';
import { RagRuntimeRef } from '../rag-runtime-ref.js';
import { toDocumentResponse } from './to-document-response.js';

/** An upload as the controller received it. */
export interface DocumentUpload {
  readonly bytes: Buffer;
  readonly fileName?: string | undefined;
  readonly declaredType?: string | undefined;
  readonly title?: string | undefined;
  readonly sourceName?: string | undefined;
}

/**
 * Accepts documents: checks the type (415) and that it parses (422) before anything is
 * written, stores the bytes, opens a new version and starts its ingestion workflow.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly settings: AppSettings,
    private readonly rag: RagRuntimeRef,
    private readonly collections: CollectionsService,
    private readonly client: Client,
  ) {}

  async upload(collectionRef: string, upload: DocumentUpload, caller: Caller) {
    const collection = await this.collections.get(collectionRef, caller);
    const { runtime } = this.rag;
    let mediaType;
    try {
      mediaType = detectMediaType(upload.fileName, upload.declaredType, upload.bytes);
    } catch (error) {
      if (UnsupportedMediaTypeError.isInstance(error)) throw new ProblemError(problem('unsupported-media-type', 415, 'Unsupported Media Type', error.message));
      throw error;
    }
    let parsed;
    try {
      parsed = await parseDocument({ bytes: upload.bytes, mediaType, ...(upload.fileName ? { fileName: upload.fileName } : {}) });
    } catch (error) {
      if (DocumentParseError.isInstance(error)) throw new ProblemError(problem('unparseable-document', 422, 'Document Cannot Be Read', error.message));
      throw error;
    }
    let blob;
    try {
      blob = await runtime.blobs.put(upload.bytes, { maxBytes: this.settings.config.documents.maxBytes });
    } catch (error) {
      if (BlobTooLargeError.isInstance(error)) throw tooLarge(this.settings.config.documents.maxBytes);
      throw error;
    }
    const title = upload.title ?? parsed.title ?? upload.fileName ?? 'Untitled';
    const existing = upload.sourceName ? await runtime.documents.findBySourceName(caller.tenantId, collection.id, upload.sourceName) : undefined;
    if (existing && existing.contentHash === blob.blobId && existing.status !== 'failed' && existing.status !== 'deleted' && existing.status !== 'deleting') {
      return { status: 200, body: { ...toDocumentResponse(existing), unchanged: true } };
    }
    const document =
      existing && existing.status !== 'deleted' && existing.status !== 'deleting'
        ? existing
        : await runtime.documents.create({ tenantId: caller.tenantId, collectionId: collection.id, title, mediaType, ...(upload.sourceName ? { sourceName: upload.sourceName } : {}) });
    const version = await runtime.documents.beginVersion(caller.tenantId, collection.id, document.id, { title, mediaType, contentHash: blob.blobId, bytes: blob.bytes });
    const input: IngestDocumentInput = {
      tenantId: caller.tenantId,
      collectionId: collection.id,
      documentId: document.id,
      version,
      blobId: blob.blobId,
      mediaType,
      batchSize: this.settings.config.documents.embedBatchSize,
    };
    const workflowId = `ingest-${document.id}-v${version}`;
    await this.client.workflow.start<typeof ingestDocumentWorkflow>('ingestDocumentWorkflow', {
      workflowId,
      taskQueue: this.settings.config.temporal.taskQueue,
      args: [input],
      staticSummary: `ingest ${title} (v${version}) into ${collection.name}`,
      typedSearchAttributes: [],
    });
    const stored = await runtime.documents.get(caller.tenantId, document.id);
    return { status: 202, body: { ...toDocumentResponse(stored ?? document), version, workflow_id: workflowId, temporal_ui_url: this.settings.temporalUiLink(workflowId) } };
  }

  async get(collectionRef: string, documentId: string, caller: Caller) {
    const collection = await this.collections.get(collectionRef, caller);
    const document = await this.rag.runtime.documents.get(caller.tenantId, documentId);
    if (!document || document.collectionId !== collection.id || document.status === 'deleted') throw documentNotFound(documentId);
    return toDocumentResponse(document);
  }

  async list(collectionRef: string, caller: Caller, page: { limit?: number | undefined; cursor?: string | undefined }) {
    const collection = await this.collections.get(collectionRef, caller);
    try {
      const result = await this.rag.runtime.documents.list(caller.tenantId, collection.id, { ...page, status: ['queued', 'parsing', 'embedding', 'ready', 'failed', 'deleting'] });
      return { object: 'list' as const, data: result.items.map(toDocumentResponse), next_cursor: result.nextCursor ?? null };
    } catch (error) {
      if (InvalidCursorError.isInstance(error)) throw new ProblemError(problem('invalid-cursor', 400, 'Invalid Cursor', 'The cursor is not one this API returned; start again without it.'));
      throw error;
    }
  }

  async remove(collectionRef: string, documentId: string, caller: Caller) {
    const collection = await this.collections.get(collectionRef, caller);
    const current = await this.rag.runtime.documents.get(caller.tenantId, documentId);
    if (!current || current.collectionId !== collection.id || current.status === 'deleted') throw documentNotFound(documentId);
    // Hidden from retrieval at once; the workflow removes vectors and chunks durably.
    const document = await this.rag.runtime.documents.markDeleting(caller.tenantId, documentId);
    const workflowId = `delete-${documentId}`;
    await this.client.workflow.start<typeof deleteDocumentWorkflow>('deleteDocumentWorkflow', {
      workflowId,
      taskQueue: this.settings.config.temporal.taskQueue,
      args: [{ tenantId: caller.tenantId, collectionId: collection.id, documentId }],
      workflowIdConflictPolicy: 'USE_EXISTING',
      staticSummary: `delete document ${documentId} from ${collection.name}`,
    });
    return { ...toDocumentResponse(document ?? current), status: 'deleting' as const, workflow_id: workflowId };
  }
}

function documentNotFound(documentId: string): ProblemError {
  return new ProblemError(problem('document-not-found', 404, 'Document Not Found', `No document ${documentId} in this collection for this API key's tenant.`));
}

export function tooLarge(maxBytes: number): ProblemError {
  return new ProblemError(problem('document-too-large', 413, 'Document Too Large', `Documents may be at most ${maxBytes} bytes (documents.maxBytes / BALLAST_DOCUMENT_MAX_BYTES).`));
}
