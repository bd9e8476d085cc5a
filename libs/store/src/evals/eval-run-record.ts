/** Where a run came from: the API (and the CLI through it) or the daily Schedule. */
export type EvalRunTrigger = 'api' | 'schedule';

/** `running` until the workflow stores its result; `failed` when it could not finish. */
export type EvalRunStatus = 'running' | 'completed' | 'failed';

/** A run as it starts: who asked, which suite, how many queries. */
export interface NewEvalRun {
  readonly id: string;
  readonly tenantId: string;
  readonly suite: string;
  readonly trigger: EvalRunTrigger;
  readonly queries: number;
  readonly createdAt: string;
}

/** What a finished run stores: its headline figures, the gate, and the three reports. */
export interface EvalRunCompletion {
  readonly completedAt: string;
  readonly passRate: number;
  /** Null when no answer had a groundedness score. */
  readonly meanGroundedness: number | null;
  readonly totalCostUsd: number;
  readonly gate: 'pass' | 'fail';
  /** `toJsonReport`: summary, gate and every query's result. */
  readonly reportJson: string;
  readonly reportMarkdown: string;
  readonly reportHtml: string;
}

/** One stored eval run; the completion fields are absent while it runs. */
export interface EvalRunRecord extends NewEvalRun {
  readonly status: EvalRunStatus;
  readonly completion?: EvalRunCompletion;
  readonly error?: string;
}
