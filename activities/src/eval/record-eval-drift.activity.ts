import type { BaselineComparison, EvalDriftPolicy, EvalThresholds } from '#libs/eval';
import type { AlertsRepository } from '#libs/store';
import { driftReasons } from './drift-reasons.js';

export interface RecordEvalDriftDependencies {
  readonly alerts: Pick<AlertsRepository, 'states' | 'saveState' | 'insertEvent'>;
  /** `observability.dashboardUrl`, linked from the notification. */
  readonly dashboardUrl?: string;
}

export interface RecordEvalDriftInput {
  readonly runId: string;
  readonly suite: string;
  readonly tenantId: string;
  readonly comparison: BaselineComparison;
  readonly thresholds: EvalThresholds;
  readonly drift: EvalDriftPolicy;
  /** ISO time the run started: when the alert fired or resolved. */
  readonly at: string;
}

/** The stored state of a suite's drift alert. */
interface DriftState {
  readonly status: 'firing' | 'ok';
  readonly since: string;
  readonly runId: string;
}

export const EVAL_DRIFT_KIND = 'eval-drift';

/**
 * The drift alert of a scheduled suite, kept like every other alert (state per suite, an event
 * per notification, shown by `GET /v1/alerts` and the dashboard): it fires when the run's pass
 * rate or mean groundedness fell below the baseline by more than `maxRegression`, and resolves
 * at the first run that is back within the bound. Answers the id of the notification to
 * deliver, if any. Idempotent: the event id is derived from the suite and the run.
 */
export function createRecordEvalDrift(dependencies: RecordEvalDriftDependencies) {
  return async function recordEvalDrift(input: RecordEvalDriftInput): Promise<{ notification?: string; reasons: string[] }> {
    const key = `${EVAL_DRIFT_KIND}:${input.suite}`;
    const previous = (await dependencies.alerts.states<DriftState>({ tenantId: input.tenantId })).find((state) => state.key === key);
    const reasons = driftReasons(input.comparison, input.thresholds);
    const firing = reasons.length > 0;
    const wasFiring = previous?.state.status === 'firing';
    const since = firing && wasFiring ? (previous?.state.since ?? input.at) : input.at;
    const identity = { key, rule: EVAL_DRIFT_KIND, kind: EVAL_DRIFT_KIND, severity: input.drift.severity, subject: input.suite, tenantId: input.tenantId };
    await dependencies.alerts.saveState<DriftState>({ ...identity, status: firing ? 'firing' : 'ok', state: { status: firing ? 'firing' : 'ok', since, runId: input.runId }, updatedAt: input.at });
    // Notified when it starts firing and when it resolves; a run that stays in drift adds nothing.
    if (firing === wasFiring) return { reasons };
    const notification = firing ? 'firing' : 'resolved';
    const summary = firing
      ? `eval drift: suite ${input.suite} (run ${input.runId}): ${reasons.join('; ')}`
      : `eval drift resolved: suite ${input.suite} is back within ${input.thresholds.maxRegression} of its baseline (run ${input.runId})`;
    const id = `${key}/${notification}/${input.runId}`;
    const body = {
      text: `${firing ? ':large_orange_circle:' : ':white_check_mark: resolved'} [${input.drift.severity}] ${summary}`,
      ballast: {
        notification,
        rule: EVAL_DRIFT_KIND,
        kind: EVAL_DRIFT_KIND,
        severity: input.drift.severity,
        status: firing ? 'firing' : 'resolved',
        subject: input.suite,
        tenant: input.tenantId,
        runId: input.runId,
        passRate: input.comparison.passRate,
        meanGroundedness: input.comparison.meanGroundedness,
        since,
        at: input.at,
        summary,
        ...(dependencies.dashboardUrl === undefined ? {} : { dashboardUrl: dependencies.dashboardUrl }),
      },
    };
    await dependencies.alerts.insertEvent({ ...identity, id, notification, summary, payload: { webhooks: input.drift.webhooks, body }, deliveries: [], createdAt: input.at });
    return { notification: id, reasons };
  };
}
