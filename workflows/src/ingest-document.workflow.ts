import { ActivityFailure, ApplicationFailure, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { IngestDocumentInput, IngestProgress } from '#libs/contracts';
import type { ChatActivities } from '#activities';
import { ingestProgressQuery } from './messages.js';

const DEFAULT_BATCH = 64;

const { parseDocument, embedChunks } = proxyActivities<ChatActivities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '60 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', nonRetryableErrorTypes: ['document-parse-error', 'unknown-collection', 'bad-request', 'auth'] },
});
const { activateDocumentVersion, markDocumentFailed } = proxyActivities<ChatActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/**
 * Ingests one version of a document: parse and chunk (chunks stored by the activity, only
 * counts in history), embed in batches, then activate the version in one step so readers
 * never see a half-updated document, and drop the old version. Continues as new on long
 * documents; a crash resumes at the first batch not yet embedded.
 */
export async function ingestDocumentWorkflow(input: IngestDocumentInput): Promise<IngestProgress> {
  const batchSize = input.batchSize ?? DEFAULT_BATCH;
  let progress: IngestProgress = { documentId: input.documentId, version: input.version, status: 'parsing', chunksTotal: 0, chunksEmbedded: input.resumeFrom ?? 0 };
  setHandler(ingestProgressQuery, () => progress);
  const ref = { tenantId: input.tenantId, collectionId: input.collectionId, documentId: input.documentId, version: input.version };

  try {
    // Parsing is idempotent (deterministic chunk ids), so a continued run repeats it cheaply to learn the count.
    const { chunksTotal } = await parseDocument.executeWithOptions(
      { summary: `parse ${input.mediaType} and chunk`, startToCloseTimeout: '10 minutes', heartbeatTimeout: '60 seconds', retry: { nonRetryableErrorTypes: ['document-parse-error', 'unknown-collection'] } },
      [input],
    );
    progress = { ...progress, status: 'embedding', chunksTotal };
    for (let from = input.resumeFrom ?? 0; from < chunksTotal; from += batchSize) {
      const to = Math.min(chunksTotal, from + batchSize);
      await embedChunks.executeWithOptions(
        { summary: `embed chunks ${from + 1}–${to} of ${chunksTotal}`, startToCloseTimeout: '10 minutes', heartbeatTimeout: '60 seconds' },
        [{ ...ref, fromPosition: from, limit: batchSize }],
      );
      progress = { ...progress, chunksEmbedded: to };
      if (to < chunksTotal && workflowInfo().continueAsNewSuggested) {
        await continueAsNew<typeof ingestDocumentWorkflow>({ ...input, resumeFrom: to });
      }
    }
    await activateDocumentVersion(ref);
    progress = { ...progress, status: 'ready' };
    return progress;
  } catch (error) {
    const cause = error instanceof ActivityFailure ? error.cause : error;
    const message = cause instanceof Error ? cause.message : String(cause);
    await markDocumentFailed({ ...ref, error: message });
    progress = { ...progress, status: 'failed', error: message };
    throw ApplicationFailure.nonRetryable(`Ingestion of document ${input.documentId} v${input.version} failed: ${message}`, 'IngestFailure', progress);
  }
}
