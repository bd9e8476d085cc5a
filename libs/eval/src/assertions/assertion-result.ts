import { type Assertion, type AssertionType } from '../suite-schema.js';

export type AssertionStatus = 'pass' | 'fail' | 'skipped';

/** The outcome of one assertion, readable on its own in a report. */
export interface AssertionResult {
  type: AssertionType;
  status: AssertionStatus;
  /** A skipped required assertion keeps its query from passing (`required: false` in the suite lifts that). */
  required: boolean;
  /** What the assertion wants, e.g. `≥ 0.80`, `all of "30 days", "receipt"`. */
  expected: string;
  /** What the answer had, e.g. `0.62`, `missing "receipt"`. */
  actual: string;
  /** Why it passed, failed or was skipped. */
  reason: string;
  /** What grading cost (llm-rubric), in USD. */
  costUsd?: number;
}

export type Outcome = Omit<AssertionResult, 'type' | 'required'>;

export function assertionResult(assertion: Assertion, outcome: Outcome): AssertionResult {
  return { type: assertion.type, required: assertion.required ?? true, ...outcome };
}

/** `"30 days", "receipt"`. */
export function quoteList(values: readonly string[]): string {
  return values.map((value) => JSON.stringify(value)).join(', ');
}
