import { compareToBaseline, summarize, toHtmlReport, toJsonReport, toMarkdownReport, type BaselineSummary, type EvalRunOutcome, type EvalSuite, type QueryResult, type ReportContext } from '#libs/eval';
import type { EvalRunsRepository, EvalRunTrigger } from '#libs/store';

export interface FinishEvalRunDependencies {
  readonly evalRuns: Pick<EvalRunsRepository, 'create' | 'complete' | 'markFailed'>;
}

/** The suite as a run's record needs it (not its queries: the results carry them). */
export type EvalSuiteInfo = Pick<EvalSuite, 'suite' | 'thresholds'> & { readonly description?: string };

export interface StartEvalRunInput {
  readonly runId: string;
  readonly tenantId: string;
  readonly suite: string;
  readonly trigger: EvalRunTrigger;
  readonly queries: number;
  readonly createdAt: string;
}

export interface FinishEvalRunInput {
  readonly runId: string;
  readonly suite: EvalSuiteInfo;
  readonly results: readonly QueryResult[];
  readonly baseline?: BaselineSummary;
  /** ISO time the run started: the reports' `generatedAt`. */
  readonly startedAt: string;
}

/** Records the run as running (the API has usually done so already; a Schedule has not). */
export function createStartEvalRun(dependencies: FinishEvalRunDependencies) {
  return async function startEvalRun(input: StartEvalRunInput): Promise<void> {
    await dependencies.evalRuns.create({ id: input.runId, tenantId: input.tenantId, suite: input.suite, trigger: input.trigger, queries: input.queries, createdAt: input.createdAt });
  };
}

/**
 * Summarizes the results, compares them with the baseline, renders the three reports and stores
 * them with the run. Repeating it stores nothing new: the first completion stands.
 */
export function createFinishEvalRun(dependencies: FinishEvalRunDependencies) {
  return async function finishEvalRun(input: FinishEvalRunInput): Promise<EvalRunOutcome> {
    const summary = summarize(input.results);
    const comparison = compareToBaseline(summary, input.baseline, input.suite.thresholds);
    const context: ReportContext = {
      suite: input.suite.suite,
      ...(input.suite.description === undefined ? {} : { description: input.suite.description }),
      generatedAt: input.startedAt,
      thresholds: input.suite.thresholds,
      comparison,
    };
    await dependencies.evalRuns.complete(input.runId, {
      completedAt: new Date().toISOString(),
      passRate: summary.passRate,
      meanGroundedness: summary.meanGroundedness,
      totalCostUsd: summary.totalCostUsd,
      gate: comparison.gate,
      reportJson: toJsonReport(summary, input.results, context),
      reportMarkdown: toMarkdownReport(summary, input.results, context),
      reportHtml: toHtmlReport(summary, input.results, context),
    });
    return { runId: input.runId, suite: input.suite.suite, summary, comparison };
  };
}

/** Marks a run that could not finish as failed, saying why. */
export function createFailEvalRun(dependencies: FinishEvalRunDependencies) {
  return async function failEvalRun(input: { runId: string; error: string }): Promise<void> {
    await dependencies.evalRuns.markFailed(input.runId, input.error, new Date().toISOString());
  };
}
