import { problem, ProblemError } from '../problems/problem-error.js';

/**
 * The API stopped waiting for a cacheable request's shared workflow. It goes on; asking again
 * with the same request joins it while it runs and is served from the cache once it is done.
 */
export function cachedChatTimeoutProblem(requestId: string, workflowId: string, waitedMs: number, temporalUiUrl: string): ProblemError {
  return new ProblemError(
    problem(
      'answer-timeout',
      504,
      'Answer Not Ready In Time',
      `No answer within ${waitedMs} ms. The request goes on as workflow ${workflowId}, shared by identical requests: send the same request again to wait for it (a finished answer is served from the cache).`,
      { request_id: requestId, workflow_id: workflowId, temporal_ui_url: temporalUiUrl },
    ),
    { 'x-ballast-request-id': requestId },
  );
}
