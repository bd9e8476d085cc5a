import { proxyActivities } from '@temporalio/workflow';
import type { ChatActivities } from '#activities';

const { deleteDocumentData } = proxyActivities<ChatActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** Removes a document's vectors and chunks durably; the API already hid it from readers. */
export async function deleteDocumentWorkflow(input: { tenantId: string; collectionId: string; documentId: string }): Promise<void> {
  await deleteDocumentData(input);
}
