import { ApplicationFailure, log, proxyActivities, uuid4, workflowInfo } from '@temporalio/workflow';
import type { EvalActivities, ObservabilityActivities } from '#activities';
import type { EvalDriftPolicy, EvalRunOutcome, EvalWorkflowInput, QueryResult } from '#libs/eval';

const { startEvalRun, finishEvalRun, failEvalRun, scoreEvalQuery, recordEvalDrift } = proxyActivities<EvalActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 10 },
});
// Waits for a query's chat workflow (whose own execution timeout bounds it); heartbeats meanwhile.
const { runEvalQuery } = proxyActivities<EvalActivities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '60 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 10 },
});
const { deliverAlertNotification } = proxyActivities<ObservabilityActivities>({
  startToCloseTimeout: '1 minute',
  // A webhook that is down is retried for about ten minutes, then the notification stays recorded as undelivered.
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes', maximumAttempts: 8 },
});

/**
 * One run of a golden-query suite (docs/eval.md). Every query runs through the real pipeline as
 * its own chat workflow (`eval-<run>-<query>`, multi-turn conversations included), `concurrency`
 * at a time, and is scored by an activity (facts, refusals, groundedness, citations, latency,
 * cost, rubrics by the configured judge). The results are summarized, compared with the
 * baseline, and stored with the JSON, Markdown and HTML reports. A scheduled run (`drift` set)
 * then raises or resolves the suite's drift alert.
 */
export async function evalWorkflow(input: EvalWorkflowInput): Promise<EvalRunOutcome> {
  const { suite, caller } = input;
  // A Schedule starts every run with the same input: each draws its own id (replay-safe).
  const runId = input.runId ?? uuid4().replaceAll('-', '');
  const startedAt = new Date(workflowInfo().startTime).toISOString();
  await startEvalRun({ runId, tenantId: caller.tenantId, suite: suite.suite, trigger: input.trigger, queries: suite.queries.length, createdAt: startedAt });
  try {
    const results: QueryResult[] = new Array<QueryResult>(suite.queries.length);
    let next = 0;
    const lane = async (): Promise<void> => {
      for (let index = next++; index < suite.queries.length; index = next++) {
        const query = suite.queries[index]!;
        const observation = await runEvalQuery({ runId, query, caller, startedAt, ...(input.model === undefined ? {} : { model: input.model }) });
        results[index] = await scoreEvalQuery({ runId, query, observation });
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(input.concurrency, suite.queries.length)) }, lane));
    const outcome = await finishEvalRun({
      runId,
      suite: { suite: suite.suite, thresholds: suite.thresholds, ...(suite.description === undefined ? {} : { description: suite.description }) },
      results,
      ...(input.baseline === undefined ? {} : { baseline: input.baseline }),
      startedAt,
    });
    if (input.drift !== undefined) await raiseDrift(outcome, input, input.drift, startedAt);
    return outcome;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.warn('eval run failed', { runId, error: message });
    await failEvalRun({ runId, error: message });
    throw ApplicationFailure.nonRetryable(`eval run ${runId} failed: ${message}`, 'EvalRunFailed');
  }
}

async function raiseDrift(outcome: EvalRunOutcome, input: EvalWorkflowInput, policy: EvalDriftPolicy, at: string): Promise<void> {
  const drift = await recordEvalDrift({
    runId: outcome.runId,
    suite: outcome.suite,
    tenantId: input.caller.tenantId,
    comparison: outcome.comparison,
    thresholds: input.suite.thresholds,
    drift: policy,
    at,
  });
  if (drift.notification === undefined) return;
  try {
    await deliverAlertNotification(drift.notification);
  } catch (error) {
    // The run is done whatever the webhook says: the alert is stored and shown in Ballast.
    log.warn('eval drift alert not delivered', { runId: outcome.runId, error: error instanceof Error ? error.message : String(error) });
  }
}
