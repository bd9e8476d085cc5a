import type { Client } from '@temporalio/client';

/** temporal.api.enums.v1.PendingActivityState.PENDING_ACTIVITY_STATE_STARTED */
const PENDING_ACTIVITY_STARTED = 2;

/** Polls `check` every 50 ms until it answers true; throws `what` after `timeoutMs`. */
export async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 50));
  }
  throw new Error(`not reached within ${timeoutMs} ms: ${what}`);
}

/** How many running chat workflows have a `callModel` activity started on a worker right now. */
export async function startedModelCalls(client: Client): Promise<number> {
  let started = 0;
  for await (const execution of client.workflow.list({ query: `WorkflowType = "chatWorkflow" AND ExecutionStatus = "Running"` })) {
    const described = await client.workflow.getHandle(execution.workflowId).describe();
    if ((described.raw.pendingActivities ?? []).some((activity) => activity.activityType?.name === 'callModel' && Number(activity.state) === PENDING_ACTIVITY_STARTED)) started++;
  }
  return started;
}
