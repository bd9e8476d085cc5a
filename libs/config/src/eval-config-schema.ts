import { z } from 'zod';

const positiveInt = z.number().int().positive();

/** The model that grades `llm-rubric` assertions; absent: rubric assertions are reported as skipped, never passed. */
export const EvalJudgeConfigSchema = z.strictObject({
  /** A configured model or route name; its first target answers. */
  model: z.string().min(1, 'name a configured model or route'),
  /** Longest one grading call may take. */
  timeoutMs: positiveInt.default(30_000),
});

/** Five cron fields (minute hour day-of-month month day-of-week), as Temporal Schedules read them. */
const cron = z.string().regex(/^\S+( \S+){4}$/, 'use five cron fields, e.g. "0 5 * * *" (daily at 05:00 UTC)');

/**
 * A Temporal Schedule (`ballast-eval`) that runs a suite against the configured models, and the
 * drift alert it raises when a run's scores fall below the baseline by more than the suite's
 * `thresholds.maxRegression`.
 */
export const EvalScheduleConfigSchema = z.strictObject({
  enabled: z.boolean().default(false),
  /** When it runs (UTC); default daily at 05:00. */
  cron: cron.default('0 5 * * *'),
  /** The suite file, read when the worker starts (relative to its working directory). */
  suite: z.string().min(1).default('demo/golden.yaml'),
  /** A previous run's JSON report to compare with; default `<suite>.baseline.json` when it exists. */
  baseline: z.string().min(1).optional(),
  /** The tenant the queries run as (its collections, budgets and ledger). */
  tenant: z.string().min(1).default('default'),
  /** Replaces every query's model or route: e.g. the production route. */
  model: z.string().min(1).optional(),
  /** The drift alert: `observability.alerts.webhooks` names to notify, and how loud. */
  drift: z
    .strictObject({
      webhooks: z.array(z.string().min(1)).default([]),
      severity: z.enum(['info', 'warning', 'critical']).default('warning'),
    })
    .prefault({}),
});
export type EvalScheduleConfig = z.infer<typeof EvalScheduleConfigSchema>;

/** Golden-query evaluation (`ballast eval`, `POST /v1/evals`, docs/eval.md). */
export const EvalConfigSchema = z.strictObject({
  judge: EvalJudgeConfigSchema.optional(),
  /** Queries of one run in flight at once. */
  concurrency: positiveInt.max(64).default(4),
  /** Longest one query's chat workflow may take before it is scored as an error. */
  queryTimeoutMs: positiveInt.default(120_000),
  /** Suite files `POST /v1/evals` may name by `suite_path` (relative to the working directory). */
  suitePaths: z.array(z.string().min(1)).default(['demo/golden.yaml']),
  schedule: EvalScheduleConfigSchema.prefault({}),
});
export type EvalConfig = z.infer<typeof EvalConfigSchema>;
