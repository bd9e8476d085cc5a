/** The task queue chat workflows and their short steps run on. */
export const CHAT_TASK_QUEUE = 'ballast-chat';

/** Workflow id for a request: one request id, one workflow, whatever the retries. */
export function chatWorkflowId(requestId: string): string {
  return `chat-${requestId}`;
}
