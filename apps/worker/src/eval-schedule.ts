import { existsSync, readFileSync } from 'node:fs';
import { ScheduleOverlapPolicy, type Client, type ScheduleOptions } from '@temporalio/client';
import type { ResolvedConfig } from '#libs/config';
import { loadSuite, readBaseline, type EvalWorkflowInput } from '#libs/eval';
import { upsertSchedule } from './upsert-schedule.js';

/** One per namespace, shared by every worker. */
export const EVAL_SCHEDULE_ID = 'ballast-eval';

/**
 * The Schedule `eval.schedule` asks for: `evalWorkflow` on the configured suite, as its tenant,
 * on the configured model, raising the drift alert. The suite and the baseline are read now (a
 * bad file stops the worker's start with the file's problems) and carried in the action, so the
 * workers need not share files.
 */
export function evalSchedule(config: ResolvedConfig): ScheduleOptions | undefined {
  const schedule = config.eval.schedule;
  if (!schedule.enabled) return undefined;
  if (!existsSync(schedule.suite)) throw new Error(`eval.schedule.suite: no file '${schedule.suite}' (relative to ${process.cwd()})`);
  const suite = loadSuite(readFileSync(schedule.suite, 'utf8'), { path: schedule.suite });
  const besideSuite = schedule.suite.replace(/\.ya?ml$/i, '') + '.baseline.json';
  const baselinePath = schedule.baseline ?? (existsSync(besideSuite) ? besideSuite : undefined);
  if (baselinePath !== undefined && !existsSync(baselinePath)) throw new Error(`eval.schedule.baseline: no file '${baselinePath}'`);
  const baseline = baselinePath === undefined ? undefined : readBaseline(readFileSync(baselinePath, 'utf8'));
  const input: EvalWorkflowInput = {
    suite,
    caller: { tenantId: schedule.tenant, userId: 'eval-schedule', keyId: 'eval-schedule' },
    trigger: 'schedule',
    concurrency: config.eval.concurrency,
    drift: { webhooks: schedule.drift.webhooks, severity: schedule.drift.severity },
    // Only what the baseline comparison reads: the rest of a report would only weigh on history.
    ...(baseline === undefined ? {} : { baseline: { passRate: baseline.passRate, ...(baseline.meanGroundedness === undefined ? {} : { meanGroundedness: baseline.meanGroundedness }), ...(baseline.passedIds ? { passedIds: [...baseline.passedIds] } : {}) } }),
    ...(schedule.model === undefined ? {} : { model: schedule.model }),
  };
  return {
    scheduleId: EVAL_SCHEDULE_ID,
    spec: { cronExpressions: [schedule.cron] },
    action: { type: 'startWorkflow', workflowType: 'evalWorkflow', taskQueue: config.temporal.taskQueue, args: [input], workflowId: `${EVAL_SCHEDULE_ID}-run` },
    // A run still going when the next is due makes the next one wait its turn, not pile up.
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 hour' },
    memo: { summary: `eval suite ${suite.suite} (${suite.queries.length} queries) on ${schedule.cron}` },
  };
}

/** Creates or updates the eval Schedule to match the configuration, or deletes it when turned off. Safe from every worker. */
export async function ensureEvalSchedule(client: Client, config: ResolvedConfig): Promise<void> {
  await upsertSchedule(client, EVAL_SCHEDULE_ID, evalSchedule(config));
}
