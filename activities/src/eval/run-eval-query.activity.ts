import { Context } from '@temporalio/activity';
import { WorkflowFailedError, type Client } from '@temporalio/client';
import type { ChatRequest, ChatResult, ChatWorkflowInput } from '#libs/contracts';
import { chatFailureOf } from '../chat/chat-failure-of.js';
import { evalQueryWorkflowId, type Observation, type RunEvalQueryInput } from '#libs/eval';

export interface RunEvalQueryDependencies {
  readonly client: Client;
  readonly taskQueue: string;
  /** Retry, timeouts and call mode every query's chat workflow runs with (as the API's). */
  readonly chatSettings: Omit<ChatWorkflowInput, 'request'>;
  /** Longest one query's chat workflow may run; past it the query is scored as an error. */
  readonly queryTimeoutMs: number;
}

/** Top-k of a query's retrieval: what the API uses when a request names collections. */
const TOP_K = 5;

/**
 * Runs one golden query through the real pipeline: an ordinary chat workflow (routing,
 * retrieval, validation, retries, budgets), with the id `eval-<run>-<query>` so a retried
 * activity joins the workflow it started instead of asking (and paying) again. Latency is the
 * chat workflow's own start-to-close time, the same on a retry. A failed request is returned as
 * the observation's error (the query is scored `error`), never thrown.
 */
export function createRunEvalQuery(dependencies: RunEvalQueryDependencies) {
  return async function runEvalQuery(input: RunEvalQueryInput): Promise<Observation> {
    const context = Context.current();
    const heartbeat = setInterval(() => context.heartbeat(), 5_000);
    try {
      return await observe(dependencies, input);
    } finally {
      clearInterval(heartbeat);
    }
  };
}

async function observe(dependencies: RunEvalQueryDependencies, input: RunEvalQueryInput): Promise<Observation> {
  const { query } = input;
  const workflowId = evalQueryWorkflowId(input.runId, query.id);
  const collections = query.collections ?? [];
  const request: ChatRequest = {
    requestId: workflowId,
    model: input.model ?? query.model ?? 'auto',
    messages: query.messages,
    settings: {},
    caller: input.caller,
    receivedAt: input.startedAt,
    ...(collections.length > 0 ? { retrieval: { collections, topK: TOP_K, hybrid: true } } : {}),
  };
  const handle = await dependencies.client.workflow.start('chatWorkflow', {
    taskQueue: dependencies.taskQueue,
    workflowId,
    args: [{ ...dependencies.chatSettings, request } satisfies ChatWorkflowInput],
    workflowExecutionTimeout: dependencies.queryTimeoutMs,
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
  let result: ChatResult;
  try {
    result = (await handle.result()) as ChatResult;
  } catch (error) {
    // Only the query's own failure is its result; Temporal unreachable is retried by the activity.
    if (!(error instanceof WorkflowFailedError)) throw error;
    return { answer: '', citations: 0, latencyMs: await latencyOf(handle), costUsd: 0, error: chatFailureOf(error) };
  }
  return {
    answer: result.response.content,
    // The sources the answer was grounded in, as `ballast.citations` reports them to the caller.
    citations: result.citations.map((citation) => ({ index: citation.index })),
    latencyMs: await latencyOf(handle),
    costUsd: result.costUsd,
    route: result.route,
    model: result.response.model,
    ...(result.validation ? { groundedness: result.validation.groundedness } : {}),
  };
}

async function latencyOf(handle: { describe(): Promise<{ startTime: Date; closeTime?: Date | undefined }> }): Promise<number> {
  const description = await handle.describe();
  // A closed workflow has a close time; the clock stands in should the server not say.
  return (description.closeTime ?? new Date()).getTime() - description.startTime.getTime();
}
