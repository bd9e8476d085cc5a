import { createFailEvalRun, createFinishEvalRun, createStartEvalRun, type FinishEvalRunDependencies } from './finish-eval-run.activity.js';
import { createRecordEvalDrift, type RecordEvalDriftDependencies } from './record-eval-drift.activity.js';
import { createRunEvalQuery, type RunEvalQueryDependencies } from './run-eval-query.activity.js';
import { createScoreEvalQuery, type ScoreEvalQueryDependencies } from './score-eval-query.activity.js';

export type EvalDependencies = RunEvalQueryDependencies & ScoreEvalQueryDependencies & FinishEvalRunDependencies & RecordEvalDriftDependencies;

/** The activities of `evalWorkflow`. */
export function createEvalActivities(dependencies: EvalDependencies) {
  return {
    startEvalRun: createStartEvalRun(dependencies),
    runEvalQuery: createRunEvalQuery(dependencies),
    scoreEvalQuery: createScoreEvalQuery(dependencies),
    finishEvalRun: createFinishEvalRun(dependencies),
    failEvalRun: createFailEvalRun(dependencies),
    recordEvalDrift: createRecordEvalDrift(dependencies),
  };
}

/** The activity interface the eval workflow proxies (imported as a type only). */
export type EvalActivities = ReturnType<typeof createEvalActivities>;
