import { type AssertionResult } from './assertions/assertion-result.js';
import { checkAssertion } from './assertions/check-assertion.js';
import { citationCount, type Observation, type RubricGrader } from './observation.js';
import { type QueryResult, type QueryStatus } from './query-result.js';
import { type EvalQuery } from './suite-schema.js';

export interface EvaluateQueryOptions {
  /** Judge for `llm-rubric` assertions; without one they are skipped, never passed. */
  rubricGrader?: RubricGrader;
}

/**
 * Checks every assertion of a query against what the gateway answered. A failed request fails
 * the query (status `error`) and every assertion with the error as the reason; no grader is called.
 */
export async function evaluateQuery(query: EvalQuery, observation: Observation, options: EvaluateQueryOptions = {}): Promise<QueryResult> {
  const { error } = observation;
  const assertions: AssertionResult[] =
    error === undefined
      ? await Promise.all(query.assert.map((assertion) => checkAssertion(assertion, query.question, observation, options.rubricGrader)))
      : query.assert.map((assertion) => ({ type: assertion.type, status: 'fail', required: assertion.required ?? true, expected: '', actual: 'request failed', reason: requestFailure(error) }));
  const status = statusOf(assertions, error !== undefined);
  const reason = error !== undefined ? requestFailure(error) : reasonOf(assertions);
  return {
    id: query.id,
    tags: query.tags,
    question: query.question,
    status,
    pass: status === 'pass',
    ...(reason === undefined ? {} : { reason }),
    assertions,
    answer: observation.answer,
    ...(observation.groundedness === undefined ? {} : { groundedness: observation.groundedness }),
    citations: citationCount(observation.citations),
    latencyMs: observation.latencyMs,
    costUsd: observation.costUsd,
    graderCostUsd: assertions.reduce((sum, assertion) => sum + (assertion.costUsd ?? 0), 0),
    ...(observation.route === undefined ? {} : { route: observation.route }),
    ...(observation.model === undefined ? {} : { model: observation.model }),
    ...(error === undefined ? {} : { error }),
  };
}

function requestFailure(error: NonNullable<Observation['error']>): string {
  return `request failed: ${error.code}: ${error.message}`;
}

function statusOf(assertions: readonly AssertionResult[], errored: boolean): QueryStatus {
  if (errored) return 'error';
  if (assertions.some((assertion) => assertion.status === 'fail')) return 'fail';
  if (assertions.some((assertion) => assertion.status === 'skipped' && assertion.required)) return 'incomplete';
  return 'pass';
}

/** The first failure, else the first required assertion skipped. */
function reasonOf(assertions: readonly AssertionResult[]): string | undefined {
  const failed = assertions.find((assertion) => assertion.status === 'fail');
  if (failed !== undefined) return `${failed.type}: ${failed.reason}`;
  const skipped = assertions.find((assertion) => assertion.status === 'skipped' && assertion.required);
  return skipped === undefined ? undefined : `${skipped.type} skipped: ${skipped.reason}`;
}
