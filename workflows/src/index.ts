export { chatWorkflow } from './chat.workflow.js';
export { deleteDocumentWorkflow } from './delete-document.workflow.js';
export { ingestDocumentWorkflow } from './ingest-document.workflow.js';
export { summarizeInputWorkflow } from './summarize-input.workflow.js';
export { awaitChatResultUpdate, attemptRecordedSignal, cancelBatchSignal, chatProgressQuery, ingestProgressQuery } from './messages.js';
export { batchWorkflow } from './batch.workflow.js';
export { evaluateAlertsWorkflow, type AlertRoundResult } from './evaluate-alerts.workflow.js';
export { weeklyReviewWorkflow } from './weekly-review.workflow.js';
export { evalWorkflow } from './eval.workflow.js';
