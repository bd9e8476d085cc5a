export { chatWorkflow } from './chat.workflow.js';
export { awaitChatResultUpdate, attemptRecordedSignal, chatProgressQuery } from './messages.js';
