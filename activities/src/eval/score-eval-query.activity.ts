import { Context } from '@temporalio/activity';
import type { EvalConfig } from '#libs/config';
import { evaluateQuery, type EvalQuery, type Observation, type QueryResult } from '#libs/eval';
import { createRubricGrader, type RubricGraderDependencies } from './rubric-grader.js';

export interface ScoreEvalQueryDependencies extends RubricGraderDependencies {
  /** `eval.judge`; absent: `llm-rubric` assertions are skipped (not graded), never passed. */
  readonly judge?: EvalConfig['judge'];
}

export interface ScoreEvalQueryInput {
  readonly runId: string;
  readonly query: EvalQuery;
  readonly observation: Observation;
}

/** Checks a query's assertions against what the pipeline answered; rubrics go to the configured judge. */
export function createScoreEvalQuery(dependencies: ScoreEvalQueryDependencies) {
  return async function scoreEvalQuery(input: ScoreEvalQueryInput): Promise<QueryResult> {
    const { judge } = dependencies;
    const rubricGrader =
      judge === undefined
        ? undefined
        : createRubricGrader(dependencies, judge, { idempotencyKey: `eval-${input.runId}-${input.query.id}:rubric`, abortSignal: Context.current().cancellationSignal });
    return evaluateQuery(input.query, input.observation, rubricGrader === undefined ? {} : { rubricGrader });
  };
}
