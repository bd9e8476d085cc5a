import { type AssertionResult } from './assertions/assertion-result.js';
import { type Observation } from './observation.js';

/**
 * `pass`: no assertion failed and no required one was skipped; `fail`: one failed;
 * `incomplete`: none failed but a required one could not be checked (no grader, no groundedness);
 * `error`: the request itself failed.
 */
export type QueryStatus = 'pass' | 'fail' | 'incomplete' | 'error';

/** One golden query evaluated: its verdict, every assertion, and what the answer measured. */
export interface QueryResult {
  id: string;
  tags: string[];
  question: string;
  status: QueryStatus;
  pass: boolean;
  /** Why it did not pass (`contains-all: missing "receipt"`); undefined when it passed. */
  reason?: string;
  assertions: AssertionResult[];
  answer: string;
  groundedness?: number;
  /** Distinct sources cited. */
  citations: number;
  latencyMs: number;
  /** The answer's cost, USD. */
  costUsd: number;
  /** What grading the rubrics cost, USD. */
  graderCostUsd: number;
  route?: string;
  model?: string;
  error?: Observation['error'];
}
