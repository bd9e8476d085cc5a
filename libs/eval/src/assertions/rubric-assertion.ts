import { type RubricGrader } from '../observation.js';
import { type AssertionOf } from '../suite-schema.js';
import { type Outcome } from './assertion-result.js';

/** `llm-rubric`: graded by the judge port; skipped (never passed) without one or when grading fails. */
export async function checkRubric(assertion: AssertionOf<'llm-rubric'>, question: string, answer: string, grader: RubricGrader | undefined): Promise<Outcome> {
  const expected = assertion.value;
  if (grader === undefined) return { status: 'skipped', expected, actual: 'not graded', reason: 'no rubric grader configured' };
  try {
    const verdict = await grader(assertion.value, question, answer);
    return { status: verdict.pass ? 'pass' : 'fail', expected, actual: verdict.pass ? 'meets the rubric' : 'misses the rubric', reason: verdict.reason, costUsd: verdict.costUsd };
  } catch (error) {
    return { status: 'skipped', expected, actual: 'not graded', reason: `rubric grader failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
